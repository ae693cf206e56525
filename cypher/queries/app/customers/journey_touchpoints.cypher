// A firm's touchpoints with their channel and moment-of-truth tag.
MATCH (:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint)
OPTIONAL MATCH (t)-[:VIA]->(ch:Channel)
RETURN t.id AS id, coalesce(t.name, t.id) AS name, coalesce(t.momentOfTruth, false) AS momentOfTruth,
       ch.id AS channel, ch.kind AS kind
ORDER BY id
