package org.cstrat.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void goesFromLoadingThroughItsPhasesToReady() {
        Readiness readiness = Readiness.loading();
        assertThat(readiness.isReady()).isFalse();
        assertThat(readiness.status()).isEqualTo(new Readiness.Status(Readiness.State.LOADING, "starting", 0, null));
        readiness.phase("demo market us-mobility", 10);
        assertThat(readiness.status().phase()).isEqualTo("demo market us-mobility");
        assertThat(readiness.status().percent()).isEqualTo(10);
        readiness.phase("demo market us-mobility", 5); // a retried transaction starts over: the bar does not go back
        assertThat(readiness.status().percent()).isEqualTo(10);
        readiness.markReady();
        assertThat(readiness.isReady()).isTrue();
        readiness.phase("late", 50); // phases after the end change nothing
        assertThat(readiness.status().state()).isEqualTo(Readiness.State.READY);
    }

    @Test
    void aFailureKeepsThePhaseItHappenedAt() {
        Readiness readiness = Readiness.loading();
        readiness.phase("reference data", 5);
        readiness.markFailed("constraint violated");
        assertThat(readiness.status()).isEqualTo(new Readiness.Status(Readiness.State.FAILED, "reference data", 5, "constraint violated"));
        readiness.markFailed(" ");
        assertThat(readiness.status().error()).isEqualTo("unknown error");
    }

    @Test
    void aStatusIsValidated() {
        assertThatThrownBy(() -> new Readiness.Status(Readiness.State.LOADING, "x", 101, null)).hasMessageContaining("percent: 101");
        assertThatThrownBy(() -> new Readiness.Status(Readiness.State.FAILED, "x", 1, null)).hasMessageContaining("error");
        assertThatThrownBy(() -> new Readiness.Status(Readiness.State.READY, "x", 1, "boom")).hasMessageContaining("error");
    }
}
