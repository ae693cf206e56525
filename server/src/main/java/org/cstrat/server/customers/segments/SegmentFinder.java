package org.cstrat.server.customers.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Emergent segments: k-means++ (Arthur &amp; Vassilvitskii 2007; Commons Math's
 * {@link KMeansPlusPlusClusterer}, best of {@value #TRIALS} seeded runs by within-cluster variance) on
 * the standardised behaviour features (each feature minus its mean, divided by its standard deviation; a
 * constant feature becomes 0).
 *
 * <p><b>Choice of k:</b> every k from {@value #K_MIN} to {@value #K_MAX} (at most n − 1) is fitted and
 * the one with the highest mean silhouette (Rousseeuw 1987) wins; the silhouette is computed on a seeded
 * sample of at most {@value #SILHOUETTE_SAMPLE} customers (it costs O(n²)). Deterministic for a seed.
 */
public final class SegmentFinder {

    public static final int K_MIN = 2;
    public static final int K_MAX = 8;
    public static final int TRIALS = 3;
    public static final int MAX_ITERATIONS = 300;
    public static final int SILHOUETTE_SAMPLE = 2_000;
    public static final long SEED_DEFAULT = 20_240_601L;

    /** The segmentation: k, its silhouette, the silhouette of every k tried, and each customer's cluster (0-based, by size). */
    public record Result(int k, double silhouette, double[] silhouetteByK, List<Cluster> clusters, double[] means, double[] sds) {
    }

    /** A cluster: its members (customer ids) and its centroid in standardised units. */
    public record Cluster(List<String> customers, double[] centroid) {
    }

    private record Point(int index, double[] point) implements Clusterable {
        @Override
        public double[] getPoint() {
            return point;
        }
    }

    private SegmentFinder() {
    }

    public static Result find(List<BehaviourFeatures> features, long seed) {
        int n = features.size();
        if (n < K_MIN + 1) {
            throw new IllegalArgumentException("segmentation needs at least " + (K_MIN + 1) + " customers, got " + n);
        }
        double[][] x = features.stream().map(BehaviourFeatures::vector).toArray(double[][]::new);
        int d = x[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = sd[j] > 1e-12 ? (x[i][j] - mean[j]) / sd[j] : 0;
            }
            points.add(new Point(i, z));
        }
        int[] sample = sample(n, seed);
        int kMax = Math.min(K_MAX, n - 1);
        double[] byK = new double[kMax + 1];
        Arrays.fill(byK, Double.NaN);
        List<CentroidCluster<Point>> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestK = K_MIN;
        for (int k = K_MIN; k <= kMax; k++) {
            JDKRandomGenerator random = new JDKRandomGenerator();
            random.setSeed(seed + k);
            var clusterer = new MultiKMeansPlusPlusClusterer<>(new KMeansPlusPlusClusterer<Point>(k, MAX_ITERATIONS,
                    new EuclideanDistance(), random, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_POINTS_NUMBER), TRIALS);
            List<CentroidCluster<Point>> clusters = clusterer.cluster(points);
            double score = silhouette(clusters, n, sample);
            byK[k] = score;
            if (score > bestScore + 1e-12) {
                bestScore = score;
                best = clusters;
                bestK = k;
            }
        }
        List<Cluster> out = new ArrayList<>();
        for (CentroidCluster<Point> c : best) {
            if (c.getPoints().isEmpty()) {
                continue;
            }
            out.add(new Cluster(c.getPoints().stream().map(p -> features.get(p.index()).customer()).toList(), c.getCenter().getPoint()));
        }
        out.sort(Comparator.comparingInt((Cluster c) -> -c.customers().size()).thenComparing(c -> c.customers().get(0)));
        return new Result(bestK, bestScore, byK, List.copyOf(out), mean, sd);
    }

    private static int[] sample(int n, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= SILHOUETTE_SAMPLE) {
            return all;
        }
        Random random = new Random(seed);
        for (int i = 0; i < SILHOUETTE_SAMPLE; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, SILHOUETTE_SAMPLE);
    }

    /** Mean silhouette over the sampled points, distances to the sampled points only. */
    static double silhouette(List<CentroidCluster<Point>> clusters, int n, int[] sample) {
        int[] label = new int[n];
        double[][] pts = new double[n][];
        for (int c = 0; c < clusters.size(); c++) {
            for (Point p : clusters.get(c).getPoints()) {
                label[p.index()] = c;
                pts[p.index()] = p.point();
            }
        }
        int k = clusters.size();
        double total = 0;
        for (int i : sample) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j : sample) {
                if (j == i) {
                    continue;
                }
                sum[label[j]] += distance(pts[i], pts[j]);
                count[label[j]]++;
            }
            int own = label[i];
            if (count[own] == 0) {
                continue; // a singleton's silhouette is 0
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            if (Double.isFinite(b)) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / sample.length;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
