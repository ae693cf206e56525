package org.cstrat.sim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.cstrat.sim.engine.ClusterRunner;
import org.junit.jupiter.api.Test;

/** Masters that cannot be used fail in bounded time with one line naming them; ranges cover the run exactly. */
class SparkMasterTest {

    @Test
    void anUnreachableStandaloneMasterFailsWithinTheTimeoutNamingIt() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again below: nothing listens there
        }
        String master = "spark://127.0.0.1:" + port;
        long start = System.nanoTime();
        ClusterRunner.ClusterException e = assertThrows(ClusterRunner.ClusterException.class,
                () -> new SparkRunnerFactory().connect(master, 0, Duration.ofSeconds(2)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 10, "gave up after " + seconds + " s");
        assertTrue(e.getMessage().contains(master) && e.getMessage().contains("cannot be reached"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aMalformedMasterIsNamed() {
        ClusterRunner.ClusterException e = assertThrows(ClusterRunner.ClusterException.class,
                () -> SparkSimulationRunner.probe("spark://", Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("spark://") && e.getMessage().contains("not a valid master URL"), e.getMessage());
    }

    @Test
    void rangesCoverTheReplicationsContiguouslyInNearlyEqualParts() {
        List<ReplicationRange> r = ReplicationRange.split(2, 10, 47, 8);
        assertEquals(8, r.size());
        int at = 10;
        for (ReplicationRange x : r) {
            assertEquals(at, x.from());
            assertEquals(2, x.evaluation());
            assertTrue(x.to() - x.from() == 4 || x.to() - x.from() == 5, x.toString());
            at = x.to();
        }
        assertEquals(47, at);
        assertEquals(3, ReplicationRange.split(0, 0, 3, 8).size(), "no empty ranges");
    }
}
