// Customer records of source systems and their normalised identifiers. Links to identifiers that a
// record no longer lists are removed; an unmerged link (excluded) keeps its flag. Returns how many
// records really changed (a property or the set of identifiers differs from what the graph held), so a
// re-import of the same files reports 0; the properties are compared before they are set.
UNWIND $rows AS r
MERGE (s:SourceRecord {id: r.id})
WITH s, r, [(s)-[:IDENTIFIED_BY]->(o:Identifier) | o.id] AS before, [x IN r.identifiers | x.id] AS after
WITH s, r, before, after,
     NOT (coalesce(s.firm = $firm, false) AND coalesce(s.system = r.system, s.system IS NULL AND r.system IS NULL)
          AND coalesce(s.recordId = r.recordId, s.recordId IS NULL AND r.recordId IS NULL)
          AND coalesce(s.name = r.name, s.name IS NULL AND r.name IS NULL)
          AND coalesce(s.city = r.city, s.city IS NULL AND r.city IS NULL)
          AND coalesce(s.since = r.since, s.since IS NULL AND r.since IS NULL)
          AND all(x IN after WHERE x IN before) AND all(x IN before WHERE x IN after)) AS changed
SET s.firm = $firm, s.system = r.system, s.recordId = r.recordId, s.name = r.name, s.city = r.city, s.since = r.since
WITH s, r, changed
CALL {
  WITH s, r
  OPTIONAL MATCH (s)-[old:IDENTIFIED_BY]->(o:Identifier)
  WHERE NOT o.id IN [x IN r.identifiers | x.id]
  DELETE old
}
CALL {
  WITH s, r
  UNWIND r.identifiers AS ident
  MERGE (i:Identifier {id: ident.id})
  ON CREATE SET i.importedBy = $import, i.firm = $firm, i.kind = ident.kind, i.value = ident.value
  MERGE (s)-[:IDENTIFIED_BY]->(i)
}
RETURN count(CASE WHEN changed THEN 1 END) AS changed
