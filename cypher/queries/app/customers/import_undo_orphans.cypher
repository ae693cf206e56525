// Rolling back an import: unified customers of the firm left without any source record (the import had
// created them, or merged their records into another customer) are deleted before identities are resolved again.
MATCH (c:Customer {firm: $firm, unified: true})
WHERE NOT (c)-[:UNIFIES]->(:SourceRecord)
DETACH DELETE c
