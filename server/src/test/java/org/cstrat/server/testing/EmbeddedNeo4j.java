package org.cstrat.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.cstrat.server.Workbench;
import org.cstrat.server.config.WorkbenchConfig;
import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphConnection;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.Driver;

/**
 * One whole workbench per test JVM, as {@code cstrat serve} starts it: embedded Neo4j on a free Bolt
 * port in a temporary directory, prepared with the schema, the reference data and the demo markets,
 * and the web app on a free HTTP port. Test classes use it with {@code @ExtendWith(EmbeddedNeo4j.class)}
 * and take a {@link Driver}, {@link GraphConnection} or {@link Workbench} parameter.
 */
public final class EmbeddedNeo4j implements BeforeAllCallback, ParameterResolver {

    /** The Bolt password of the test database. */
    public static final EmbeddedCredentials CREDENTIALS =
            new EmbeddedCredentials(EmbeddedCredentials.USER, "cstrat-test-password", false, Optional.empty());

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedNeo4j.class);

    /** Started once, closed when the whole test plan has run. */
    static final class Instance implements AutoCloseable {
        final Path dir;
        final Workbench workbench;

        Instance() {
            try {
                dir = Files.createTempDirectory("cstrat-it-neo4j");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            workbench = Workbench.start(new WorkbenchConfig(dir, "127.0.0.1", 0, 0, Optional.empty(),
                    Optional.of(CREDENTIALS.password()), true));
        }

        @Override
        public void close() throws IOException {
            workbench.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Instance instance(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Instance.class, k -> new Instance(), Instance.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        instance(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == Driver.class || type == GraphConnection.class || type == Workbench.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        Workbench workbench = instance(extension).workbench;
        Class<?> type = parameter.getParameter().getType();
        if (type == Workbench.class) {
            return workbench;
        }
        return type == Driver.class ? workbench.graph().driver() : workbench.graph();
    }
}
