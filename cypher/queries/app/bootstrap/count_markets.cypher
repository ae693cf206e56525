// How many markets the database holds; 0 means the demo markets are loaded on start.
MATCH (m:Market)
RETURN count(m) AS markets
