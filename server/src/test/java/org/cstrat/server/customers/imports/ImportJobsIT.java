package org.cstrat.server.customers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.cstrat.server.core.InvalidRequestException;
import org.cstrat.server.testing.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

/** Import jobs on the shared embedded database: a finished job is kept for its time, then forgotten. */
@ExtendWith(EmbeddedNeo4j.class)
class ImportJobsIT {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2024-05-01T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static ImportJobs.Status awaitEnd(ImportJobs jobs, String id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            ImportJobs.Status s = jobs.job(id).orElseThrow();
            if (!s.state().equals("queued") && !s.state().equals("running")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job did not finish within a minute");
    }

    @Test
    void aFinishedJobIsKeptForItsTimeThenForgotten(Driver driver) throws Exception {
        ManualClock clock = new ManualClock();
        try (ImportJobs jobs = new ImportJobs(new ImportService(new Neo4jImportStore(driver)), clock, Duration.ofMinutes(5), 1)) {
            ImportFile bad = new ImportFile("channels.csv", "channel_id,name,kind\nweb,Website,telepathy\n".getBytes(StandardCharsets.UTF_8));
            ImportJobs.Status started = jobs.start("it-jobs", List.of(bad));
            assertThat(started.state()).isEqualTo("queued");

            ImportJobs.Status end = awaitEnd(jobs, started.id());
            assertThat(end.state()).isEqualTo("rejected");
            assertThat(end.errors()).extracting(e -> e.field()).containsExactly("channels.csv:2:3");
            assertThat(end.report()).isNull();
            assertThat(end.message()).isNull();

            clock.now = clock.now.plus(Duration.ofMinutes(5));
            assertThat(jobs.job(started.id())).as("still kept at the end of its time").isPresent();
            clock.now = clock.now.plusSeconds(1);
            assertThat(jobs.job(started.id())).as("forgotten after it").isEmpty();
        }
    }

    @Test
    void theFirmIdIsCheckedBeforeAnythingIsQueued(Driver driver) {
        try (ImportJobs jobs = new ImportJobs(new ImportService(new Neo4jImportStore(driver)), Clock.systemUTC())) {
            assertThatThrownBy(() -> jobs.start("Not A Slug", List.of())).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("firm id must be a lower-case slug");
        }
        assertThatThrownBy(() -> new ImportJobs(new ImportService(new Neo4jImportStore(driver)), Clock.systemUTC(), Duration.ofMinutes(1), 0))
                .hasMessageContaining("threads must be at least 1, got 0");
    }
}
