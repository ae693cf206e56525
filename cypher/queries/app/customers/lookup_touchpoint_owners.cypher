// For each touchpoint id that exists, the firm operating it ('' if none).
UNWIND $ids AS id
MATCH (t:Touchpoint {id: id})
OPTIONAL MATCH (f:Firm)-[:OPERATES]->(t)
RETURN t.id AS id, coalesce(f.id, '') AS firm
