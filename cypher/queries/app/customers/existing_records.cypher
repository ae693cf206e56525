// Which of these source-record ids exist.
UNWIND $ids AS id
MATCH (s:SourceRecord {id: id})
RETURN s.id AS id
