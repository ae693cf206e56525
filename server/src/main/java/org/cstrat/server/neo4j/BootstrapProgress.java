package org.cstrat.server.neo4j;

/** Told how {@link GraphBootstrap#prepare} goes: the loading page and the log show it. */
@FunctionalInterface
public interface BootstrapProgress {

    /** A step starts: {@code phase} in words (e.g. "demo market us-mobility"), {@code percent} of the whole done so far (0-100). */
    void phase(String phase, int percent);

    BootstrapProgress NONE = (phase, percent) -> {
    };
}
