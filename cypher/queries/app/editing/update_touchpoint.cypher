// A touchpoint's fields, replaced.
MATCH (t:Touchpoint {id: $id})
SET t.name = $name, t.initiative = $initiative, t.momentOfTruth = $momentOfTruth,
    t.collectsFeedback = $collectsFeedback, t.standingAuthorisation = $standingAuthorisation
