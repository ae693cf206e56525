// Channels of an import (shared across firms).
UNWIND $rows AS c
MERGE (ch:Channel {id: c.id})
ON CREATE SET ch.importedBy = $import
SET ch.name = c.name, ch.kind = c.kind
