// Customers recognised across three or more channels
// Answers: which customers the firms recognised (identified) through at least $minChannels different channels: the connected, omnichannel ones.
:param {minChannels: 3};
MATCH (c:Customer)-[:HAD]->(i:Interaction {identified: true})-[:THROUGH]->(:Touchpoint)-[:VIA]->(ch:Channel)
WITH c, collect(DISTINCT ch.name) AS channels
WHERE size(channels) >= $minChannels
RETURN c.id AS customer, c.segment AS segment, size(channels) AS channelCount, channels
ORDER BY channelCount DESC, customer
LIMIT 100;
