// A firm's journeys: each episode's touchpoints in time order, whether it ended in a purchase, counted per distinct path.
MATCH (:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint)<-[:THROUGH]-(i:Interaction)
WITH i, t
ORDER BY i.at
WITH coalesce(i.episode, i.id) AS episode, collect(t.id) AS path,
     max(CASE WHEN i.stage = 'respond' AND i.amount > 0 THEN 1 ELSE 0 END) AS bought
RETURN path, bought = 1 AS bought, count(*) AS journeys
