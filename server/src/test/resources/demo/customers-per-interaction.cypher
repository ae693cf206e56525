// Synthetic customers of a demo market and their interaction episodes.
// Parameters: $customers [{id, segment, city, since, firms: [{firm, since}]}],
//             $interactions [{id, customer, touchpoint, episode, stage, at, amount, initiatedBy, identified, satisfaction}]
// produced by org.cstrat.server.demo.DemoCustomers with a fixed seed, so every load is the same graph.
// Loaded only into a database without markets, so interactions are created, not merged.

UNWIND $customers AS c
MERGE (cu:Customer {id: c.id})
SET cu.segment = c.segment, cu.city = c.city, cu.since = date(c.since), cu.synthetic = true
WITH cu, c
UNWIND c.firms AS rel
MATCH (f:Firm {id: rel.firm})
MERGE (cu)-[r:CUSTOMER_OF]->(f)
SET r.since = date(rel.since);

UNWIND $interactions AS i
MATCH (cu:Customer {id: i.customer})
MATCH (t:Touchpoint {id: i.touchpoint})
CREATE (x:Interaction {id: i.id})
SET x.episode = i.episode, x.stage = i.stage, x.at = datetime(i.at), x.amount = i.amount,
    x.initiatedBy = i.initiatedBy, x.identified = i.identified, x.satisfaction = i.satisfaction
CREATE (cu)-[:HAD]->(x)
CREATE (x)-[:THROUGH]->(t);
