// Customers' membership of a firm's emergent segments.
UNWIND $rows AS m
MATCH (c:Customer {id: m.customer})
MATCH (s:Segment {id: m.segment})
CREATE (c)-[:IN_SEGMENT]->(s)
