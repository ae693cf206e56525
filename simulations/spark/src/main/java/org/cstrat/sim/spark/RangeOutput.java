package org.cstrat.sim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cstrat.sim.engine.PartialResult;
import org.cstrat.sim.model.OutputLayout;

/**
 * A task's answer: the raw per-replication outputs of its range ({@link PartialResult} in serialisable form), with the
 * engine version that computed them, so the driver's merge refuses parts of another version.
 */
record RangeOutput(int evaluation, String scenario, long seed, String engineVersion, int from, int to, int periods,
                   int segments, ArrayList<String> strategies, double[][] outputs) implements Serializable {

    static RangeOutput of(int evaluation, PartialResult p) {
        double[][] outputs = new double[p.strategies().size()][];
        for (int s = 0; s < outputs.length; s++) {
            outputs[s] = p.outputs(s);
        }
        return new RangeOutput(evaluation, p.scenario(), p.seed(), p.engineVersion(), p.from(), p.to(),
                p.layout().periods(), p.layout().segments(), new ArrayList<>(p.strategies()), outputs);
    }

    PartialResult toPartial() {
        return PartialResult.of(scenario, seed, engineVersion, from, to, new OutputLayout(periods, segments), List.copyOf(strategies),
                Arrays.asList(outputs));
    }
}
