package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * double-precision kernels of {@link ConvKernels}. {@code rows}: a register tile of 8 output rows ×
 * 2 vectors of positions; per tap, two loads of the shifted input, 8 broadcast weights and 16
 * fused multiply-adds. A last partial tile is computed over the final 2 vectors of the span
 * (overlapping the previous tile, identical bits per output) and only its new positions stored;
 * fewer than 8 rows repeat the last row and store the real ones. Spans shorter than 2 vectors run
 * a scalar loop with the same fma chain. {@code dots}: a tile of 8 rows × 2 taps, one vector
 * accumulator each over every sample's whole vectors of positions, then over the last, masked
 * vector (a method of its own: C2 then inlines every vector operation), lanes added in index
 * order, whole vectors' first. Samples go in blocks that fit the L1 cache, every tile's
 * accumulators kept in memory between blocks (the same chains as one pass over all samples; one
 * pass re-read a whole group of samples from L2 for every tile). No Vector API value crosses a
 * method of ours (see {@link VectorSgemm}).
 */
final class VectorShiftDouble {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final ThreadLocal<double[]> TILE = ThreadLocal.withInitial(() -> new double[32 * L]);
    private static final ThreadLocal<int[]> ROWS_AT = ThreadLocal.withInitial(() -> new int[MR]);
    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[0]);
    /** Values of d and in per block of samples in {@link #dots} (near the L1 cache). */
    private static final int BLOCK_VALUES = 4096;

    private VectorShiftDouble() {
    }

    static void rows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in, int iOff,
                     int iStride, boolean accumulate, double[] out, int oOff, int ldo, int oStride, int samples) {
        double[] tile = TILE.get();
        for (int s = 0; s < samples; s++) {
            int ib = iOff + s * iStride;
            int ob = oOff + s * oStride;
            if (span < 2 * L) {
                scalarRows(rows, span, taps, off, w, wOff, ldw, in, ib, accumulate, out, ob, ldo);
                continue;
            }
            for (int r0 = 0; r0 < rows; r0 += MR) {
                int rn = Math.min(MR, rows - r0);
                int w0 = wOff + r0;
                int w1 = w0 + Math.min(1, rn - 1);
                int w2 = w0 + Math.min(2, rn - 1);
                int w3 = w0 + Math.min(3, rn - 1);
                int w4 = w0 + Math.min(4, rn - 1);
                int w5 = w0 + Math.min(5, rn - 1);
                int w6 = w0 + Math.min(6, rn - 1);
                int w7 = w0 + Math.min(7, rn - 1);
                for (int t0 = 0; t0 < span; t0 += 2 * L) {
                    int ts = Math.min(t0, span - 2 * L);
                    DoubleVector a00 = DoubleVector.zero(S);
                    DoubleVector a01 = DoubleVector.zero(S);
                    DoubleVector a10 = DoubleVector.zero(S);
                    DoubleVector a11 = DoubleVector.zero(S);
                    DoubleVector a20 = DoubleVector.zero(S);
                    DoubleVector a21 = DoubleVector.zero(S);
                    DoubleVector a30 = DoubleVector.zero(S);
                    DoubleVector a31 = DoubleVector.zero(S);
                    DoubleVector a40 = DoubleVector.zero(S);
                    DoubleVector a41 = DoubleVector.zero(S);
                    DoubleVector a50 = DoubleVector.zero(S);
                    DoubleVector a51 = DoubleVector.zero(S);
                    DoubleVector a60 = DoubleVector.zero(S);
                    DoubleVector a61 = DoubleVector.zero(S);
                    DoubleVector a70 = DoubleVector.zero(S);
                    DoubleVector a71 = DoubleVector.zero(S);
                    for (int b = 0; b < taps; b++) {
                        int xi = ib + off[b] + ts;
                        DoubleVector x0 = DoubleVector.fromArray(S, in, xi);
                        DoubleVector x1 = DoubleVector.fromArray(S, in, xi + L);
                        int wb = b * ldw;
                        DoubleVector c;
                        c = DoubleVector.broadcast(S, w[w0 + wb]);
                        a00 = x0.fma(c, a00);
                        a01 = x1.fma(c, a01);
                        c = DoubleVector.broadcast(S, w[w1 + wb]);
                        a10 = x0.fma(c, a10);
                        a11 = x1.fma(c, a11);
                        c = DoubleVector.broadcast(S, w[w2 + wb]);
                        a20 = x0.fma(c, a20);
                        a21 = x1.fma(c, a21);
                        c = DoubleVector.broadcast(S, w[w3 + wb]);
                        a30 = x0.fma(c, a30);
                        a31 = x1.fma(c, a31);
                        c = DoubleVector.broadcast(S, w[w4 + wb]);
                        a40 = x0.fma(c, a40);
                        a41 = x1.fma(c, a41);
                        c = DoubleVector.broadcast(S, w[w5 + wb]);
                        a50 = x0.fma(c, a50);
                        a51 = x1.fma(c, a51);
                        c = DoubleVector.broadcast(S, w[w6 + wb]);
                        a60 = x0.fma(c, a60);
                        a61 = x1.fma(c, a61);
                        c = DoubleVector.broadcast(S, w[w7 + wb]);
                        a70 = x0.fma(c, a70);
                        a71 = x1.fma(c, a71);
                    }
                    int o = ob + r0 * ldo + ts;
                    if (ts == t0 && rn == MR) {
                        if (accumulate) {
                            DoubleVector.fromArray(S, out, o + 0 * ldo).add(a00).intoArray(out, o + 0 * ldo);
                            DoubleVector.fromArray(S, out, o + 0 * ldo + L).add(a01).intoArray(out, o + 0 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 1 * ldo).add(a10).intoArray(out, o + 1 * ldo);
                            DoubleVector.fromArray(S, out, o + 1 * ldo + L).add(a11).intoArray(out, o + 1 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 2 * ldo).add(a20).intoArray(out, o + 2 * ldo);
                            DoubleVector.fromArray(S, out, o + 2 * ldo + L).add(a21).intoArray(out, o + 2 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 3 * ldo).add(a30).intoArray(out, o + 3 * ldo);
                            DoubleVector.fromArray(S, out, o + 3 * ldo + L).add(a31).intoArray(out, o + 3 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 4 * ldo).add(a40).intoArray(out, o + 4 * ldo);
                            DoubleVector.fromArray(S, out, o + 4 * ldo + L).add(a41).intoArray(out, o + 4 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 5 * ldo).add(a50).intoArray(out, o + 5 * ldo);
                            DoubleVector.fromArray(S, out, o + 5 * ldo + L).add(a51).intoArray(out, o + 5 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 6 * ldo).add(a60).intoArray(out, o + 6 * ldo);
                            DoubleVector.fromArray(S, out, o + 6 * ldo + L).add(a61).intoArray(out, o + 6 * ldo + L);
                            DoubleVector.fromArray(S, out, o + 7 * ldo).add(a70).intoArray(out, o + 7 * ldo);
                            DoubleVector.fromArray(S, out, o + 7 * ldo + L).add(a71).intoArray(out, o + 7 * ldo + L);
                        } else {
                            a00.intoArray(out, o + 0 * ldo);
                            a01.intoArray(out, o + 0 * ldo + L);
                            a10.intoArray(out, o + 1 * ldo);
                            a11.intoArray(out, o + 1 * ldo + L);
                            a20.intoArray(out, o + 2 * ldo);
                            a21.intoArray(out, o + 2 * ldo + L);
                            a30.intoArray(out, o + 3 * ldo);
                            a31.intoArray(out, o + 3 * ldo + L);
                            a40.intoArray(out, o + 4 * ldo);
                            a41.intoArray(out, o + 4 * ldo + L);
                            a50.intoArray(out, o + 5 * ldo);
                            a51.intoArray(out, o + 5 * ldo + L);
                            a60.intoArray(out, o + 6 * ldo);
                            a61.intoArray(out, o + 6 * ldo + L);
                            a70.intoArray(out, o + 7 * ldo);
                            a71.intoArray(out, o + 7 * ldo + L);
                        }
                    } else {
                            a00.intoArray(tile, 0 * L);
                            a01.intoArray(tile, 1 * L);
                            a10.intoArray(tile, 2 * L);
                            a11.intoArray(tile, 3 * L);
                            a20.intoArray(tile, 4 * L);
                            a21.intoArray(tile, 5 * L);
                            a30.intoArray(tile, 6 * L);
                            a31.intoArray(tile, 7 * L);
                            a40.intoArray(tile, 8 * L);
                            a41.intoArray(tile, 9 * L);
                            a50.intoArray(tile, 10 * L);
                            a51.intoArray(tile, 11 * L);
                            a60.intoArray(tile, 12 * L);
                            a61.intoArray(tile, 13 * L);
                            a70.intoArray(tile, 14 * L);
                            a71.intoArray(tile, 15 * L);
                        storeTile(tile, rn, t0 - ts, accumulate, out, o, ldo);
                    }
                }
            }
        }
    }

    /** Rows [0, rn) of the tile's positions [skip, 2L) into out (added when accumulating). */
    private static void storeTile(double[] tile, int rn, int skip, boolean accumulate, double[] out, int o, int ldo) {
        for (int r = 0; r < rn; r++) {
            for (int j = skip; j < 2 * L; j++) {
                int k = o + r * ldo + j;
                double v = tile[r * 2 * L + j];
                out[k] = accumulate ? out[k] + v : v;
            }
        }
    }

    /** The same fma chains one output at a time (spans shorter than a tile). */
    private static void scalarRows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in,
                                   int ib, boolean accumulate, double[] out, int ob, int ldo) {
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < span; t++) {
                double sum = 0;
                for (int b = 0; b < taps; b++) {
                    sum = Math.fma(in[ib + off[b] + t], w[wOff + b * ldw + r], sum);
                }
                int k = ob + r * ldo + t;
                out[k] = accumulate ? out[k] + sum : sum;
            }
        }
    }

    static void dots(int rows, int span, int taps, int[] off, double[] d, int dOff, int ldd, int dStride, double[] in,
                     int iOff, int iStride, int samples, boolean accumulate, double[] g, int gOff, int ldg) {
        int[] at = ROWS_AT.get();
        int spanV = span - span % L;
        int pairs = (taps + 1) / 2;
        int per = (spanV < span ? 32 : 16) * L;
        double[] lanes = lanes((rows + MR - 1) / MR * pairs * per);
        int block = Math.max(1, BLOCK_VALUES / Math.max(1, dStride + iStride));
        for (int s0 = 0; s0 < samples; s0 += block) {
            int sn = Math.min(block, samples - s0);
            for (int r0 = 0; r0 < rows; r0 += MR) {
                int rn = Math.min(MR, rows - r0);
                for (int r = 0; r < MR; r++) {
                    at[r] = dOff + s0 * dStride + (r0 + Math.min(r, rn - 1)) * ldd;
                }
                for (int b0 = 0; b0 < taps; b0 += 2) {
                    int bn = Math.min(2, taps - b0);
                    int o0 = iOff + s0 * iStride + off[b0];
                    int o1 = iOff + s0 * iStride + off[b0 + bn - 1];
                    int base = (r0 / MR * pairs + b0 / 2) * per;
                    tile(at, o0, o1, 0, spanV, d, dStride, in, iStride, sn, s0 > 0, lanes, base);
                    if (spanV < span) {
                        tail(at, o0, o1, spanV, span, d, dStride, in, iStride, sn, s0 > 0, lanes, base + 16 * L);
                    }
                }
            }
        }
        for (int r0 = 0; r0 < rows; r0 += MR) {
            int rn = Math.min(MR, rows - r0);
            for (int b0 = 0; b0 < taps; b0 += 2) {
                int bn = Math.min(2, taps - b0);
                int tb = (r0 / MR * pairs + b0 / 2) * per;
                for (int r = 0; r < rn; r++) {
                    for (int q = 0; q < bn; q++) {
                        double sum = 0;
                        int base = tb + (2 * r + q) * L;
                        for (int j = 0; j < L; j++) {
                            sum += lanes[base + j];
                        }
                        for (int j = 0; spanV < span && j < L; j++) {
                            sum += lanes[16 * L + base + j];
                        }
                        int k = gOff + (r0 + r) * ldg + b0 + q;
                        g[k] = accumulate ? g[k] + sum : sum;
                    }
                }
            }
        }
    }

    /** The per-thread accumulators of {@link #dots}: 16 (32 with a partial vector) vectors per tile. */
    private static double[] lanes(int n) {
        double[] a = LANES.get();
        if (a.length < n) {
            a = new double[n];
            LANES.set(a);
        }
        return a;
    }

    /** Lane sums of the 8 × 2 tile over positions [t0, t1) (whole vectors) of every sample, into lanes from base. */
    private static void tile(int[] at, int o0, int o1, int t0, int t1, double[] d, int dStride, double[] in, int iStride,
                             int samples, boolean resume, double[] lanes, int base) {
        int d0 = at[0];
        int d1 = at[1];
        int d2 = at[2];
        int d3 = at[3];
        int d4 = at[4];
        int d5 = at[5];
        int d6 = at[6];
        int d7 = at[7];
        DoubleVector a00 = resume ? DoubleVector.fromArray(S, lanes, base + 0 * L) : DoubleVector.zero(S);
        DoubleVector a01 = resume ? DoubleVector.fromArray(S, lanes, base + 1 * L) : DoubleVector.zero(S);
        DoubleVector a10 = resume ? DoubleVector.fromArray(S, lanes, base + 2 * L) : DoubleVector.zero(S);
        DoubleVector a11 = resume ? DoubleVector.fromArray(S, lanes, base + 3 * L) : DoubleVector.zero(S);
        DoubleVector a20 = resume ? DoubleVector.fromArray(S, lanes, base + 4 * L) : DoubleVector.zero(S);
        DoubleVector a21 = resume ? DoubleVector.fromArray(S, lanes, base + 5 * L) : DoubleVector.zero(S);
        DoubleVector a30 = resume ? DoubleVector.fromArray(S, lanes, base + 6 * L) : DoubleVector.zero(S);
        DoubleVector a31 = resume ? DoubleVector.fromArray(S, lanes, base + 7 * L) : DoubleVector.zero(S);
        DoubleVector a40 = resume ? DoubleVector.fromArray(S, lanes, base + 8 * L) : DoubleVector.zero(S);
        DoubleVector a41 = resume ? DoubleVector.fromArray(S, lanes, base + 9 * L) : DoubleVector.zero(S);
        DoubleVector a50 = resume ? DoubleVector.fromArray(S, lanes, base + 10 * L) : DoubleVector.zero(S);
        DoubleVector a51 = resume ? DoubleVector.fromArray(S, lanes, base + 11 * L) : DoubleVector.zero(S);
        DoubleVector a60 = resume ? DoubleVector.fromArray(S, lanes, base + 12 * L) : DoubleVector.zero(S);
        DoubleVector a61 = resume ? DoubleVector.fromArray(S, lanes, base + 13 * L) : DoubleVector.zero(S);
        DoubleVector a70 = resume ? DoubleVector.fromArray(S, lanes, base + 14 * L) : DoubleVector.zero(S);
        DoubleVector a71 = resume ? DoubleVector.fromArray(S, lanes, base + 15 * L) : DoubleVector.zero(S);
        for (int s = 0; s < samples; s++) {
            int ds = s * dStride;
            int x0b = o0 + s * iStride;
            int x1b = o1 + s * iStride;
            for (int t = t0; t < t1; t += L) {
                DoubleVector x0 = DoubleVector.fromArray(S, in, x0b + t);
                DoubleVector x1 = DoubleVector.fromArray(S, in, x1b + t);
                DoubleVector e;
                e = DoubleVector.fromArray(S, d, d0 + ds + t);
                a00 = e.fma(x0, a00);
                a01 = e.fma(x1, a01);
                e = DoubleVector.fromArray(S, d, d1 + ds + t);
                a10 = e.fma(x0, a10);
                a11 = e.fma(x1, a11);
                e = DoubleVector.fromArray(S, d, d2 + ds + t);
                a20 = e.fma(x0, a20);
                a21 = e.fma(x1, a21);
                e = DoubleVector.fromArray(S, d, d3 + ds + t);
                a30 = e.fma(x0, a30);
                a31 = e.fma(x1, a31);
                e = DoubleVector.fromArray(S, d, d4 + ds + t);
                a40 = e.fma(x0, a40);
                a41 = e.fma(x1, a41);
                e = DoubleVector.fromArray(S, d, d5 + ds + t);
                a50 = e.fma(x0, a50);
                a51 = e.fma(x1, a51);
                e = DoubleVector.fromArray(S, d, d6 + ds + t);
                a60 = e.fma(x0, a60);
                a61 = e.fma(x1, a61);
                e = DoubleVector.fromArray(S, d, d7 + ds + t);
                a70 = e.fma(x0, a70);
                a71 = e.fma(x1, a71);
            }
        }
        a00.intoArray(lanes, base + 0 * L);
        a01.intoArray(lanes, base + 1 * L);
        a10.intoArray(lanes, base + 2 * L);
        a11.intoArray(lanes, base + 3 * L);
        a20.intoArray(lanes, base + 4 * L);
        a21.intoArray(lanes, base + 5 * L);
        a30.intoArray(lanes, base + 6 * L);
        a31.intoArray(lanes, base + 7 * L);
        a40.intoArray(lanes, base + 8 * L);
        a41.intoArray(lanes, base + 9 * L);
        a50.intoArray(lanes, base + 10 * L);
        a51.intoArray(lanes, base + 11 * L);
        a60.intoArray(lanes, base + 12 * L);
        a61.intoArray(lanes, base + 13 * L);
        a70.intoArray(lanes, base + 14 * L);
        a71.intoArray(lanes, base + 15 * L);
    }

    /** {@link #tile} over the last, partial vector [t0, t1) of each sample, masked. */
    private static void tail(int[] at, int o0, int o1, int t0, int t1, double[] d, int dStride, double[] in, int iStride,
                             int samples, boolean resume, double[] lanes, int base) {
        VectorMask<Double> tail = S.indexInRange(0, t1 - t0);
        int d0 = at[0];
        int d1 = at[1];
        int d2 = at[2];
        int d3 = at[3];
        int d4 = at[4];
        int d5 = at[5];
        int d6 = at[6];
        int d7 = at[7];
        DoubleVector a00 = resume ? DoubleVector.fromArray(S, lanes, base + 0 * L) : DoubleVector.zero(S);
        DoubleVector a01 = resume ? DoubleVector.fromArray(S, lanes, base + 1 * L) : DoubleVector.zero(S);
        DoubleVector a10 = resume ? DoubleVector.fromArray(S, lanes, base + 2 * L) : DoubleVector.zero(S);
        DoubleVector a11 = resume ? DoubleVector.fromArray(S, lanes, base + 3 * L) : DoubleVector.zero(S);
        DoubleVector a20 = resume ? DoubleVector.fromArray(S, lanes, base + 4 * L) : DoubleVector.zero(S);
        DoubleVector a21 = resume ? DoubleVector.fromArray(S, lanes, base + 5 * L) : DoubleVector.zero(S);
        DoubleVector a30 = resume ? DoubleVector.fromArray(S, lanes, base + 6 * L) : DoubleVector.zero(S);
        DoubleVector a31 = resume ? DoubleVector.fromArray(S, lanes, base + 7 * L) : DoubleVector.zero(S);
        DoubleVector a40 = resume ? DoubleVector.fromArray(S, lanes, base + 8 * L) : DoubleVector.zero(S);
        DoubleVector a41 = resume ? DoubleVector.fromArray(S, lanes, base + 9 * L) : DoubleVector.zero(S);
        DoubleVector a50 = resume ? DoubleVector.fromArray(S, lanes, base + 10 * L) : DoubleVector.zero(S);
        DoubleVector a51 = resume ? DoubleVector.fromArray(S, lanes, base + 11 * L) : DoubleVector.zero(S);
        DoubleVector a60 = resume ? DoubleVector.fromArray(S, lanes, base + 12 * L) : DoubleVector.zero(S);
        DoubleVector a61 = resume ? DoubleVector.fromArray(S, lanes, base + 13 * L) : DoubleVector.zero(S);
        DoubleVector a70 = resume ? DoubleVector.fromArray(S, lanes, base + 14 * L) : DoubleVector.zero(S);
        DoubleVector a71 = resume ? DoubleVector.fromArray(S, lanes, base + 15 * L) : DoubleVector.zero(S);
        for (int s = 0; s < samples; s++) {
            int ds = s * dStride + t0;
            int x0b = o0 + s * iStride + t0;
            int x1b = o1 + s * iStride + t0;
            DoubleVector x0 = DoubleVector.fromArray(S, in, x0b, tail);
            DoubleVector x1 = DoubleVector.fromArray(S, in, x1b, tail);
            DoubleVector e;
            e = DoubleVector.fromArray(S, d, d0 + ds, tail);
            a00 = e.fma(x0, a00);
            a01 = e.fma(x1, a01);
            e = DoubleVector.fromArray(S, d, d1 + ds, tail);
            a10 = e.fma(x0, a10);
            a11 = e.fma(x1, a11);
            e = DoubleVector.fromArray(S, d, d2 + ds, tail);
            a20 = e.fma(x0, a20);
            a21 = e.fma(x1, a21);
            e = DoubleVector.fromArray(S, d, d3 + ds, tail);
            a30 = e.fma(x0, a30);
            a31 = e.fma(x1, a31);
            e = DoubleVector.fromArray(S, d, d4 + ds, tail);
            a40 = e.fma(x0, a40);
            a41 = e.fma(x1, a41);
            e = DoubleVector.fromArray(S, d, d5 + ds, tail);
            a50 = e.fma(x0, a50);
            a51 = e.fma(x1, a51);
            e = DoubleVector.fromArray(S, d, d6 + ds, tail);
            a60 = e.fma(x0, a60);
            a61 = e.fma(x1, a61);
            e = DoubleVector.fromArray(S, d, d7 + ds, tail);
            a70 = e.fma(x0, a70);
            a71 = e.fma(x1, a71);
        }
        a00.intoArray(lanes, base + 0 * L);
        a01.intoArray(lanes, base + 1 * L);
        a10.intoArray(lanes, base + 2 * L);
        a11.intoArray(lanes, base + 3 * L);
        a20.intoArray(lanes, base + 4 * L);
        a21.intoArray(lanes, base + 5 * L);
        a30.intoArray(lanes, base + 6 * L);
        a31.intoArray(lanes, base + 7 * L);
        a40.intoArray(lanes, base + 8 * L);
        a41.intoArray(lanes, base + 9 * L);
        a50.intoArray(lanes, base + 10 * L);
        a51.intoArray(lanes, base + 11 * L);
        a60.intoArray(lanes, base + 12 * L);
        a61.intoArray(lanes, base + 13 * L);
        a70.intoArray(lanes, base + 14 * L);
        a71.intoArray(lanes, base + 15 * L);
    }
}
