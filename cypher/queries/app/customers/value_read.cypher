// A firm's value model and its customers' value summary per RFM class.
MATCH (:Firm {id: $firm})-[:HAS_VALUE_MODEL]->(m:ValueModel)
OPTIONAL MATCH (c:Customer)-[r:CUSTOMER_OF]->(:Firm {id: $firm})
WHERE r.valuedAt = m.calibrationEnd
WITH m, r.rfmClass AS rfmClass, count(r) AS customers, avg(r.pAlive) AS pAlive, avg(r.clv) AS clv, sum(r.clv) AS totalClv,
     avg(r.expectedTransactions) AS expectedTransactions
RETURN m {.*} AS model, collect(CASE WHEN rfmClass IS NULL THEN NULL ELSE {rfmClass: rfmClass, customers: customers, pAlive: pAlive,
       clv: clv, totalClv: totalClv, expectedTransactions: expectedTransactions} END) AS classes
