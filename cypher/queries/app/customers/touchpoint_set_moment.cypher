// Tags (or untags) a firm's touchpoint as a moment of truth.
MATCH (:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint {id: $touchpoint})
SET t.momentOfTruth = $moment
RETURN t.id AS id
