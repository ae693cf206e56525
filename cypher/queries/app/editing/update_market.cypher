// A market's fields, replaced.
MATCH (m:Market {id: $id})
SET m.name = $name, m.region = $region, m.asOf = $asOf, m.description = $description
