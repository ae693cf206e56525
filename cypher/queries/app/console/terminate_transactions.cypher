// Ends a console query's transactions that went past the console's memory budget.
TERMINATE TRANSACTIONS $transactionIds
YIELD transactionId, message
RETURN transactionId, message
