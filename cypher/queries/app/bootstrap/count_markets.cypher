// How many markets the database holds, not counting "Unassigned" (made by an import without --market);
// 0 means the demo markets are loaded on start.
MATCH (m:Market) WHERE m.id <> $unassigned
RETURN count(m) AS markets
