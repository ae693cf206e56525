// An offering's name.
MATCH (o:Offering {id: $id})
SET o.name = $name
