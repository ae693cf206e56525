// Customer records that do not exist yet (checked before), created with their identifiers.
UNWIND $rows AS r
CREATE (s:SourceRecord {id: r.id, firm: $firm, system: r.system, recordId: r.recordId, name: r.name, city: r.city, since: r.since,
                        importedBy: $import})
WITH s, r
UNWIND r.identifiers AS ident
MERGE (i:Identifier {id: ident.id})
ON CREATE SET i.importedBy = $import, i.firm = $firm, i.kind = ident.kind, i.value = ident.value
CREATE (s)-[:IDENTIFIED_BY]->(i)
