// Segments and their customer lifetime value
// Answers: a firm's emergent segments with their size, profile and the mean P(alive) and CLV of their customers from the fitted BG/NBD and Gamma-Gamma models.
:param {firm: 'equinox'};
MATCH (f:Firm {id: $firm})-[:HAS_SEGMENT]->(s:Segment)
OPTIONAL MATCH (c:Customer)-[:IN_SEGMENT]->(s)
OPTIONAL MATCH (c)-[v:CUSTOMER_OF]->(f)
RETURN s.rank AS rank, s.name AS segment, s.customers AS customers, round(s.share, 3) AS share,
       round(avg(v.pAlive), 3) AS meanPAlive, round(avg(v.clv), 2) AS meanClv, round(sum(v.clv), 2) AS totalClv
ORDER BY rank;
