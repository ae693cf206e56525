// A firm's emergent segments, largest first.
MATCH (:Firm {id: $firm})-[:HAS_SEGMENT]->(s:Segment)
RETURN s {.*} AS segment
ORDER BY s.rank
