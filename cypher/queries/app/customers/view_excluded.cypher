// Links a consultant unmerged (excluded), to show them and allow re-linking.
MATCH (s:SourceRecord {firm: $firm})-[l:IDENTIFIED_BY {excluded: true}]->(i:Identifier)
RETURN s.id AS record, i.id AS identifier, i.kind AS kind, i.value AS value
ORDER BY identifier, record
LIMIT 200
