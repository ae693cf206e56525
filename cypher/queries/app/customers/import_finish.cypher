// The import's last transaction marks it complete, with what it did.
MATCH (x:Import {id: $import})
SET x.status = 'complete', x.finishedAt = datetime(), x.newRecords = $newRecords, x.updatedRecords = $updatedRecords,
    x.newInteractions = $newInteractions, x.updatedInteractions = $updatedInteractions, x.unifiedCustomers = $unifiedCustomers
REMOVE x.running
WITH x
MATCH (f:Firm {id: x.firm})
MERGE (x)-[:INTO]->(f)
