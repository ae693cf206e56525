// Rolling back an import: every node it created (interactions, records, identifiers,
// touchpoints, channels, actors, the firm), with their relationships, in batches (run outside an explicit
// transaction). A scan of all nodes: rare, and cheaper than an index written on every import.
MATCH (n)
WHERE n.importedBy = $import
CALL {
  WITH n
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
