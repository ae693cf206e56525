// An existing technology used by one more firm.
MATCH (f:Firm {id: $firm})
MATCH (x:Technology {id: $id})
MERGE (f)-[:USES]->(x)
