// Who starts the episodes: customer or firm
// Answers: per firm, the share of episodes the firm recognised and started itself (before the customer asked), a sign of curated, coaching or automatic experiences.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OPERATES]->(:Touchpoint)<-[:THROUGH]-(i:Interaction {stage: 'recognize'})
WITH f, count(i) AS episodes, count(CASE WHEN i.initiatedBy = 'firm' THEN 1 END) AS byFirm
RETURN f.name AS firm, episodes, byFirm, round(toFloat(byFirm) / episodes, 3) AS firmInitiatedShare
ORDER BY firmInitiatedShare DESC;
