// Customer records of source systems and their normalised identifiers. Links to identifiers that a
// record no longer lists are removed; an unmerged link (excluded) keeps its flag.
UNWIND $rows AS r
MERGE (s:SourceRecord {id: r.id})
SET s.firm = $firm, s.system = r.system, s.recordId = r.recordId, s.name = r.name, s.city = r.city, s.since = r.since
WITH s, r
OPTIONAL MATCH (s)-[old:IDENTIFIED_BY]->(o:Identifier)
WHERE NOT o.id IN [x IN r.identifiers | x.id]
DELETE old
WITH DISTINCT s, r
UNWIND r.identifiers AS ident
MERGE (i:Identifier {id: ident.id})
ON CREATE SET i.importedBy = $import, i.firm = $firm, i.kind = ident.kind, i.value = ident.value
MERGE (s)-[:IDENTIFIED_BY]->(i)
