package org.cstrat.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.OutputLayout;

/**
 * The raw outputs of replications {@code [from, to)} of one scenario and seed: for every strategy,
 * {@link OutputLayout#stride()} doubles per replication, in replication order. A worker on another
 * machine can compute any range; {@link #merge(List)} joins contiguous ranges, and because
 * statistics are computed from the merged values in replication order, the merged summary is
 * bit-identical to that of a single run, provided every part was computed by the same engine
 * version (recorded here, and checked by {@code merge}). Size: replications × strategies × stride
 * doubles, never customers.
 */
public final class PartialResult {
    private final String scenario;
    private final long seed;
    private final String engineVersion;
    private final int from;
    private final int to;
    private final OutputLayout layout;
    private final List<String> strategies;
    private final double[][] outputs;

    /** Wraps arrays without copying; the engine and {@link #merge} hand over ownership. */
    PartialResult(String scenario, long seed, String engineVersion, int from, int to, OutputLayout layout, List<String> strategies,
                  double[][] outputs) {
        this.scenario = Checks.name("scenario", scenario);
        this.seed = seed;
        this.engineVersion = Checks.name("engineVersion", engineVersion);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("range must satisfy 0 <= from <= to, was [" + from + ", " + to + ")");
        }
        this.from = from;
        this.to = to;
        this.layout = Checks.present("layout", layout);
        this.strategies = List.copyOf(strategies);
        if (outputs.length != strategies.size()) {
            throw new IllegalArgumentException("outputs must have one array per strategy, was " + outputs.length);
        }
        for (double[] o : outputs) {
            if (o.length != (long) (to - from) * layout.stride()) {
                throw new IllegalArgumentException("outputs length must be replications x stride, was " + o.length);
            }
        }
        this.outputs = outputs;
    }

    /**
     * Rebuilds a partial result from its parts (e.g. received from a remote worker, with the
     * {@link SimulationEngine#VERSION} that computed them); copies.
     */
    public static PartialResult of(String scenario, long seed, String engineVersion, int from, int to, OutputLayout layout,
                                   List<String> strategies, List<double[]> outputs) {
        double[][] copy = new double[outputs.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = outputs.get(i).clone();
        }
        return new PartialResult(scenario, seed, engineVersion, from, to, layout, strategies, copy);
    }

    /** Joins partial results of the same scenario, seed and engine version whose ranges are contiguous. */
    public static PartialResult merge(List<PartialResult> parts) {
        Checks.nonEmptyCopy("parts", parts);
        List<PartialResult> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(PartialResult::from));
        PartialResult first = sorted.get(0);
        int expected = first.from;
        long total = 0;
        for (PartialResult p : sorted) {
            if (!p.scenario.equals(first.scenario) || p.seed != first.seed || !p.layout.equals(first.layout)
                    || !p.strategies.equals(first.strategies)) {
                throw new IllegalArgumentException("parts must come from the same scenario, seed and strategies, was "
                        + p.scenario + "/" + p.seed + " vs " + first.scenario + "/" + first.seed);
            }
            if (!p.engineVersion.equals(first.engineVersion)) {
                throw new IllegalArgumentException("parts must come from the same engine version (the same seed gives other "
                        + "values under another), was " + p.engineVersion + " for replications [" + p.from + ", " + p.to
                        + ") vs " + first.engineVersion);
            }
            if (p.from != expected) {
                throw new IllegalArgumentException("parts must be contiguous, expected a part starting at " + expected + ", was " + p.from);
            }
            expected = p.to;
            total += p.to - p.from;
        }
        int stride = first.layout.stride();
        double[][] out = new double[first.strategies.size()][(int) (total * stride)];
        int at = 0;
        for (PartialResult p : sorted) {
            int len = (p.to - p.from) * stride;
            for (int s = 0; s < out.length; s++) {
                System.arraycopy(p.outputs[s], 0, out[s], at, len);
            }
            at += len;
        }
        return new PartialResult(first.scenario, first.seed, first.engineVersion, first.from, expected, first.layout, first.strategies, out);
    }

    public String scenario() { return scenario; }

    public long seed() { return seed; }

    /** The {@link SimulationEngine#VERSION} that computed these replications. */
    public String engineVersion() { return engineVersion; }

    public int from() { return from; }

    public int to() { return to; }

    public int replications() { return to - from; }

    public OutputLayout layout() { return layout; }

    public List<String> strategies() { return strategies; }

    /** Copy of strategy {@code s}'s outputs (replications × stride). */
    public double[] outputs(int s) {
        return outputs[s].clone();
    }

    /** The value at {@code index} (an {@link OutputLayout} position) for every replication, in order. */
    public double[] column(int strategy, int index) {
        int stride = layout.stride();
        double[] src = outputs[strategy];
        double[] col = new double[replications()];
        for (int r = 0; r < col.length; r++) {
            col[r] = src[r * stride + index];
        }
        return col;
    }

    /** The shared array of strategy {@code s}; engine-internal, never modified after construction. */
    double[] raw(int s) {
        return outputs[s];
    }

    /** True when both hold bit-identical values for the same range, scenario and seed. */
    public boolean sameValues(PartialResult other) {
        if (from != other.from || to != other.to || !layout.equals(other.layout) || !strategies.equals(other.strategies)) {
            return false;
        }
        for (int s = 0; s < outputs.length; s++) {
            if (!Arrays.equals(outputs[s], other.outputs[s])) {
                return false;
            }
        }
        return true;
    }
}
