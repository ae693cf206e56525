// Places an import's firm in a market (in the import's last transaction). A firm in no market goes to $market
// when one is given, else to the "Unassigned" market (created when first needed); a firm only in "Unassigned"
// moves to $market when one is given; a firm in any other market stays where it is.
// $market, when not null, exists (checked before the import: market_placement.cypher).
MATCH (f:Firm {id: $firm})
WITH f, [(f)-[:COMPETES_IN]->(m:Market) | m.id] AS markets
WITH f, CASE
    WHEN $market IS NOT NULL AND (size(markets) = 0 OR markets = [$unassigned]) THEN $market
    WHEN size(markets) = 0 THEN $unassigned
    ELSE null END AS target
CALL {
    WITH f, target
    WITH f, target WHERE target IS NOT NULL
    MERGE (m:Market {id: target})
    ON CREATE SET m.name = $unassignedName, m.region = '', m.description = $unassignedDescription
    MERGE (f)-[:COMPETES_IN]->(m)
    WITH f, target WHERE target <> $unassigned
    OPTIONAL MATCH (f)-[old:COMPETES_IN]->(:Market {id: $unassigned})
    DELETE old
}
RETURN [(f)-[:COMPETES_IN]->(m:Market) | m.id] AS markets
