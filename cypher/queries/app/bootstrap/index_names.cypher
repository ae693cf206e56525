// The names of the database's indexes: start-up skips the schema statements whose index exists already.
SHOW INDEXES YIELD name
RETURN name
