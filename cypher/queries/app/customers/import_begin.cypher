// An import starts: its (:Import) node, 'running' while its staged transactions are written. The unique
// property `running` (the firm's id, removed when the import ends) lets one import per firm run at a time.
CREATE (x:Import {id: $import, firm: $firm, running: $firm, status: 'running', startedAt: datetime(), heartbeatAt: datetime(),
                  files: $files, interactions: $interactions})
RETURN x.id AS id
