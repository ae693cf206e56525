// How many nodes and relationships the database holds: the prebuilt demo store's manifest records them.
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
