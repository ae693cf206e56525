// Interactions imported before: their properties and touchpoint are brought up to date. Returns how
// many really changed (a property differs, or the interaction was not only THROUGH this touchpoint),
// compared before the SET, so a re-import of the same files reports 0.
UNWIND $rows AS i
MATCH (x:Interaction {id: i.id})
MATCH (t:Touchpoint {id: i.touchpoint})
WITH x, t, i, [(x)-[:THROUGH]->(o:Touchpoint) | o.id] AS through
WITH x, t, i,
     NOT (coalesce(x.episode = i.episode, x.episode IS NULL AND i.episode IS NULL)
          AND coalesce(x.stage = i.stage, x.stage IS NULL AND i.stage IS NULL)
          AND coalesce(x.at = i.at, x.at IS NULL AND i.at IS NULL)
          AND coalesce(x.amount = i.amount, x.amount IS NULL AND i.amount IS NULL)
          AND coalesce(x.initiatedBy = i.initiatedBy, x.initiatedBy IS NULL AND i.initiatedBy IS NULL)
          AND coalesce(x.satisfaction = i.satisfaction, x.satisfaction IS NULL AND i.satisfaction IS NULL)
          AND coalesce(x.personalised = i.personalised, x.personalised IS NULL AND i.personalised IS NULL)
          AND through = [t.id]) AS changed
SET x.episode = i.episode, x.stage = i.stage, x.at = i.at, x.amount = i.amount, x.initiatedBy = i.initiatedBy,
    x.satisfaction = i.satisfaction, x.personalised = i.personalised
MERGE (x)-[:THROUGH]->(t)
WITH x, t, changed
CALL {
  WITH x, t
  OPTIONAL MATCH (x)-[old:THROUGH]->(other:Touchpoint)
  WHERE other <> t
  DELETE old
}
RETURN count(CASE WHEN changed THEN 1 END) AS changed
