// Purchases of a firm's customers for the customer-value models: paid responses through the firm's touchpoints.
MATCH (:Firm {id: $firm})-[:OPERATES]->(:Touchpoint)<-[:THROUGH]-(i:Interaction)<-[:HAD]-(c:Customer)
WHERE i.stage = 'respond' AND i.amount > 0
RETURN c.id AS customer, date(i.at) AS day, i.amount AS amount
