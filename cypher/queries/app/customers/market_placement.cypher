// Before an import: whether market $market exists (false when $market is null) and the markets firm $firm competes in
// (empty for a new firm).
OPTIONAL MATCH (m:Market {id: $market})
OPTIONAL MATCH (f:Firm {id: $firm})-[:COMPETES_IN]->(fm:Market)
RETURN m IS NOT NULL AS marketExists, collect(fm.id) AS firmMarkets
