// The unified customer of each of the firm's source records: an import's parallel writers split the new
// interactions by customer, so that no two of them link interactions to the same customer at once.
MATCH (c:Customer)-[:UNIFIES]->(s:SourceRecord {firm: $firm})
RETURN s.id AS record, c.id AS customer
