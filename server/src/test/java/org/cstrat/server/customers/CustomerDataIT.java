package org.cstrat.server.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.app.Services;
import org.cstrat.server.customers.identity.UnifiedView;
import org.cstrat.input.FieldError;
import org.cstrat.server.customers.imports.ImportFile;
import org.cstrat.server.customers.imports.ImportProgress;
import org.cstrat.server.customers.imports.ImportRejectedException;
import org.cstrat.server.customers.imports.ImportReport;
import org.cstrat.server.demo.SyntheticCustomerData;
import org.cstrat.server.customers.journeys.JourneyMap;
import org.cstrat.server.customers.segments.SegmentProfile;
import org.cstrat.server.customers.valuation.FirmValue;
import org.cstrat.server.core.NotFoundException;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.cstrat.server.testing.GraphFingerprint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/**
 * Import, unified view, corrections, segments, journeys and value against the embedded Neo4j, on a
 * firm of its own ({@value #FIRM}) so that other tests see the demo as it is.
 */
@ExtendWith(EmbeddedNeo4j.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomerDataIT {

    static final String FIRM = "it-customers";
    static final List<ImportFile> FILES = SyntheticCustomerData.generate(FIRM, 400, SyntheticCustomerData.DEFAULT_SEED);

    Driver driver;
    CustomerServices services;
    ImportReport first;

    @BeforeAll
    void importOnce(Driver driver, GraphConnection graph) {
        this.driver = driver;
        this.services = Services.over(graph).customers();
        first = services.imports().importFiles(FIRM, FILES, ImportProgress.NONE);
    }

    long count(String query) {
        return driver.executableQuery(query).withParameters(Map.of("firm", FIRM)).execute().records().get(0).get(0).asLong();
    }

    @Test
    @Order(1)
    void theImportLandsWithOneUnifiedCustomerPerComponent() {
        assertThat(first.newInteractions()).isGreaterThan(5_000);
        assertThat(first.updatedInteractions()).isZero();
        assertThat(first.newRecords()).isGreaterThan(400);
        assertThat(first.unifiedCustomers()).isLessThan(first.newRecords()).isGreaterThan(300);
        assertThat(first.changedCustomers()).as("every customer of a first import is new").isEqualTo(first.unifiedCustomers());
        assertThat(count("MATCH (s:SourceRecord {firm: $firm}) WHERE NOT (s)<-[:UNIFIES]-(:Customer) RETURN count(s)")).isZero();
        assertThat(count("MATCH (:Firm {id: $firm})-[:OPERATES]->(:Touchpoint)<-[:THROUGH]-(i:Interaction) "
                + "WHERE NOT (i)<-[:HAD]-(:Customer) OR NOT (i)<-[:RECORDED]-(:SourceRecord) RETURN count(i)")).isZero();
        // every interaction's HAD customer is the one that unifies its source record
        assertThat(count("MATCH (c:Customer)-[:HAD]->(i:Interaction)<-[:RECORDED]-(s:SourceRecord {firm: $firm}) "
                + "WHERE NOT (c)-[:UNIFIES]->(s) RETURN count(i)")).isZero();
        assertThat(count("MATCH (c:Customer {firm: $firm})-[:CUSTOMER_OF]->(:Firm {id: $firm}) RETURN count(c)")).isEqualTo(first.unifiedCustomers());
    }

    @Test
    @Order(2)
    void reImportingTheSameFilesChangesNothing() {
        List<String> before = GraphFingerprint.of(driver);
        ImportReport again = services.imports().importFiles(FIRM, FILES, ImportProgress.NONE);
        assertThat(again.newInteractions()).isZero();
        // nothing really changed: nothing counts as updated, everything as unchanged
        assertThat(again.updatedInteractions()).isZero();
        assertThat(again.unchangedInteractions()).isEqualTo(first.newInteractions());
        assertThat(again.updatedRecords()).isZero();
        assertThat(again.unchangedRecords()).isEqualTo(first.newRecords());
        assertThat(again.changed()).isZero();
        assertThat(again.changedCustomers()).isZero();
        assertThat(GraphFingerprint.changes(before, GraphFingerprint.of(driver))).isEmpty();
    }

    @Test
    @Order(3)
    void aRejectedImportWritesNothing() {
        List<String> before = GraphFingerprint.of(driver);
        List<ImportFile> bad = new ArrayList<>(SyntheticCustomerData.generate("it-rejected", 30, 5));
        bad.set(4, new ImportFile("interactions.csv", ("interaction_id,system,record_id,touchpoint,at,stage,amount\n"
                + "x1,crm,CR1,it-rejected-app,2024-01-01T10:00:00Z,request,\n"
                + "x2,crm,CR1," + "it-customers-app" + ",2024-01-01T10:00:00Z,request,\n").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> services.imports().importFiles("it-rejected", bad, ImportProgress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).extracting(FieldError::toString)
                        .anyMatch(s -> s.startsWith("interactions.csv:3:4: unknown touchpoint 'it-customers-app'")));
        assertThat(GraphFingerprint.changes(before, GraphFingerprint.of(driver))).isEmpty();
    }

    @Test
    @Order(4)
    void theUnifiedViewReportsCoverageSilosAndOverMerges() {
        UnifiedView view = services.identity().view(FIRM);
        assertThat(view.interactions()).isEqualTo(first.newInteractions());
        assertThat(view.attached()).isEqualTo(view.interactions());
        assertThat(view.coverage()).isBetween(0.2, 0.99);
        assertThat(view.siloSystems()).containsExactly("kiosk");
        assertThat(view.systems()).extracting(UnifiedView.SystemLinks::system).contains("app", "crm", "kiosk", "loyalty", "webshop");
        assertThat(view.overMerged()).isNotEmpty();
        assertThat(view.overMerged().get(0).bridges().get(0).value()).isEqualTo("family0@example.com");
    }

    @Test
    @Order(5)
    void unmergingIsReversible() {
        UnifiedView before = services.identity().view(FIRM);
        long customers = count("MATCH (c:Customer {firm: $firm}) RETURN count(c)");
        List<String> graph = GraphFingerprint.of(driver);
        String family = FIRM + "/email/family0@example.com";
        services.identity().unmerge(FIRM, family, null);
        UnifiedView after = services.identity().view(FIRM);
        assertThat(after.overMerged()).isEmpty();
        assertThat(after.excluded()).hasSizeGreaterThan(1);
        assertThat(count("MATCH (c:Customer {firm: $firm}) RETURN count(c)")).isGreaterThan(customers);
        assertThat(count("MATCH (c:Customer)-[:HAD]->(i:Interaction)<-[:RECORDED]-(s:SourceRecord {firm: $firm}) "
                + "WHERE NOT (c)-[:UNIFIES]->(s) RETURN count(i)")).isZero();
        services.identity().relink(FIRM, family, null);
        assertThat(services.identity().view(FIRM).overMerged()).hasSameSizeAs(before.overMerged());
        assertThat(count("MATCH (c:Customer {firm: $firm}) RETURN count(c)")).isEqualTo(customers);
        List<String> restored = GraphFingerprint.of(driver);
        assertThat(restored).containsExactlyElementsOf(graph);
        assertThatThrownBy(() -> services.identity().unmerge(FIRM, FIRM + "/email/nobody@example.com", null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    @Order(6)
    void segmentsEmergeFromBehaviour() {
        List<SegmentProfile> segments = services.segments().recompute(FIRM);
        assertThat(segments.size()).isBetween(2, 8);
        assertThat(segments.get(0).k()).isEqualTo(segments.size());
        assertThat(segments.stream().mapToLong(SegmentProfile::customers).sum())
                .isEqualTo(count("MATCH (c:Customer)-[:IN_SEGMENT]->(:Segment {firm: $firm}) RETURN count(c)"));
        assertThat(services.segments().segments(FIRM)).extracting(SegmentProfile::id).isEqualTo(segments.stream().map(SegmentProfile::id).toList());
        services.segments().recompute(FIRM);
        assertThat(count("MATCH (s:Segment {firm: $firm}) RETURN count(s)")).isEqualTo(segments.size());
    }

    @Test
    @Order(7)
    void journeysAndMomentsOfTruth() {
        JourneyMap map = services.journeys().journeys(FIRM);
        assertThat(map.journeys()).isGreaterThan(1_000);
        assertThat(map.nodes()).extracting(n -> n.touchpoint().id()).contains(FIRM + "-app", FIRM + "-offers");
        assertThat(map.dropOffs().get(0).touchpoint().id()).isEqualTo(FIRM + "-offers");
        services.journeys().tagMomentOfTruth(FIRM, FIRM + "-offers", true);
        assertThat(services.journeys().journeys(FIRM).nodes()).filteredOn(n -> n.touchpoint().id().equals(FIRM + "-offers"))
                .allMatch(n -> n.touchpoint().momentOfTruth());
        services.journeys().tagMomentOfTruth(FIRM, FIRM + "-offers", false);
    }

    @Test
    @Order(8)
    void customerValueIsWrittenBack() {
        FirmValue value = services.valuation().valueCustomers(FIRM, null);
        var model = value.model(); // typed: each of these was a key of the model's map
        assertThat(java.util.Arrays.asList(model.r(), model.alpha(), model.a(), model.b(), model.p(), model.q(), model.v(),
                model.bgnbdLogLik(), model.calibrationEnd())).doesNotContainNull();
        assertThat(value.classes()).isNotEmpty();
        assertThat(count("MATCH (:Customer)-[r:CUSTOMER_OF]->(:Firm {id: $firm}) WHERE r.pAlive >= 0 AND r.pAlive <= 1 AND r.clv >= 0 "
                + "AND r.rfmClass IS NOT NULL RETURN count(r)")).isGreaterThan(300);
    }

    @Test
    @Order(9)
    void touchpointFlagsComeFromTheFileAndAreKeptWhenALaterFileLeavesThemOut() {
        ImportFile flags = new ImportFile("touchpoints.csv", ("touchpoint_id,name,channel,collects_feedback,standing_authorisation\n"
                + FIRM + "-app,App: browse and order,mobile-app,true,true\n").getBytes(StandardCharsets.UTF_8));
        services.imports().importFiles(FIRM, List.of(flags), ImportProgress.NONE);
        String query = "MATCH (t:Touchpoint {id: $firm + '-app'}) WHERE t.collectsFeedback AND t.standingAuthorisation RETURN count(t)";
        assertThat(count(query)).isEqualTo(1);
        services.imports().importFiles(FIRM, FILES, ImportProgress.NONE);
        assertThat(count(query)).isEqualTo(1);
    }
}
