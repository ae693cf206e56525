// An actor's name and kind.
MATCH (a:Actor {id: $id})
SET a.name = $name, a.kind = $kind
