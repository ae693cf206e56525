// A new touchpoint operated by a firm.
MATCH (f:Firm {id: $firm})
CREATE (t:Touchpoint {id: $id})
SET t.name = $name, t.initiative = $initiative, t.momentOfTruth = $momentOfTruth,
    t.collectsFeedback = $collectsFeedback, t.standingAuthorisation = $standingAuthorisation
CREATE (f)-[:OPERATES]->(t)
