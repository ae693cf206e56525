package org.cstrat.server.testing;

import java.net.URI;
import java.time.Clock;

import org.cstrat.server.Workbench;
import org.cstrat.server.http.WebServer;
import org.cstrat.server.neo4j.GraphConnection;
import org.cstrat.server.simulation.Neo4jFirmCalibration;
import org.cstrat.server.simulation.Neo4jSimulationRunRepository;
import org.cstrat.server.simulation.SimulationService;
import org.cstrat.sim.engine.SimulationEngine;

/** The whole web side over the shared embedded Neo4j, on a free port: cheaper than a second database. */
public final class TestWeb implements AutoCloseable {

    private final SimulationService simulations;
    private final WebServer web;

    public TestWeb(GraphConnection graph) {
        simulations = new SimulationService(new Neo4jFirmCalibration(graph.driver()), new Neo4jSimulationRunRepository(graph.driver()),
                SimulationEngine.withAvailableProcessors(), Clock.systemUTC());
        web = Workbench.web(graph, simulations).start("127.0.0.1", 0);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + web.port() + "/");
    }

    @Override
    public void close() {
        try {
            web.close();
        } finally {
            simulations.close();
        }
    }
}
