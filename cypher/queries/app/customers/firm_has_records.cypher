// Whether a firm holds imported customer records already.
MATCH (s:SourceRecord {firm: $firm})
RETURN count(s) > 0 AS any
LIMIT 1
