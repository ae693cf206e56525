package org.cstrat.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.cstrat.server.neo4j.EmbeddedCredentials;
import org.cstrat.server.neo4j.GraphBootstrap;
import org.cstrat.server.neo4j.GraphConnection;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.neo4j.driver.Driver;

/**
 * One embedded Neo4j per test JVM, on a free Bolt port in a temporary directory, prepared with the
 * schema, the reference data and the demo markets, reached through the Driver like in production.
 * Test classes use it with {@code @ExtendWith(EmbeddedNeo4j.class)} and take a {@link Driver} or
 * {@link GraphConnection} parameter.
 */
public final class EmbeddedNeo4j implements BeforeAllCallback, ParameterResolver {

    /** The Bolt password of the test database. */
    public static final EmbeddedCredentials CREDENTIALS =
            new EmbeddedCredentials(EmbeddedCredentials.USER, "cstrat-test-password", false, java.util.Optional.empty());

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedNeo4j.class);

    /** Started once, closed when the whole test plan has run. */
    static final class Instance implements AutoCloseable {
        final Path dir;
        final GraphConnection graph;

        Instance() {
            try {
                dir = Files.createTempDirectory("cstrat-it-neo4j");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            graph = GraphConnection.openEmbedded(dir, "127.0.0.1", 0, CREDENTIALS);
            new GraphBootstrap(graph.driver()).prepare(true);
        }

        @Override
        public void close() throws IOException {
            graph.close();
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
        return type == Driver.class || type == GraphConnection.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        GraphConnection graph = instance(extension).graph;
        return parameter.getParameter().getType() == Driver.class ? graph.driver() : graph;
    }
}
