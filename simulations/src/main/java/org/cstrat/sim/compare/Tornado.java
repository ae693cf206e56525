package org.cstrat.sim.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cstrat.sim.engine.CancellationToken;
import org.cstrat.sim.engine.ProgressListener;
import org.cstrat.sim.engine.SimulationResult;
import org.cstrat.sim.engine.SimulationRunner;
import org.cstrat.sim.model.Checks;
import org.cstrat.sim.model.ModelParameters;
import org.cstrat.sim.model.ParameterPaths;
import org.cstrat.sim.model.ParameterPaths.NumericParameter;
import org.cstrat.sim.model.Scenario;
import org.cstrat.sim.model.Strategy;

/**
 * One-at-a-time sensitivity: every numeric parameter of the model and of the strategy is set to
 * base × (1 - swing) and base × (1 + swing), clamped into its valid range (integers rounded), and
 * the strategy's mean NPV is simulated at each value with the scenario's seed. Parameter
 * uncertainty is switched off, so the base is the scenario at its nominal values.
 */
public final class Tornado {
    /** How far each parameter is swung by default: ±20 %. */
    public static final double SWING_DEFAULT = 0.2;
    /**
     * Replications per evaluation by default (the web app's tornado and heatmap cells, {@code cstrat simulate --tornado}):
     * all evaluations share random numbers, so the bars show effects, not noise.
     */
    public static final int REPLICATIONS_DEFAULT = 200;
    private static final String MODEL = "parameters.";
    private static final String STRATEGY = "strategy.";

    private final SimulationRunner engine;

    /** @param engine the in-process {@code SimulationEngine} or a cluster runner: the evaluations are independent runs */
    public Tornado(SimulationRunner engine) {
        this.engine = Checks.present("engine", engine);
    }

    /** Replications per evaluation for {@code scenario}: {@link #REPLICATIONS_DEFAULT}, fewer if the scenario runs fewer (at least 2). */
    public static int replications(Scenario scenario) {
        return Math.max(2, Math.min(scenario.run().replications(), REPLICATIONS_DEFAULT));
    }

    /** Paths the tornado would swing for {@code strategy}: {@code parameters.*} then {@code strategy.*}. */
    public static List<NumericParameter> parameters(Scenario scenario, String strategy) {
        List<NumericParameter> out = new ArrayList<>();
        for (NumericParameter p : ParameterPaths.numeric(scenario.parameters())) {
            out.add(prefixed(MODEL, p));
        }
        for (NumericParameter p : ParameterPaths.numeric(find(scenario, strategy))) {
            if (!p.path().equals("name")) {
                out.add(prefixed(STRATEGY, p));
            }
        }
        return out;
    }

    /**
     * Runs the tornado for one strategy of the scenario.
     *
     * @param only parameter paths to swing (as returned by {@link #parameters}); empty for all
     * @param replications replications per evaluation
     */
    public TornadoResult run(Scenario scenario, String strategy, double swing, int replications, List<String> only,
                             ProgressListener listener, CancellationToken cancel) {
        Checks.range("swing", swing, 1e-9, 1.0);
        Checks.intRange("replications", replications, 2, 10_000_000);
        Strategy base = find(scenario, strategy);
        Scenario nominal = scenario.withUncertainty(List.of()).withStrategies(List.of(base))
                .withRun(scenario.run().withReplications(replications).withTargetRelativeError(0));
        List<NumericParameter> params = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        split(scenario, strategy, swing, only, params, skipped);
        List<Scenario> evaluations = new ArrayList<>(List.of(nominal));
        for (NumericParameter p : params) {
            evaluations.add(with(nominal, p.path(), p.clamp(p.value() * (1 - swing))));
            evaluations.add(with(nominal, p.path(), p.clamp(p.value() * (1 + swing))));
        }
        List<SimulationResult> results = engine.runAll(evaluations, listener, cancel);
        SimulationResult b = results.get(0);
        List<TornadoBar> bars = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            NumericParameter p = params.get(i);
            double lo = p.clamp(p.value() * (1 - swing));
            double hi = p.clamp(p.value() * (1 + swing));
            SimulationResult rl = results.get(1 + 2 * i);
            SimulationResult rh = results.get(2 + 2 * i);
            double nl = rl.strategies().get(0).npv().mean();
            double nh = rh.strategies().get(0).npv().mean();
            bars.add(new TornadoBar(p.path(), p.unit(), p.value(), lo, hi, nl, nh,
                    rl.strategies().get(0).npv().standardError(), rh.strategies().get(0).npv().standardError(), Math.abs(nh - nl),
                    ParameterPaths.label(p.path()), p.doc()));
        }
        bars.sort(Comparator.comparingDouble(TornadoBar::range).reversed().thenComparing(TornadoBar::parameter));
        return new TornadoResult(scenario.name(), base.name(), swing, replications,
                b.strategies().get(0).npv().mean(), b.strategies().get(0).npv().standardError(), bars, skipped,
                scenario.currency());
    }

    /**
     * How many evaluations {@link #run} makes for these arguments: the base, then each swung parameter at its low
     * and its high value (one strategy, {@code replications} replications each), for estimating a job's work.
     */
    public static int evaluations(Scenario scenario, String strategy, double swing, List<String> only) {
        List<NumericParameter> params = new ArrayList<>();
        split(scenario, strategy, swing, only, params, new ArrayList<>());
        return 1 + 2 * params.size();
    }

    private static void split(Scenario scenario, String strategy, double swing, List<String> only, List<NumericParameter> params,
                              List<String> skipped) {
        for (NumericParameter p : parameters(scenario, strategy)) {
            if (!only.isEmpty() && !only.contains(p.path())) {
                continue;
            }
            if (p.value() == 0.0 || p.clamp(p.value() * (1 - swing)) == p.clamp(p.value() * (1 + swing))) {
                skipped.add(p.path());
            } else {
                params.add(p);
            }
        }
    }

    private static Scenario with(Scenario s, String path, double value) {
        if (path.startsWith(MODEL)) {
            ModelParameters p = ParameterPaths.with(s.parameters(), path.substring(MODEL.length()), value);
            return s.withParameters(p);
        }
        Strategy st = ParameterPaths.with(s.strategies().get(0), path.substring(STRATEGY.length()), value);
        return s.withStrategies(List.of(st));
    }

    private static NumericParameter prefixed(String prefix, NumericParameter p) {
        return new NumericParameter(prefix + p.path(), p.value(), p.min(), p.max(), p.integer(), p.unit(), p.doc());
    }

    private static Strategy find(Scenario scenario, String name) {
        return scenario.strategies().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strategy: unknown strategy name, was " + name));
    }
}
