// The console query's transactions (tagged with its id in their metadata) and the heap the database counts for each.
SHOW TRANSACTIONS YIELD transactionId, metaData, estimatedUsedHeapMemory
WHERE metaData.consoleQuery = $consoleQuery
RETURN transactionId, estimatedUsedHeapMemory
