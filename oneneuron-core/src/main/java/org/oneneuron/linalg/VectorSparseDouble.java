package org.oneneuron.linalg;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * double-precision {@code sparseRuns} and {@code sparseAdjoint} of {@link ConvKernels}: the nonzero
 * adjoints are found a vector at a time by a comparison (a bit mask, walked lowest bit first, so in
 * index order), and each one feeds a tile of vectors in registers (8 for the weight gradient, 16 for
 * the input adjoint): a load and a fused multiply-add per vector and nonzero. A tile's unused
 * vectors repeat its last one and are dropped. The weight gradient runs over blocks of 4 samples
 * (their inputs stay in the L1 cache), every filter's chains kept in memory between blocks (the
 * same chains as one pass). The input adjoint's tiles hold whole kernel rows, in increasing order,
 * each over every position from the last: every δx value still receives its columns in (i, j)
 * order. No Vector API value crosses a method of ours (see {@link VectorSgemm}).
 */
final class VectorSparseDouble {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int TILE_VECTORS = 8;
    /** Vectors in registers in the input adjoint's tile. */
    private static final int ADJOINT_VECTORS = 16;
    /** Samples per block: their inputs stay in the L1 cache while every filter's terms run over them. */
    private static final int BLOCK_SAMPLES = 4;
    private static final ThreadLocal<double[]> ACC = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<SparseLists> LISTS = ThreadLocal.withInitial(SparseLists::new);

    private VectorSparseDouble() {
    }

    static void runs(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, double[] v, int vOff, int vStride,
                     double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                     int[] oa, int[] ol) {
        int tiles = (nu + TILE_VECTORS - 1) / TILE_VECTORS;
        int tileValues = TILE_VECTORS * L;
        double[] acc = accumulators(na * tiles * tileValues);
        Arrays.fill(acc, 0, na * tiles * tileValues, 0);
        SparseLists lists = LISTS.get();
        for (int s0 = 0; s0 < samples; s0 += BLOCK_SAMPLES) {
            int s1 = Math.min(samples, s0 + BLOCK_SAMPLES);
            for (int a = 0; a < na; a++) {
                int n = 0;
                for (int s = s0; s < s1; s++) {
                    int xs = xOff + s * xStride + ia[a];
                    int vs = vOff + s * vStride;
                    for (int b0 = 0; b0 < nb; b0 += 64) {
                        long bits = nonZeros64(x, xs + b0, Math.min(64, nb - b0));
                        lists.reserve(n + Long.bitCount(bits));
                        while (bits != 0) {
                            int b = b0 + Long.numberOfTrailingZeros(bits);
                            bits &= bits - 1;
                            lists.at[n] = vs + iv[b];
                            lists.doubles[n++] = x[xs + b];
                        }
                    }
                }
                for (int t = 0; t < tiles; t++) {
                    int u0 = t * TILE_VECTORS;
                    int un = Math.min(TILE_VECTORS, nu - u0);
                    int aOff = (a * tiles + t) * tileValues;
                    runsTile(n, lists.at, lists.doubles, vo, u0, un, v, acc, aOff);
                }
            }
        }
        for (int a = 0; a < na; a++) {
            int ok = oOff + oa[a];
            for (int q = 0; q < nu * L; q++) {
                int lane = ol[q];
                if (lane >= 0) {
                    double c = acc[a * tiles * tileValues + q];
                    out[ok + lane] = accumulate ? out[ok + lane] + c : c;
                }
            }
        }
    }

    private static double[] accumulators(int n) {
        double[] acc = ACC.get();
        if (acc.length < n) {
            acc = new double[n];
            ACC.set(acc);
        }
        return acc;
    }

    /**
     * Tile vectors [u0, u0 + un): their chains, loaded from acc at aOff, continued over the n listed
     * nonzeros q[t] (the runs at at[t]) and stored back.
     */
    private static void runsTile(int n, int[] at, double[] q, int[] vo, int u0, int un, double[] v, double[] acc,
                                 int aOff) {
        int o0 = vo[u0];
        int o1 = vo[u0 + Math.min(1, un - 1)];
        int o2 = vo[u0 + Math.min(2, un - 1)];
        int o3 = vo[u0 + Math.min(3, un - 1)];
        int o4 = vo[u0 + Math.min(4, un - 1)];
        int o5 = vo[u0 + Math.min(5, un - 1)];
        int o6 = vo[u0 + Math.min(6, un - 1)];
        int o7 = vo[u0 + Math.min(7, un - 1)];
        DoubleVector c0 = DoubleVector.fromArray(S, acc, aOff);
        DoubleVector c1 = DoubleVector.fromArray(S, acc, aOff + L);
        DoubleVector c2 = DoubleVector.fromArray(S, acc, aOff + 2 * L);
        DoubleVector c3 = DoubleVector.fromArray(S, acc, aOff + 3 * L);
        DoubleVector c4 = DoubleVector.fromArray(S, acc, aOff + 4 * L);
        DoubleVector c5 = DoubleVector.fromArray(S, acc, aOff + 5 * L);
        DoubleVector c6 = DoubleVector.fromArray(S, acc, aOff + 6 * L);
        DoubleVector c7 = DoubleVector.fromArray(S, acc, aOff + 7 * L);
        for (int t = 0; t < n; t++) {
            DoubleVector e = DoubleVector.broadcast(S, q[t]);
            int vb = at[t];
            c0 = DoubleVector.fromArray(S, v, vb + o0).fma(e, c0);
            c1 = DoubleVector.fromArray(S, v, vb + o1).fma(e, c1);
            c2 = DoubleVector.fromArray(S, v, vb + o2).fma(e, c2);
            c3 = DoubleVector.fromArray(S, v, vb + o3).fma(e, c3);
            c4 = DoubleVector.fromArray(S, v, vb + o4).fma(e, c4);
            c5 = DoubleVector.fromArray(S, v, vb + o5).fma(e, c5);
            c6 = DoubleVector.fromArray(S, v, vb + o6).fma(e, c6);
            c7 = DoubleVector.fromArray(S, v, vb + o7).fma(e, c7);
        }
        c0.intoArray(acc, aOff);
        c1.intoArray(acc, aOff + L);
        c2.intoArray(acc, aOff + 2 * L);
        c3.intoArray(acc, aOff + 3 * L);
        c4.intoArray(acc, aOff + 4 * L);
        c5.intoArray(acc, aOff + 5 * L);
        c6.intoArray(acc, aOff + 6 * L);
        c7.intoArray(acc, aOff + 7 * L);
    }

    /** Bit t set where x[off + t] != 0 (NaN included), t &lt; n ≤ 64: whole vectors, then one at a time. */
    private static long nonZeros64(double[] x, int off, int n) {
        long bits = 0;
        int t = 0;
        for (; t + L <= n; t += L) {
            bits |= DoubleVector.fromArray(S, x, off + t).compare(VectorOperators.NE, 0d).toLong() << t;
        }
        for (; t < n; t++) {
            bits |= x[off + t] != 0 ? 1L << t : 0;
        }
        return bits;
    }

    static void adjoint(int filters, int positions, int nu, int rowVectors, double[] d, int dOff, double[] k, int ldk,
                        int[] ko, int[] po, int[] xo, double[] dx, int dxOff) {
        if (rowVectors > ADJOINT_VECTORS || nu % rowVectors != 0) {
            throw new IllegalArgumentException("kernel rows of " + rowVectors + " vectors (at most " + ADJOINT_VECTORS
                    + ", dividing " + nu + ")");
        }
        SparseLists lists = LISTS.get().reset(filters, positions);
        for (int f = 0; f < filters; f++) {
            int df = dOff + f * positions;
            for (int p0 = 0; p0 < positions; p0 += 64) {
                long bits = nonZeros64(d, df + p0, Math.min(64, positions - p0));
                while (bits != 0) {
                    lists.add(p0 + Long.numberOfTrailingZeros(bits), f);
                    bits &= bits - 1;
                }
            }
        }
        int perTile = ADJOINT_VECTORS / rowVectors * rowVectors;
        for (int u0 = 0; u0 < nu; u0 += perTile) {
            adjointTile(lists, filters, positions, d, dOff, k, ldk, ko, po, xo, u0, Math.min(perTile, nu - u0), dx,
                    dxOff);
        }
    }

    /**
     * Vectors [u0, u0 + un) (whole kernel rows, at most 16) of the columns of every position with a
     * nonzero adjoint, from the last position to the first: each a chain from 0 over its listed
     * filters, added to dx at dxOff + po[p] + xo[u]. 16 accumulators: with 256-bit vectors too, where
     * the registers run short, one pass over 3 rows of 5 vectors beat 3 passes of 8-vector tiles
     * (SparseProbe, -XX:UseAVX=2: 3.65–3.76 against 4.46–4.75 µs per sample).
     */
    private static void adjointTile(SparseLists lists, int filters, int positions, double[] d, int dOff, double[] k,
                                    int ldk, int[] ko, int[] po, int[] xo, int u0, int un, double[] dx, int dxOff) {
        int o0 = ko[u0];
        int o1 = ko[u0 + Math.min(1, un - 1)];
        int o2 = ko[u0 + Math.min(2, un - 1)];
        int o3 = ko[u0 + Math.min(3, un - 1)];
        int o4 = ko[u0 + Math.min(4, un - 1)];
        int o5 = ko[u0 + Math.min(5, un - 1)];
        int o6 = ko[u0 + Math.min(6, un - 1)];
        int o7 = ko[u0 + Math.min(7, un - 1)];
        int o8 = ko[u0 + Math.min(8, un - 1)];
        int o9 = ko[u0 + Math.min(9, un - 1)];
        int o10 = ko[u0 + Math.min(10, un - 1)];
        int o11 = ko[u0 + Math.min(11, un - 1)];
        int o12 = ko[u0 + Math.min(12, un - 1)];
        int o13 = ko[u0 + Math.min(13, un - 1)];
        int o14 = ko[u0 + Math.min(14, un - 1)];
        int o15 = ko[u0 + Math.min(15, un - 1)];
        int x0 = xo[u0];
        int x1 = xo[u0 + Math.min(1, un - 1)];
        int x2 = xo[u0 + Math.min(2, un - 1)];
        int x3 = xo[u0 + Math.min(3, un - 1)];
        int x4 = xo[u0 + Math.min(4, un - 1)];
        int x5 = xo[u0 + Math.min(5, un - 1)];
        int x6 = xo[u0 + Math.min(6, un - 1)];
        int x7 = xo[u0 + Math.min(7, un - 1)];
        int x8 = xo[u0 + Math.min(8, un - 1)];
        int x9 = xo[u0 + Math.min(9, un - 1)];
        int x10 = xo[u0 + Math.min(10, un - 1)];
        int x11 = xo[u0 + Math.min(11, un - 1)];
        int x12 = xo[u0 + Math.min(12, un - 1)];
        int x13 = xo[u0 + Math.min(13, un - 1)];
        int x14 = xo[u0 + Math.min(14, un - 1)];
        int x15 = xo[u0 + Math.min(15, un - 1)];
        int[] count = lists.count;
        int[] entries = lists.entries;
        for (int p = positions - 1; p >= 0; p--) {
            int n = count[p];
            if (n == 0) {
                continue;
            }
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            DoubleVector c4 = c0;
            DoubleVector c5 = c0;
            DoubleVector c6 = c0;
            DoubleVector c7 = c0;
            DoubleVector c8 = c0;
            DoubleVector c9 = c0;
            DoubleVector c10 = c0;
            DoubleVector c11 = c0;
            DoubleVector c12 = c0;
            DoubleVector c13 = c0;
            DoubleVector c14 = c0;
            DoubleVector c15 = c0;
            for (int t = 0; t < n; t++) {
                int f = entries[p * filters + t];
                DoubleVector q = DoubleVector.broadcast(S, d[dOff + f * positions + p]);
                int kb = f * ldk;
                c0 = DoubleVector.fromArray(S, k, kb + o0).fma(q, c0);
                c1 = DoubleVector.fromArray(S, k, kb + o1).fma(q, c1);
                c2 = DoubleVector.fromArray(S, k, kb + o2).fma(q, c2);
                c3 = DoubleVector.fromArray(S, k, kb + o3).fma(q, c3);
                c4 = DoubleVector.fromArray(S, k, kb + o4).fma(q, c4);
                c5 = DoubleVector.fromArray(S, k, kb + o5).fma(q, c5);
                c6 = DoubleVector.fromArray(S, k, kb + o6).fma(q, c6);
                c7 = DoubleVector.fromArray(S, k, kb + o7).fma(q, c7);
                c8 = DoubleVector.fromArray(S, k, kb + o8).fma(q, c8);
                c9 = DoubleVector.fromArray(S, k, kb + o9).fma(q, c9);
                c10 = DoubleVector.fromArray(S, k, kb + o10).fma(q, c10);
                c11 = DoubleVector.fromArray(S, k, kb + o11).fma(q, c11);
                c12 = DoubleVector.fromArray(S, k, kb + o12).fma(q, c12);
                c13 = DoubleVector.fromArray(S, k, kb + o13).fma(q, c13);
                c14 = DoubleVector.fromArray(S, k, kb + o14).fma(q, c14);
                c15 = DoubleVector.fromArray(S, k, kb + o15).fma(q, c15);
            }
            int base = dxOff + po[p];
            DoubleVector.fromArray(S, dx, base + x0).add(c0).intoArray(dx, base + x0);
            if (un > 1) {
                DoubleVector.fromArray(S, dx, base + x1).add(c1).intoArray(dx, base + x1);
            }
            if (un > 2) {
                DoubleVector.fromArray(S, dx, base + x2).add(c2).intoArray(dx, base + x2);
            }
            if (un > 3) {
                DoubleVector.fromArray(S, dx, base + x3).add(c3).intoArray(dx, base + x3);
            }
            if (un > 4) {
                DoubleVector.fromArray(S, dx, base + x4).add(c4).intoArray(dx, base + x4);
            }
            if (un > 5) {
                DoubleVector.fromArray(S, dx, base + x5).add(c5).intoArray(dx, base + x5);
            }
            if (un > 6) {
                DoubleVector.fromArray(S, dx, base + x6).add(c6).intoArray(dx, base + x6);
            }
            if (un > 7) {
                DoubleVector.fromArray(S, dx, base + x7).add(c7).intoArray(dx, base + x7);
            }
            if (un > 8) {
                DoubleVector.fromArray(S, dx, base + x8).add(c8).intoArray(dx, base + x8);
            }
            if (un > 9) {
                DoubleVector.fromArray(S, dx, base + x9).add(c9).intoArray(dx, base + x9);
            }
            if (un > 10) {
                DoubleVector.fromArray(S, dx, base + x10).add(c10).intoArray(dx, base + x10);
            }
            if (un > 11) {
                DoubleVector.fromArray(S, dx, base + x11).add(c11).intoArray(dx, base + x11);
            }
            if (un > 12) {
                DoubleVector.fromArray(S, dx, base + x12).add(c12).intoArray(dx, base + x12);
            }
            if (un > 13) {
                DoubleVector.fromArray(S, dx, base + x13).add(c13).intoArray(dx, base + x13);
            }
            if (un > 14) {
                DoubleVector.fromArray(S, dx, base + x14).add(c14).intoArray(dx, base + x14);
            }
            if (un > 15) {
                DoubleVector.fromArray(S, dx, base + x15).add(c15).intoArray(dx, base + x15);
            }
        }
    }

}
