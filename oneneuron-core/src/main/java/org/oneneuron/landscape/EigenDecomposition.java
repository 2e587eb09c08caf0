package org.oneneuron.landscape;

import java.util.Arrays;

/**
 * Eigenvalues (ascending) and, when requested, orthonormal eigenvectors of a symmetric matrix:
 * A = V·diag(λ)·Vᵀ. Vectors are stored row-major n×n with eigenvector k in column k.
 *
 * @param values  the n eigenvalues in ascending order
 * @param vectors n·n components (column k is the eigenvector of values[k]), or empty when not
 *                requested
 */
public record EigenDecomposition(double[] values, double[] vectors) {

    public EigenDecomposition {
        values = values.clone();
        vectors = vectors.clone();
        if (vectors.length != 0 && vectors.length != values.length * values.length) {
            throw new IllegalArgumentException("vectors must hold n*n = " + values.length
                    * values.length + " components or none, got " + vectors.length);
        }
    }

    /** Order n. */
    public int n() {
        return values.length;
    }

    /** The eigenvalues, ascending (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The eigenvector matrix, column k for eigenvalue k (a copy). */
    @Override
    public double[] vectors() {
        return vectors.clone();
    }

    /** Whether eigenvectors were computed. */
    public boolean hasVectors() {
        return vectors.length != 0;
    }

    /** Eigenvalue k (ascending order). */
    public double value(int k) {
        return values[k];
    }

    /** Component i of eigenvector k. */
    public double component(int i, int k) {
        return vectors[i * values.length + k];
    }

    /** Eigenvector k as a new array. */
    public double[] vector(int k) {
        if (!hasVectors()) {
            throw new IllegalStateException("eigenvectors were not requested");
        }
        int n = values.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = vectors[i * n + k];
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EigenDecomposition e && Arrays.equals(values, e.values)
                && Arrays.equals(vectors, e.vectors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(vectors);
    }

    @Override
    public String toString() {
        return "EigenDecomposition[n=" + values.length + ", values=" + Arrays.toString(values) + "]";
    }
}
