// A firm's id and name: whether it exists, and the title of its pages (customers, simulations).
MATCH (f:Firm {id: $firm})
RETURN f.id AS id, f.name AS name
