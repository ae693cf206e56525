package org.cstrat.server.customers.value;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Asymptotic covariance matrix of maximum-likelihood estimates (inverse of the observed information), in
 * natural parameters, with the parameter names in row order. Immutable; for drawing parameter uncertainty
 * into simulations.
 */
public final class CovarianceMatrix {

    private final List<String> names;
    private final double[][] matrix;

    public CovarianceMatrix(List<String> names, double[][] matrix) {
        this.names = List.copyOf(names);
        Objects.requireNonNull(matrix, "matrix");
        int n = this.names.size();
        if (matrix.length != n) {
            throw new IllegalArgumentException("matrix must be " + n + "x" + n + " for " + names + ", had "
                    + matrix.length + " rows");
        }
        this.matrix = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix row " + i + " must have " + n + " entries, had "
                        + matrix[i].length);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(matrix[i][j])) {
                    throw new IllegalArgumentException("matrix[" + i + "][" + j + "] must be finite, was "
                            + matrix[i][j]);
                }
            }
            this.matrix[i] = matrix[i].clone();
        }
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public double get(int i, int j) {
        return matrix[i][j];
    }

    /** A copy of the matrix. */
    public double[][] toArray() {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CovarianceMatrix other && names.equals(other.names)
                && Arrays.deepEquals(matrix, other.matrix);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return "CovarianceMatrix" + names + Arrays.deepToString(matrix);
    }
}
