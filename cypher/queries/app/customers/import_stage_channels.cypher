// Staging of an import: channels its new touchpoints need and the graph does not hold yet, created only
// (existing channels are updated at the end, in the import's last transaction).
UNWIND $rows AS c
MERGE (ch:Channel {id: c.id})
ON CREATE SET ch.name = c.name, ch.kind = c.kind, ch.importedBy = $import
