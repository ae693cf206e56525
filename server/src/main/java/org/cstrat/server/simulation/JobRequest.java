package org.cstrat.server.simulation;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cstrat.input.FieldError;

/** What a simulation and an optimisation request have in common: a name, the scenario fields, the shape errors. */
sealed interface JobRequest permits SimulationRequest, OptimisationRequest {

    /** The run's name, or {@code null} for the service's default. */
    String name();

    /** The scenario fields of the request (a copy). */
    ObjectNode scenario();

    /** What is wrong with the request's shape, each naming its JSON path. */
    List<FieldError> shapeErrors();

    /** Whether the body was not a JSON object at all (then nothing else of it can be checked). */
    default boolean malformed() {
        return shapeErrors().stream().anyMatch(e -> e.field().equals("$"));
    }
}
