package org.cstrat.server.cli;

import java.net.URI;
import java.util.Optional;

/**
 * A command-line mixin that connects to a database ({@link ReadTarget}, {@link GraphTarget}): the URI it connected to,
 * so that a connection lost later (the server stopped or crashed under a running command) is reported as one line
 * naming that database rather than as the driver's stack trace.
 */
public interface GraphLink {

    /** The database this command connected to, once it has. */
    Optional<URI> connectedUri();
}
