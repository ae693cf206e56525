// A revenue model's fields, replaced.
MATCH (r:RevenueModel {id: $id})
SET r.name = $name, r.kind = $kind, r.payer = $payer, r.unit = $unit, r.price = $price, r.indicator = $indicator
