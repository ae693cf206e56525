// Which of these interaction ids exist.
UNWIND $ids AS id
MATCH (x:Interaction {id: id})
RETURN x.id AS id
