// Start-up migration: every firm that competes in no market (imported before firms got a market, or left
// without one by an edit over Bolt) joins the "Unassigned" market, created when first needed. Idempotent.
MATCH (f:Firm) WHERE NOT (f)-[:COMPETES_IN]->(:Market)
WITH collect(f) AS orphans
WHERE size(orphans) > 0
MERGE (u:Market {id: $unassigned})
ON CREATE SET u.name = $unassignedName, u.region = '', u.description = $unassignedDescription
FOREACH (f IN orphans | MERGE (f)-[:COMPETES_IN]->(u))
RETURN size(orphans) AS placed
