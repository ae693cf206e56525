package org.cstrat.server.neo4j;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;

/**
 * The one way the application opens a Driver {@link Session}: in write mode (on a cluster its transactions go to the
 * leader; {@code executeRead} inside it still goes to a reader) and sharing the Driver's
 * {@linkplain Driver#executableQueryBookmarkManager() bookmark manager} with every {@code executableQuery}, including
 * the reads {@link Reads} routes to followers. So a read that follows a write of this process waits on the reader until
 * that write has reached it (read-your-writes, "causal consistency"), whichever API each of them used. A plain
 * {@code driver.session()} keeps its bookmarks to itself: a follower could answer the next routed read from before the
 * write. On a single server the bookmarks cost nothing (it is always up to date).
 */
public final class Sessions {

    private Sessions() {
    }

    /** A write-mode session in the read-your-writes chain of {@code driver}. */
    public static Session open(Driver driver) {
        return driver.session(config(driver, AccessMode.WRITE));
    }

    /** A session configuration of {@code mode} that joins the bookmark chain of {@code driver}. */
    public static SessionConfig config(Driver driver, AccessMode mode) {
        return SessionConfig.builder().withDefaultAccessMode(mode)
                .withBookmarkManager(driver.executableQueryBookmarkManager()).build();
    }
}
