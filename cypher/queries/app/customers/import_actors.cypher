// Ecosystem actors of an import, linked to the firm with their role.
UNWIND $rows AS a
MATCH (f:Firm {id: $firm})
MERGE (ac:Actor {id: a.id})
ON CREATE SET ac.importedBy = $import
SET ac.name = a.name, ac.kind = a.kind
MERGE (f)-[:HAS_ACTOR {role: a.role}]->(ac)
