// Every interaction step through a firm's touchpoints, for its 4R profile: one row per step.
MATCH (f:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint)<-[:THROUGH]-(i:Interaction)<-[:HAD]-(c:Customer)
OPTIONAL MATCH (t)-[:VIA]->(ch:Channel)
RETURN i.episode AS episode, i.stage AS stage, i.at.epochSeconds AS at, i.identified AS identified,
       i.initiatedBy AS initiatedBy, i.satisfaction AS satisfaction, c.id AS customer,
       coalesce(ch.name, ch.id, 'unknown') AS channel
ORDER BY episode, at
