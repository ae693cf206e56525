// Firms whose declared and inferred placements differ
// Answers: which offerings carry a declared matrix cell that the graph evidence does not support (the rules of cypher/README.md, "Placement rules"), with what the evidence says instead: the placements a strategist should challenge.
:param {market: 'us-chronic-health'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OFFERS]->(o:Offering)
WITH f, o,
     coalesce([(o)-[:DECLARED_EXPERIENCE]->(d:Experience) | d.id][0], [(f)-[:DECLARED_EXPERIENCE]->(d:Experience) | d.id][0]) AS declaredRow,
     coalesce([(o)-[:DECLARED_ARCHITECTURE]->(d:Architecture) | d.id][0], [(f)-[:DECLARED_ARCHITECTURE]->(d:Architecture) | d.id][0]) AS declaredColumn
WHERE declaredRow IS NOT NULL OR declaredColumn IS NOT NULL
WITH f, o, declaredRow, declaredColumn,
     [(f)-[:OPERATES]->(t:Touchpoint) WHERE NOT EXISTS { (t)-[:SUPPORTS]->() } OR EXISTS { (t)-[:SUPPORTS]->(o) } | t] AS tps,
     [(f)-[:USES]->(x:Technology) | x.star] AS stars
WITH f, o, declaredRow, declaredColumn, tps, [r IN [
       CASE WHEN any(t IN tps WHERE t.initiative = 'firm_curated') AND 'analyze' IN stars THEN 'curated_offering' END,
       CASE WHEN any(t IN tps WHERE t.initiative = 'firm_coach') AND 'sense' IN stars THEN 'coach_behavior' END,
       CASE WHEN any(t IN tps WHERE t.initiative = 'firm_automatic' AND t.standingAuthorisation) AND 'sense' IN stars AND 'react' IN stars
            THEN 'automatic_execution' END] WHERE r IS NOT NULL] AS firmRows
WITH f, o, declaredRow, declaredColumn,
     CASE WHEN size(firmRows) > 0 THEN firmRows WHEN any(t IN tps WHERE t.initiative = 'customer') THEN ['respond_to_desire'] ELSE [] END AS inferredRows,
     [c IN [(o)-[:SUPPLIED_BY]->(s) | CASE
        WHEN s = f THEN 'connected_producer'
        WHEN [(f)-[h:HAS_ACTOR]->(s) | h.role][0] = 'peer' THEN 'peer_to_peer'
        WHEN s.kind = 'crowd' AND [(f)-[h:HAS_ACTOR]->(s) | h.role][0] = 'crowd_supplier' THEN 'crowd_orchestrator'
        WHEN s.kind = 'organisation' AND (EXISTS { (s)-[:PAYS]->(f) } OR EXISTS { (f)-[:EARNS_BY]->(:RevenueModel)-[:PAID_BY]->(s) }) THEN 'market_maker'
        WHEN (coalesce([(f)-[h:HAS_ACTOR]->(s) | h.role][0], CASE WHEN s:Firm THEN 'producer' END) IN ['producer', 'supplier'])
             AND EXISTS { (f)-[:EARNS_BY]->(:RevenueModel {payer: 'customer'}) } THEN 'connected_retailer'
      END] WHERE c IS NOT NULL] AS inferredColumns
WHERE (declaredRow IS NOT NULL AND NOT declaredRow IN inferredRows)
   OR (declaredColumn IS NOT NULL AND NOT declaredColumn IN inferredColumns)
RETURN f.name AS firm, o.name AS offering, declaredRow, inferredRows, declaredColumn, inferredColumns
ORDER BY firm, offering;
