// Constraints and indexes of the Connected Strategy Workbench graph (model v1).
// Applied on every start; every statement is idempotent (IF NOT EXISTS).
// One statement per ';'-terminated block. See cypher/README.md for the model.

CREATE CONSTRAINT market_id IF NOT EXISTS FOR (n:Market) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT firm_id IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT offering_id IF NOT EXISTS FOR (n:Offering) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT experience_id IF NOT EXISTS FOR (n:Experience) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT architecture_id IF NOT EXISTS FOR (n:Architecture) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT revenue_model_id IF NOT EXISTS FOR (n:RevenueModel) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (n:Customer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT touchpoint_id IF NOT EXISTS FOR (n:Touchpoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT channel_id IF NOT EXISTS FOR (n:Channel) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT star_stage_id IF NOT EXISTS FOR (n:StarStage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT simulation_run_id IF NOT EXISTS FOR (n:SimulationRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT simulated_strategy_id IF NOT EXISTS FOR (n:SimulatedStrategy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT optimisation_run_id IF NOT EXISTS FOR (n:OptimisationRun) REQUIRE n.id IS UNIQUE;

CREATE INDEX interaction_at IF NOT EXISTS FOR (n:Interaction) ON (n.at);
CREATE INDEX interaction_episode IF NOT EXISTS FOR (n:Interaction) ON (n.episode);
CREATE INDEX firm_name IF NOT EXISTS FOR (n:Firm) ON (n.name);
CREATE INDEX customer_segment IF NOT EXISTS FOR (n:Customer) ON (n.segment);

// Customer data (issue 5): source records, identifiers, unified customers, emergent segments.
CREATE CONSTRAINT source_record_id IF NOT EXISTS FOR (n:SourceRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT identifier_id IF NOT EXISTS FOR (n:Identifier) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE;
CREATE INDEX source_record_firm IF NOT EXISTS FOR (n:SourceRecord) ON (n.firm);
CREATE INDEX identifier_firm IF NOT EXISTS FOR (n:Identifier) ON (n.firm);
CREATE INDEX customer_firm IF NOT EXISTS FOR (n:Customer) ON (n.firm);
CREATE INDEX segment_firm IF NOT EXISTS FOR (n:Segment) ON (n.firm);
CREATE CONSTRAINT value_model_id IF NOT EXISTS FOR (n:ValueModel) REQUIRE n.id IS UNIQUE;

// Imports (issue 5): one (:Import) per import, its log; `running` (the firm's id while it runs) is unique, so
// one import per firm runs at a time.
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_running IF NOT EXISTS FOR (n:Import) REQUIRE n.running IS UNIQUE;
