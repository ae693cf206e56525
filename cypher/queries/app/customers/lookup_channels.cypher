// Ids of all channels.
MATCH (ch:Channel)
RETURN ch.id AS id
