package org.cstrat.server.console;

import java.util.Map;

import io.javalin.http.Context;
import org.cstrat.server.view.Templates;

/** {@code GET /console}: the read-only Cypher console. */
public final class ConsolePages {

    private final ConsoleService console;
    private final Templates templates;

    public ConsolePages(ConsoleService console, Templates templates) {
        this.console = console;
        this.templates = templates;
    }

    public void console(Context ctx) {
        ctx.html(templates.render("console", Map.of("library", console.library(),
                "timeout", ConsoleRequest.DEFAULT_TIMEOUT.toSeconds(), "maxRows", ConsoleRequest.DEFAULT_MAX_ROWS,
                "maxBytes", ConsoleRequest.DEFAULT_MAX_BYTES, "memoryMiB", Neo4jCypherConsole.MEMORY_BUDGET_DEFAULT / (1024 * 1024))));
    }
}
