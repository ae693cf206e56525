package org.cstrat.server.customers.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood engine shared by the BG/NBD and Gamma-Gamma fitters.
 *
 * <p>The negative log-likelihood is minimised over the logarithms of the (positive) parameters with BOBYQA
 * (M. J. D. Powell 2009, "The BOBYQA algorithm for bound constrained optimization without derivatives",
 * Cambridge report DAMTP 2009/NA06; Commons Math implementation), within the bounds
 * [{@value #LOWER}, {@value #UPPER}] of each natural parameter, from several starting points; the best run is
 * polished by a last, short run. The result is then checked: no parameter on a bound, a positive definite
 * numerical Hessian of the negative log-likelihood in natural parameters (central differences with relative
 * step {@value #HESSIAN_STEP}), and a Newton decrement {@code g' H^-1 g / 2} below the tolerance. Standard
 * errors are the square roots of the diagonal of {@code H^-1} (inverse observed information).
 */
final class MaximumLikelihood {

    /** Lower bound of every natural parameter. */
    static final double LOWER = 1e-8;
    /** Upper bound of every natural parameter. */
    static final double UPPER = 1e8;
    /** Relative step of the central-difference Hessian (about eps^(1/4), balancing truncation and rounding). */
    static final double HESSIAN_STEP = 5e-4;
    /** Relative step of the central-difference gradient (about eps^(1/3)). */
    static final double GRADIENT_STEP = 1e-5;
    /** A parameter closer than this (in log units) to a bound is reported as on the bound. */
    static final double BOUND_MARGIN = 1e-2;
    /** Runs ending within this many log-likelihood units of the best count as agreeing. */
    static final double AGREEMENT = 1e-4;
    /** Returned to the optimizer for a non-finite log-likelihood. */
    private static final double PENALTY = 1e30;

    /** A log-likelihood in natural parameters. */
    @FunctionalInterface
    interface LogLikelihood {
        double at(double[] theta);
    }

    /** Outcome of {@link #maximise}. Arrays are owned by the caller after return. */
    record Result(double[] estimate, double logLikelihood, double[] standardErrors,
                  Optional<CovarianceMatrix> covariance, Convergence convergence) {

        List<Estimate> estimates() {
            List<Estimate> out = new ArrayList<>();
            for (int i = 0; i < estimate.length; i++) {
                out.add(new Estimate(estimate[i], standardErrors[i]));
            }
            return out;
        }
    }

    private MaximumLikelihood() {
    }

    static Result maximise(List<String> names, LogLikelihood logLikelihood, List<double[]> starts,
                           FitOptions options) {
        int n = names.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(lower, Math.log(LOWER));
        Arrays.fill(upper, Math.log(UPPER));
        Objective objective = new Objective(logLikelihood);
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        List<Double> runValues = new ArrayList<>();
        PointValuePair bestRun = null;
        for (int s = 0; s < starts.size(); s++) {
            double[] u0 = new double[n];
            for (int i = 0; i < n; i++) {
                u0[i] = Math.min(Math.max(Math.log(starts.get(s)[i]), lower[i] + 1), upper[i] - 1);
            }
            PointValuePair run = run(objective, u0, lower, upper, 1.0, options, "start " + (s + 1), notes);
            if (run != null) {
                runValues.add(run.getValue());
                if (bestRun == null || run.getValue() < bestRun.getValue()) {
                    bestRun = run;
                }
            }
        }
        double[] u;
        if (bestRun != null) {
            PointValuePair polish = run(objective, bestRun.getPoint(), lower, upper, 0.05, options, "polish", problems);
            u = polish != null && polish.getValue() <= bestRun.getValue() ? polish.getPoint() : bestRun.getPoint();
        } else {
            problems.add("no optimizer run finished within " + options.maxEvaluationsPerRun() + " evaluations");
            u = objective.bestPoint;
            if (u == null) {
                u = new double[n];
                for (int i = 0; i < n; i++) {
                    u[i] = Math.log(starts.get(0)[i]);
                }
            }
        }

        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = Math.exp(u[i]);
            if (u[i] - lower[i] < BOUND_MARGIN || upper[i] - u[i] < BOUND_MARGIN) {
                problems.add(String.format(Locale.ROOT, "%s = %.6g is on its bound [%.0e, %.0e]: the maximum lies "
                        + "outside the parameter space or the parameter is not identified", names.get(i), theta[i],
                        LOWER, UPPER));
            }
        }
        double ll = logLikelihood.at(theta);
        if (!Double.isFinite(ll)) {
            problems.add("log-likelihood is not finite at the final point: " + ll);
        }
        double best = -ll;
        int agreeing = (int) runValues.stream().filter(v -> v <= best + AGREEMENT).count();
        if (objective.nonFinite > 0) {
            notes.add(objective.nonFinite + " evaluations gave a non-finite log-likelihood");
        }

        double[] se = new double[n];
        Arrays.fill(se, Double.NaN);
        Optional<CovarianceMatrix> covariance = Optional.empty();
        boolean positiveDefinite = false;
        double decrement = Double.NaN;
        if (Double.isFinite(ll)) {
            double[][] hessian = hessian(logLikelihood, theta, ll);
            double[] gradient = gradient(logLikelihood, theta);
            boolean finite = Arrays.stream(hessian).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)
                    && Arrays.stream(gradient).allMatch(Double::isFinite);
            if (finite) {
                EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(hessian, false));
                double[] values = eigen.getRealEigenvalues();
                double max = Arrays.stream(values).map(Math::abs).max().orElse(0);
                double min = Arrays.stream(values).min().orElse(0);
                positiveDefinite = max > 0 && min > 1e-12 * max;
                if (positiveDefinite) {
                    RealMatrix inverse = eigen.getSolver().getInverse();
                    double[][] cov = inverse.getData();
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < i; j++) {
                            double mean = (cov[i][j] + cov[j][i]) / 2;
                            cov[i][j] = mean;
                            cov[j][i] = mean;
                        }
                        se[i] = Math.sqrt(cov[i][i]);
                    }
                    covariance = Optional.of(new CovarianceMatrix(names, cov));
                    decrement = dot(gradient, inverse.operate(gradient)) / 2;
                    if (!(decrement <= options.tolerance())) {
                        problems.add(String.format(Locale.ROOT, "Newton decrement %.3g exceeds the tolerance %.1g:"
                                + " the point is not yet a maximum", decrement, options.tolerance()));
                    }
                } else {
                    problems.add(String.format(Locale.ROOT, "the Hessian of the negative log-likelihood is not "
                            + "positive definite at the final point (eigenvalues %s): not a strict maximum, "
                            + "standard errors unavailable", Arrays.toString(roundAll(values))));
                }
            } else {
                problems.add("the numerical Hessian is not finite at the final point; standard errors unavailable");
            }
        }
        boolean converged = problems.isEmpty();
        String message = converged
                ? String.format(Locale.ROOT, "converged: %d of %d starts agree within %.0e; Newton decrement %.2g;"
                        + " %d evaluations", agreeing, starts.size(), AGREEMENT, decrement, objective.count)
                : "not converged: " + String.join("; ", problems);
        if (!notes.isEmpty()) {
            message += " (notes: " + String.join("; ", notes) + ")";
        }
        Convergence convergence = new Convergence(converged, message, objective.count, starts.size(), agreeing,
                positiveDefinite, decrement);
        return new Result(theta, ll, se, covariance, convergence);
    }

    private static PointValuePair run(Objective objective, double[] u0, double[] lower, double[] upper,
                                      double radius, FitOptions options, String label, List<String> problems) {
        int n = u0.length;
        try {
            return new BOBYQAOptimizer(2 * n + 1, radius, 1e-9).optimize(
                    new MaxEval(options.maxEvaluationsPerRun()), new ObjectiveFunction(objective),
                    GoalType.MINIMIZE, new InitialGuess(u0), new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException e) {
            problems.add(label + ": no convergence within " + options.maxEvaluationsPerRun() + " evaluations");
        } catch (MathIllegalStateException | MathIllegalArgumentException | MathArithmeticException e) {
            problems.add(label + ": optimizer failed: " + e.getMessage());
        }
        return null;
    }

    /** Gradient of the negative log-likelihood, central differences. */
    static double[] gradient(LogLikelihood ll, double[] theta) {
        int n = theta.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double h = GRADIENT_STEP * theta[i];
            g[i] = -(ll.at(shift(theta, i, h, -1, 0)) - ll.at(shift(theta, i, -h, -1, 0))) / (2 * h);
        }
        return g;
    }

    /** Hessian of the negative log-likelihood, central differences with steps relative to each parameter. */
    static double[][] hessian(LogLikelihood ll, double[] theta, double llAtTheta) {
        int n = theta.length;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = HESSIAN_STEP * theta[i];
        }
        double[][] hess = new double[n][n];
        for (int i = 0; i < n; i++) {
            double plus = ll.at(shift(theta, i, h[i], -1, 0));
            double minus = ll.at(shift(theta, i, -h[i], -1, 0));
            hess[i][i] = -(plus - 2 * llAtTheta + minus) / (h[i] * h[i]);
            for (int j = 0; j < i; j++) {
                double pp = ll.at(shift(theta, i, h[i], j, h[j]));
                double pm = ll.at(shift(theta, i, h[i], j, -h[j]));
                double mp = ll.at(shift(theta, i, -h[i], j, h[j]));
                double mm = ll.at(shift(theta, i, -h[i], j, -h[j]));
                double v = -(pp - pm - mp + mm) / (4 * h[i] * h[j]);
                hess[i][j] = v;
                hess[j][i] = v;
            }
        }
        return hess;
    }

    private static double[] shift(double[] theta, int i, double hi, int j, double hj) {
        double[] t = theta.clone();
        t[i] += hi;
        if (j >= 0) {
            t[j] += hj;
        }
        return t;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static String[] roundAll(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.3g", v)).toArray(String[]::new);
    }

    /** Negative log-likelihood over log-parameters; counts evaluations and remembers the best point seen. */
    private static final class Objective implements MultivariateFunction {
        private final LogLikelihood logLikelihood;
        private int count;
        private int nonFinite;
        private double bestValue = Double.POSITIVE_INFINITY;
        private double[] bestPoint;

        Objective(LogLikelihood logLikelihood) {
            this.logLikelihood = logLikelihood;
        }

        @Override
        public double value(double[] u) {
            count++;
            double[] theta = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                theta[i] = Math.exp(u[i]);
            }
            double value = -logLikelihood.at(theta);
            if (!Double.isFinite(value)) {
                nonFinite++;
                return PENALTY;
            }
            if (value < bestValue) {
                bestValue = value;
                bestPoint = u.clone();
            }
            return value;
        }
    }
}
