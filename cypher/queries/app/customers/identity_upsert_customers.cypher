// Unified customers that are new or whose records changed.
UNWIND $rows AS c
MATCH (f:Firm {id: $firm})
MERGE (cu:Customer {id: c.id})
SET cu.firm = $firm, cu.unified = true, cu.records = c.records, cu.systems = c.systems, cu.since = c.since
MERGE (cu)-[r:CUSTOMER_OF]->(f)
SET r.since = c.since
