// Every channel, for the touchpoint form.
MATCH (c:Channel)
RETURN c.id AS id, c.name AS name, c.kind AS kind
ORDER BY name
