package org.cstrat.server.customers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.cstrat.server.core.ConflictException;
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
import org.cstrat.server.demo.SyntheticCustomerData;

/**
 * An import is written in several transactions but lands as one unit: a failure after some staged
 * transactions (an exception) or a dead process (an error that skips the rollback, recovered as at start)
 * leaves the database exactly as before, including unified customers the import had merged; two imports
 * of one firm never run at once. Small statements and transactions make every import here take several,
 * written by two writers at once.
 */
@ExtendWith(EmbeddedNeo4j.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportRollbackIT {

    static final String FIRM = "it-rollback";

    Driver driver;
    ImportService service;

    @BeforeAll
    void importOnce(Driver driver) {
        this.driver = driver;
        this.service = new ImportService(new Neo4jImportStore(driver, 200, 400, 2));
        service.importFiles(FIRM, SyntheticCustomerData.generate(FIRM, 120, 7), ImportProgress.NONE);
    }

    long count(String query) {
        return driver.executableQuery(query).withParameters(Map.of("firm", FIRM)).execute().records().get(0).get(0).asLong();
    }

    /**
     * A second export: new people and interactions (several staged transactions) plus one record of a new
     * system holding the e-mail of one existing customer and the phone of another, which merges the two.
     */
    List<ImportFile> secondExport() {
        List<ImportFile> files = new ArrayList<>(SyntheticCustomerData.generate(FIRM, 160, 8));
        var two = driver.executableQuery("""
                MATCH (c:Customer {firm: $firm})-[:UNIFIES]->(:SourceRecord)-[:IDENTIFIED_BY]->(i:Identifier)
                WITH c, collect(DISTINCT i) AS ids
                WITH c, [i IN ids WHERE i.kind = 'email'][0] AS email, [i IN ids WHERE i.kind = 'phone'][0] AS phone
                WHERE email IS NOT NULL AND phone IS NOT NULL
                RETURN c.id AS customer, email.value AS email, phone.value AS phone ORDER BY customer LIMIT 2""")
                .withParameters(Map.of("firm", FIRM)).execute().records();
        assertThat(two).hasSize(2);
        int customers = files.indexOf(files.stream().filter(f -> f.name().equals("customers.csv")).findFirst().orElseThrow());
        String csv = new String(files.get(customers).content(), StandardCharsets.UTF_8);
        csv = csv + (csv.endsWith("\n") ? "" : "\n") + "bridge,B1,Bridge person,2024-01-01," + two.get(0).get("email").asString() + ","
                + two.get(1).get("phone").asString() + ",,,\n";
        files.set(customers, new ImportFile("customers.csv", csv.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /** Throws what {@code failure} gives at the {@code at}-th report of written interactions. */
    static ImportProgress failingAt(int at, java.util.function.Supplier<? extends Throwable> failure) {
        AtomicInteger calls = new AtomicInteger();
        return new ImportProgress() {
            @Override
            public void phase(String name) {
            }

            @Override
            public void interactions(long done, long total) {
                if (calls.incrementAndGet() == at) {
                    Throwable t = failure.get();
                    if (t instanceof RuntimeException e) {
                        throw e;
                    }
                    throw (Error) t;
                }
            }
        };
    }

    @Test
    @Order(1)
    void aFailureAfterStagedTransactionsLeavesTheGraphAsItWas() {
        List<String> before = GraphFingerprint.of(driver);
        long customers = count("MATCH (c:Customer {firm: $firm}) RETURN count(c)");
        List<ImportFile> files = secondExport();
        assertThatThrownBy(() -> service.importFiles(FIRM, files, failingAt(3, () -> new IllegalStateException("disk full (simulated)"))))
                .hasMessage("disk full (simulated)");
        assertThat(count("MATCH (x:Import {firm: $firm, status: 'rolled back'}) WHERE x.error = 'disk full (simulated)' RETURN count(x)")).isEqualTo(1);
        assertThat(count("MATCH (c:Customer {firm: $firm}) RETURN count(c)")).isEqualTo(customers);
        assertThat(GraphFingerprint.changes(before, GraphFingerprint.of(driver))).isEmpty();
    }

    @Test
    @Order(2)
    void anImportWhoseProcessDiedIsRolledBackAtStart() {
        List<String> before = GraphFingerprint.of(driver);
        List<ImportFile> files = secondExport();
        assertThatThrownBy(() -> service.importFiles(FIRM, files, failingAt(3, () -> new ProcessDied())))
                .isInstanceOf(ProcessDied.class);
        // what the dead import staged is in the graph, merged customers included
        assertThat(count("MATCH (x:Import {firm: $firm, status: 'running'}) RETURN count(x)")).isEqualTo(1);
        assertThat(count("MATCH (i:Interaction)-[:THROUGH]->(:Touchpoint)<-[:OPERATES]-(:Firm {id: $firm}) "
                + "WHERE i.importedBy IS NOT NULL RETURN count(i)")).isGreaterThan(400);
        assertThat(GraphFingerprint.of(driver)).isNotEqualTo(before);

        assertThat(new Neo4jImportRecovery(driver).rollBackDead(true)).isEqualTo(1);
        assertThat(count("MATCH (x:Import {firm: $firm, status: 'running'}) RETURN count(x)")).isZero();
        assertThat(GraphFingerprint.changes(before, GraphFingerprint.of(driver))).isEmpty();
    }

    @Test
    @Order(3)
    void aSecondImportOfTheSameFirmWaitsItsTurnAndTheFirstCompletes() {
        List<ImportFile> files = secondExport();
        AtomicReference<Throwable> second = new AtomicReference<>();
        ImportProgress tryAnother = new ImportProgress() {
            @Override
            public void phase(String name) {
            }

            @Override
            public void interactions(long done, long total) {
                if (second.get() == null) {
                    try {
                        service.importFiles(FIRM, files, ImportProgress.NONE);
                        second.set(new AssertionError("the second import ran"));
                    } catch (Throwable t) {
                        second.set(t);
                    }
                }
            }
        };
        ImportReport report = service.importFiles(FIRM, files, tryAnother);
        assertThat(second.get()).isInstanceOfSatisfying(ConflictException.class, e -> { // answered 409 (ErrorStatusTest)
            assertThat(e.getMessage()).contains("another import into firm 'it-rollback' is running");
        });
        assertThat(report.newInteractions()).isGreaterThan(400);
        assertThat(count("MATCH (x:Import {firm: $firm, status: 'complete'})-[:INTO]->(:Firm {id: $firm}) RETURN count(x)")).isEqualTo(2);
        // the bridge record merged two customers: every interaction hangs on the customer unifying its record
        assertThat(count("MATCH (c:Customer)-[:HAD]->(i:Interaction)<-[:RECORDED]-(s:SourceRecord {firm: $firm}) "
                + "WHERE NOT (c)-[:UNIFIES]->(s) RETURN count(i)")).isZero();
        assertThat(count("MATCH (c:Customer)-[:UNIFIES]->(:SourceRecord {id: $firm + '/bridge/B1'}) MATCH (c)-[:UNIFIES]->(s) RETURN count(s)"))
                .isGreaterThan(2);
    }

    /** Stands for the process being killed: an Error is not caught by the import's rollback. */
    static final class ProcessDied extends Error {
        ProcessDied() {
            super("killed (simulated)");
        }
    }
}
