// Per customer of a firm: P(alive), expected transactions and spend, CLV, RFM and the BG/NBD inputs x, tx, T (weeks), on CUSTOMER_OF.
UNWIND $rows AS v
MATCH (c:Customer {id: v.customer})-[r:CUSTOMER_OF]->(:Firm {id: $firm})
SET r.pAlive = v.pAlive, r.expectedTransactions = v.expectedTransactions, r.expectedSpend = v.expectedSpend,
    r.clv = v.clv, r.rfm = v.rfm, r.rfmClass = v.rfmClass, r.valuedAt = v.valuedAt,
    r.x = v.x, r.tx = v.tx, r.T = v.T
