// Every technology with its STAR stage, to reuse one in the technology form.
MATCH (x:Technology)
RETURN x.id AS id, x.name AS name, x.star AS kind
ORDER BY name
