// The framework's fixed vocabulary: matrix rows, matrix columns and the STAR stages.
// Merged on every start (idempotent); ids match org.cstrat.framework enums, a test keeps them in step.

UNWIND [
  {id: 'respond_to_desire',   name: 'Respond to desire',   rank: 1},
  {id: 'curated_offering',    name: 'Curated offering',    rank: 2},
  {id: 'coach_behavior',      name: 'Coach behavior',      rank: 3},
  {id: 'automatic_execution', name: 'Automatic execution', rank: 4}
] AS row
MERGE (e:Experience {id: row.id})
SET e.name = row.name, e.rank = row.rank;

UNWIND [
  {id: 'connected_producer', name: 'Connected producer',    rank: 1},
  {id: 'connected_retailer', name: 'Connected retailer',    rank: 2},
  {id: 'market_maker',       name: 'Market maker',          rank: 3},
  {id: 'crowd_orchestrator', name: 'Crowd orchestrator',    rank: 4},
  {id: 'peer_to_peer',       name: 'Peer-to-peer network', rank: 5}
] AS row
MERGE (a:Architecture {id: row.id})
SET a.name = row.name, a.rank = row.rank;

UNWIND [
  {id: 'sense',    name: 'Sense',    rank: 1},
  {id: 'transmit', name: 'Transmit', rank: 2},
  {id: 'analyze',  name: 'Analyze',  rank: 3},
  {id: 'react',    name: 'React',    rank: 4}
] AS row
MERGE (s:StarStage {id: row.id})
SET s.name = row.name, s.rank = row.rank;
