// A firm's fields, replaced.
MATCH (f:Firm {id: $id})
SET f.name = $name, f.description = $description, f.founded = $founded, f.status = $status, f.type = $type, f.source = $source
