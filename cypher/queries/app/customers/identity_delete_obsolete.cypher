// Unified customers left without any source record after a re-resolution.
UNWIND $ids AS id
MATCH (cu:Customer {id: id, unified: true})
WHERE NOT (cu)-[:UNIFIES]->(:SourceRecord)
DETACH DELETE cu
