// The names of the database's constraints: start-up skips the schema statements whose constraint exists already.
SHOW CONSTRAINTS YIELD name
RETURN name
