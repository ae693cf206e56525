// A firm's name, to check it exists before simulating it.
MATCH (f:Firm {id: $firm})
RETURN f.id AS id, f.name AS name
