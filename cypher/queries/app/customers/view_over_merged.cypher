// Unified customers of a firm holding more than $max identifiers of one kind: probably wrong merges.
// Each comes with its identifiers and how many of its records hold each one (the bridges hold several).
MATCH (c:Customer {firm: $firm})-[:UNIFIES]->(s:SourceRecord)-[l:IDENTIFIED_BY]->(i:Identifier)
WHERE c.records > 1 AND (l.excluded IS NULL OR l.excluded = false)
WITH c, i, count(s) AS records
WITH c, collect({id: i.id, kind: i.kind, value: i.value, records: records}) AS identifiers
WITH c, identifiers,
     [k IN ['email', 'phone', 'loyalty_card', 'device_id', 'crm_id'] WHERE size([x IN identifiers WHERE x.kind = k]) > $max] AS kinds
WHERE size(kinds) > 0
RETURN c.id AS customer, c.records AS records, kinds, identifiers
ORDER BY records DESC, customer
LIMIT $limit
