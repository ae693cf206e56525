// The firm an import is for; created (active, named by its id) when the graph does not hold it yet.
MERGE (f:Firm {id: $firm})
ON CREATE SET f.name = $firm, f.status = 'active', f.source = 'Created by a customer-data import.', f.importedBy = $import
RETURN f.id AS firm
