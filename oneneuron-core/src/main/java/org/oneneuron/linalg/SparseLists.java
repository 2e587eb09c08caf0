package org.oneneuron.linalg;

import java.util.Arrays;

/**
 * Per-thread scratch of the sparse kernels ({@code VectorSparseFloat/Double}): for the input adjoint,
 * per-position lists of the filters with a nonzero adjoint (filters are added in increasing order, so
 * each list is in filter order); for the weight gradient, one filter's nonzero terms.
 */
final class SparseLists {

    /** count[p]: filters listed for position p. */
    int[] count = new int[0];
    /** entries[p·width + t]: the t-th filter of position p. */
    int[] entries = new int[0];
    private int width;
    /** The nonzero terms of one filter of the sparse weight gradient: their run offsets and values. */
    int[] at = new int[0];
    float[] floats = new float[0];
    double[] doubles = new double[0];

    /** Empty lists for the given positions, each with room for every filter. */
    SparseLists reset(int filters, int positions) {
        if (count.length < positions) {
            count = new int[positions];
        }
        if (entries.length < positions * filters) {
            entries = new int[positions * filters];
        }
        Arrays.fill(count, 0, positions, 0);
        width = filters;
        return this;
    }

    /** Room for n terms in {@link #at} and the values' arrays. */
    void reserve(int n) {
        if (at.length < n) {
            int m = Math.max(n, 2 * at.length);
            at = Arrays.copyOf(at, m);
            floats = Arrays.copyOf(floats, m);
            doubles = Arrays.copyOf(doubles, m);
        }
    }

    void add(int p, int f) {
        entries[p * width + count[p]++] = f;
    }
}
