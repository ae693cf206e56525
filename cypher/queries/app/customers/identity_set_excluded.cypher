// Unmerge (excluded = true) or re-link (the flag removed) the links between records and an identifier of a firm;
// $record null means every record holding the identifier. Returns how many links changed.
MATCH (s:SourceRecord {firm: $firm})-[l:IDENTIFIED_BY]->(i:Identifier {id: $identifier})
WHERE $record IS NULL OR s.id = $record
SET l.excluded = CASE WHEN $excluded THEN true ELSE null END
RETURN count(l) AS links
