// A running import is alive: written after each staged transaction, so a crashed one can be told from a slow one.
MATCH (x:Import {id: $import})
SET x.heartbeatAt = datetime()
