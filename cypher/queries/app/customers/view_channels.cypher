// Per channel of a firm: customers seen there, and how many of them were also seen on another channel.
MATCH (f:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint)-[:VIA]->(ch:Channel)
MATCH (t)<-[:THROUGH]-(:Interaction)<-[:HAD]-(c:Customer)
WITH c, collect(DISTINCT ch.id) AS channels
UNWIND channels AS channel
RETURN channel, count(c) AS customers, sum(CASE WHEN size(channels) > 1 THEN 1 ELSE 0 END) AS shared
ORDER BY channel
