// A firm's previous emergent segments, with their memberships.
MATCH (f:Firm {id: $firm})-[:HAS_SEGMENT]->(s:Segment)
DETACH DELETE s
