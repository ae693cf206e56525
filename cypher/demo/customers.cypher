// Synthetic customers of a demo market and their interaction episodes, in one statement.
// Parameters (org.cstrat.server.demo.DemoCustomers.Demo#parameters: the market view of the one demo generator,
// org.cstrat.server.demo.SyntheticPopulation, with a fixed seed, so every load is the same graph):
//   $touchpoints  [touchpoint id]: the touchpoints the interactions go through
//   $customers    [{id, segment, city, since: date, firms: [{firm, since: date}],
//                   interactions: [{id, touchpoint: index into $touchpoints, episode, stage, at: datetime, amount,
//                                   initiatedBy, identified, satisfaction}]}]
// Each touchpoint and each customer is looked up once, not once per interaction (about 29,000 interactions in the demo).
// Loaded only into a database without markets, so interactions are created, not merged.

UNWIND range(0, size($touchpoints) - 1) AS k
OPTIONAL MATCH (t:Touchpoint {id: $touchpoints[k]})
WITH k, t ORDER BY k
// a map per touchpoint keeps the positions even if one were missing (collect drops nulls, not maps holding one)
WITH collect({node: t}) AS touchpoints
UNWIND $customers AS c
MERGE (cu:Customer {id: c.id})
SET cu.segment = c.segment, cu.city = c.city, cu.since = c.since, cu.synthetic = true
WITH touchpoints, cu, c
CALL {
  WITH cu, c
  UNWIND c.firms AS rel
  MATCH (f:Firm {id: rel.firm})
  MERGE (cu)-[r:CUSTOMER_OF]->(f)
  SET r.since = rel.since
}
WITH touchpoints, cu, c
UNWIND c.interactions AS i
WITH cu, i, touchpoints[i.touchpoint].node AS t
WHERE t IS NOT NULL
CREATE (x:Interaction {id: i.id})
SET x.episode = i.episode, x.stage = i.stage, x.at = i.at, x.amount = i.amount,
    x.initiatedBy = i.initiatedBy, x.identified = i.identified, x.satisfaction = i.satisfaction
CREATE (cu)-[:HAD]->(x)
CREATE (x)-[:THROUGH]->(t);
