// A rolled-back import stays in the log with the reason.
MATCH (x:Import {id: $import})
SET x.status = 'rolled back', x.finishedAt = datetime(), x.error = $error
REMOVE x.running
