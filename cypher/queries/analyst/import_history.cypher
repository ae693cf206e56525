// Import history
// Answers: which customer-data imports ran, for which firm, when, how long they took and what they brought (new and updated records and interactions), and which were rolled back and why.
:param {firm: null};
MATCH (x:Import)
WHERE $firm IS NULL OR x.firm = $firm
RETURN x.firm AS firm, x.id AS import, x.status AS status, x.startedAt AS startedAt,
       duration.between(x.startedAt, coalesce(x.finishedAt, x.heartbeatAt)).seconds AS seconds,
       x.files AS files, x.newRecords AS newRecords, x.updatedRecords AS updatedRecords,
       x.newInteractions AS newInteractions, x.updatedInteractions AS updatedInteractions, x.error AS error
ORDER BY x.startedAt DESC
LIMIT 100;
