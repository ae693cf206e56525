// A firm's fitted customer-value models (BG/NBD and Gamma-Gamma), replacing the previous fit.
MATCH (f:Firm {id: $firm})
MERGE (m:ValueModel {id: $firm + '-value'})
MERGE (f)-[:HAS_VALUE_MODEL]->(m)
SET m = $model, m.id = $firm + '-value', m.firm = $firm
