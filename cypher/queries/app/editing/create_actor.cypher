// A new ecosystem actor.
CREATE (a:Actor {id: $id})
SET a.name = $name, a.kind = $kind
