// Firms per cell of a market's matrix
// Answers: which firms sit in each cell (connected customer experience x connection architecture) of a market, placed from the evidence as the workbench does (cypher/README.md, "Placement rules"; a declared cell wins). A test keeps it in step with org.cstrat.server.placement.PlacementRules.
:param {market: 'us-mobility'};
MATCH (f:Firm)-[:COMPETES_IN]->(:Market {id: $market})
MATCH (f)-[:OFFERS]->(o:Offering)
WITH f, o,
     [(f)-[:OPERATES]->(t:Touchpoint) WHERE NOT EXISTS { (t)-[:SUPPORTS]->() } OR EXISTS { (t)-[:SUPPORTS]->(o) } | t] AS tps,
     [(f)-[:USES]->(x:Technology) | x.star] AS stars
WITH f, o, tps, [r IN [
       CASE WHEN any(t IN tps WHERE t.initiative = 'firm_curated') AND 'analyze' IN stars THEN 'curated_offering' END,
       CASE WHEN any(t IN tps WHERE t.initiative = 'firm_coach') AND 'sense' IN stars THEN 'coach_behavior' END,
       CASE WHEN any(t IN tps WHERE t.initiative = 'firm_automatic' AND t.standingAuthorisation) AND 'sense' IN stars AND 'react' IN stars
            THEN 'automatic_execution' END] WHERE r IS NOT NULL] AS firmRows
WITH f, o, CASE WHEN size(firmRows) > 0 THEN firmRows
                WHEN any(t IN tps WHERE t.initiative = 'customer') THEN ['respond_to_desire'] ELSE [] END AS inferredRows
WITH f, o, coalesce([(o)-[:DECLARED_EXPERIENCE]->(d:Experience) | [d.id]][0], [(f)-[:DECLARED_EXPERIENCE]->(d:Experience) | [d.id]][0], inferredRows) AS rows,
     [(o)-[:SUPPLIED_BY]->(s) | CASE
        WHEN s = f THEN 'connected_producer'
        WHEN [(f)-[h:HAS_ACTOR]->(s) | h.role][0] = 'peer' THEN 'peer_to_peer'
        WHEN s.kind = 'crowd' AND [(f)-[h:HAS_ACTOR]->(s) | h.role][0] = 'crowd_supplier' THEN 'crowd_orchestrator'
        WHEN s.kind = 'organisation' AND (EXISTS { (s)-[:PAYS]->(f) } OR EXISTS { (f)-[:EARNS_BY]->(:RevenueModel)-[:PAID_BY]->(s) }) THEN 'market_maker'
        WHEN (coalesce([(f)-[h:HAS_ACTOR]->(s) | h.role][0], CASE WHEN s:Firm THEN 'producer' END) IN ['producer', 'supplier'])
             AND EXISTS { (f)-[:EARNS_BY]->(:RevenueModel {payer: 'customer'}) } THEN 'connected_retailer'
      END] AS suppliedColumns
WITH f, rows, coalesce([(o)-[:DECLARED_ARCHITECTURE]->(d:Architecture) | [d.id]][0], [(f)-[:DECLARED_ARCHITECTURE]->(d:Architecture) | [d.id]][0],
                       [c IN suppliedColumns WHERE c IS NOT NULL]) AS columns
UNWIND rows AS row
UNWIND columns AS column
MATCH (e:Experience {id: row})
MATCH (a:Architecture {id: column})
WITH e, a, collect(DISTINCT f.name) AS names
ORDER BY e.rank, a.rank
RETURN e.name AS experience, a.name AS architecture, size(names) AS firms, names;
