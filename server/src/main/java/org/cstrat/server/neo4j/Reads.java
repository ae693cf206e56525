package org.cstrat.server.neo4j;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;

/** Read queries routed to readers (followers in a cluster), each record mapped in one place by the caller. */
public final class Reads {

    private static final QueryConfig READ = QueryConfig.builder().withRouting(RoutingControl.READ).build();

    private final Driver driver;

    public Reads(Driver driver) {
        this.driver = driver;
    }

    public <T> List<T> list(String query, Map<String, Object> parameters, Function<Record, T> mapper) {
        return driver.executableQuery(query).withParameters(parameters).withConfig(READ).execute()
                .records().stream().map(mapper).toList();
    }
}
