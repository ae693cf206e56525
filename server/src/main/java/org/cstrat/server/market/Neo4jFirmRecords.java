package org.cstrat.server.market;

import java.util.List;
import java.util.Map;

import org.cstrat.framework.Architecture;
import org.cstrat.framework.Experience;
import org.cstrat.framework.StarStage;
import org.cstrat.server.neo4j.CypherFiles;
import org.cstrat.server.neo4j.Reads;
import org.cstrat.server.placement.FirmEvidence;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads firms with their evidence ({@code cypher/queries/app/firm/firm_evidence.cypher}) and maps the records. */
public final class Neo4jFirmRecords {

    private static final String FIRM_EVIDENCE = CypherFiles.query("firm/firm_evidence");

    private Neo4jFirmRecords() {
    }

    public static List<FirmRecord> load(Reads reads, List<String> firmIds) {
        if (firmIds.isEmpty()) {
            return List.of();
        }
        return reads.list(FIRM_EVIDENCE, Map.of("firms", firmIds), Neo4jFirmRecords::firm);
    }

    static FirmRecord firm(Record r) {
        FirmSummary summary = new FirmSummary(r.get("id").asString(), r.get("name").asString(r.get("id").asString()),
                r.get("parentId").asString(null), r.get("parentName").asString(null), r.get("status").asString(null),
                r.get("type").asString(null));
        FirmEvidence evidence = new FirmEvidence(summary.id(), summary.name(),
                experience(r.get("declaredExperience")), architecture(r.get("declaredArchitecture")),
                r.get("offerings").asList(o -> new FirmEvidence.OfferingFacts(o.get("id").asString(), o.get("name").asString(null),
                        experience(o.get("declaredExperience")), architecture(o.get("declaredArchitecture")),
                        o.get("suppliers").asList(s -> new FirmEvidence.SupplierFacts(s.get("id").asString(), s.get("name").asString(null),
                                s.get("self").asBoolean(false), s.get("firm").asBoolean(false), s.get("kind").asString(null),
                                s.get("role").asString(null), s.get("paysFirm").asBoolean(false))))),
                r.get("touchpoints").asList(t -> new FirmEvidence.TouchpointFacts(t.get("id").asString(), t.get("name").asString(null),
                        t.get("initiative").asString(null), t.get("channelId").asString(null), t.get("channelName").asString(null),
                        t.get("momentOfTruth").asBoolean(false), t.get("collectsFeedback").asBoolean(false),
                        t.get("standingAuthorisation").asBoolean(false), t.get("supports").asList(Value::asString))),
                r.get("technologies").asList(t -> new FirmEvidence.TechnologyFacts(t.get("id").asString(), t.get("name").asString(null),
                        StarStage.fromId(t.get("star").asString("")).orElse(null))),
                r.get("actors").asList(a -> new FirmEvidence.ActorFacts(a.get("id").asString(), a.get("name").asString(null),
                        a.get("kind").asString(null), a.get("role").asString(null))),
                r.get("flows").asList(p -> new FirmEvidence.MoneyFlow(p.get("fromId").asString(), p.get("fromName").asString(null),
                        p.get("toId").asString(), p.get("toName").asString(null), p.get("what").asString(null))),
                r.get("revenueModels").asList(m -> new FirmEvidence.RevenueFacts(m.get("id").asString(), m.get("name").asString(null),
                        m.get("kind").asString(null), m.get("payer").asString(null), m.get("unit").asString(null),
                        m.get("price").isNull() ? null : m.get("price").asDouble(), m.get("indicator").asString(null),
                        m.get("paidById").asString(null), m.get("paidByName").asString(null))));
        Integer founded = r.get("founded").isNull() ? null : r.get("founded").asInt();
        return new FirmRecord(summary, r.get("marketId").asString(null), r.get("marketName").asString(null),
                r.get("description").asString(null), founded, r.get("source").asString(null), evidence);
    }

    private static Experience experience(Value v) {
        return v.isNull() ? null : Experience.fromId(v.asString()).orElse(null);
    }

    private static Architecture architecture(Value v) {
        return v.isNull() ? null : Architecture.fromId(v.asString()).orElse(null);
    }
}
