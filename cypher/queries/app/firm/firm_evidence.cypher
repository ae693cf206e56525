// Everything that bears on the placement of the given firms: parent, market, declared cells, offerings
// and their suppliers, touchpoints, technologies, actors, money flows and revenue models. One row per firm.
UNWIND $firms AS firmId
MATCH (f:Firm {id: firmId})
OPTIONAL MATCH (f)-[:OWNED_BY]->(c:Company)
OPTIONAL MATCH (f)-[:COMPETES_IN]->(m:Market)
RETURN f.id AS id, f.name AS name, f.description AS description, f.founded AS founded, f.status AS status,
       f.type AS type, f.source AS source, c.id AS parentId, c.name AS parentName, m.id AS marketId, m.name AS marketName,
       [(f)-[:DECLARED_EXPERIENCE]->(e:Experience) | e.id][0] AS declaredExperience,
       [(f)-[:DECLARED_ARCHITECTURE]->(a:Architecture) | a.id][0] AS declaredArchitecture,
       [(f)-[:OFFERS]->(o:Offering) | o {
          .id, .name,
          declaredExperience: [(o)-[:DECLARED_EXPERIENCE]->(e:Experience) | e.id][0],
          declaredArchitecture: [(o)-[:DECLARED_ARCHITECTURE]->(a:Architecture) | a.id][0],
          suppliers: [(o)-[:SUPPLIED_BY]->(s) | {
             id: s.id, name: s.name, self: s = f, firm: s:Firm, kind: s.kind,
             role: [(f)-[h:HAS_ACTOR]->(s) | h.role][0],
             paysFirm: EXISTS { (s)-[:PAYS]->(f) } OR EXISTS { (f)-[:EARNS_BY]->(:RevenueModel)-[:PAID_BY]->(s) } }] }] AS offerings,
       [(f)-[:OPERATES]->(t:Touchpoint) | t {
          .id, .name, .initiative, .momentOfTruth, .collectsFeedback, .standingAuthorisation,
          channelId: [(t)-[:VIA]->(ch:Channel) | ch.id][0], channelName: [(t)-[:VIA]->(ch:Channel) | ch.name][0],
          supports: [(t)-[:SUPPORTS]->(so:Offering) | so.id] }] AS touchpoints,
       [(f)-[:USES]->(x:Technology) | x {.id, .name, .star}] AS technologies,
       [(f)-[h:HAS_ACTOR]->(a:Actor) | a {.id, .name, .kind, role: h.role}] AS actors,
       [(a:Actor)-[p:PAYS]->(f) | {fromId: a.id, fromName: a.name, toId: f.id, toName: f.name, what: p.what}]
         + [(f)-[p:PAYS]->(a:Actor) | {fromId: f.id, fromName: f.name, toId: a.id, toName: a.name, what: p.what}] AS flows,
       [(f)-[:EARNS_BY]->(r:RevenueModel) | r {.id, .name, .kind, .payer, .unit, .price, .indicator,
          paidById: [(r)-[:PAID_BY]->(pa:Actor) | pa.id][0], paidByName: [(r)-[:PAID_BY]->(pa:Actor) | pa.name][0]}] AS revenueModels
