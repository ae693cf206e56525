// A firm's id and name, to check it exists and title its pages.
MATCH (f:Firm {id: $firm})
RETURN f.id AS id, f.name AS name
