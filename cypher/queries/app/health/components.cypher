// The database's name, version and edition: the health check's question.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
