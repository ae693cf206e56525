// Behaviour of each customer of a firm (through the firm's touchpoints), aggregated per episode first:
// last interaction, purchases (episodes with a paid response), spend, interactions per channel kind,
// personalised episodes (firm-initiated recognition or flagged personalised) and those that ended in a purchase.
// Spend comes per episode (spends): the caller adds it up in a fixed order, so that the same graph gives the same
// figures to the last digit (a sum of decimals here would follow the store's row order).
MATCH (f:Firm {id: $firm})-[:OPERATES]->(t:Touchpoint)-[:VIA]->(ch:Channel)
MATCH (t)<-[:THROUGH]-(i:Interaction)<-[:HAD]-(c:Customer)
WITH c, i.episode AS episode, max(i.at) AS last,
     max(CASE WHEN coalesce(i.personalised, false) OR (i.stage = 'recognize' AND i.initiatedBy = 'firm') THEN 1 ELSE 0 END) AS offered,
     max(CASE WHEN i.stage = 'respond' AND i.amount > 0 THEN 1 ELSE 0 END) AS bought,
     sum(CASE WHEN i.stage = 'respond' AND i.amount > 0 THEN i.amount ELSE 0 END) AS spent,
     sum(CASE WHEN ch.kind = 'digital' THEN 1 ELSE 0 END) AS digital,
     sum(CASE WHEN ch.kind = 'voice' THEN 1 ELSE 0 END) AS voice,
     sum(CASE WHEN ch.kind = 'physical' THEN 1 ELSE 0 END) AS physical,
     sum(CASE WHEN ch.kind = 'device' THEN 1 ELSE 0 END) AS device
RETURN c.id AS customer, max(last) AS last, sum(bought) AS purchases, collect(spent) AS spends,
       sum(digital) AS digital, sum(voice) AS voice, sum(physical) AS physical, sum(device) AS device,
       sum(offered) AS offered, sum(offered * bought) AS offeredBought
ORDER BY customer
