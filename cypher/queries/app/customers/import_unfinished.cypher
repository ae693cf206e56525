// Imports (of $firm, or of every firm when it is null) that did not finish and show no sign of life since
// $before: their process is gone.
MATCH (x:Import {status: 'running'})
WHERE x.heartbeatAt < $before AND ($firm IS NULL OR x.firm = $firm)
RETURN x.id AS id, x.firm AS firm, x.startedAt AS startedAt
ORDER BY x.startedAt
