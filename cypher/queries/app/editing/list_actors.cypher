// Every actor, to reuse one in the actor form.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind
ORDER BY name
