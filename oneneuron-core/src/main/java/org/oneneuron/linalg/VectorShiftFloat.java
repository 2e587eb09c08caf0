package org.oneneuron.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * float-precision kernels of {@link ConvKernels}. {@code rows}: a register tile of 8 output rows ×
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
final class VectorShiftFloat {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 8;
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[32 * L]);
    private static final ThreadLocal<int[]> ROWS_AT = ThreadLocal.withInitial(() -> new int[MR]);
    private static final ThreadLocal<float[]> LANES = ThreadLocal.withInitial(() -> new float[0]);
    /** Values of d and in per block of samples in {@link #dots} (near the L1 cache). */
    private static final int BLOCK_VALUES = 8192;

    private VectorShiftFloat() {
    }

    static void rows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in, int iOff,
                     int iStride, boolean accumulate, float[] out, int oOff, int ldo, int oStride, int samples) {
        float[] tile = TILE.get();
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
                    FloatVector a00 = FloatVector.zero(S);
                    FloatVector a01 = FloatVector.zero(S);
                    FloatVector a10 = FloatVector.zero(S);
                    FloatVector a11 = FloatVector.zero(S);
                    FloatVector a20 = FloatVector.zero(S);
                    FloatVector a21 = FloatVector.zero(S);
                    FloatVector a30 = FloatVector.zero(S);
                    FloatVector a31 = FloatVector.zero(S);
                    FloatVector a40 = FloatVector.zero(S);
                    FloatVector a41 = FloatVector.zero(S);
                    FloatVector a50 = FloatVector.zero(S);
                    FloatVector a51 = FloatVector.zero(S);
                    FloatVector a60 = FloatVector.zero(S);
                    FloatVector a61 = FloatVector.zero(S);
                    FloatVector a70 = FloatVector.zero(S);
                    FloatVector a71 = FloatVector.zero(S);
                    for (int b = 0; b < taps; b++) {
                        int xi = ib + off[b] + ts;
                        FloatVector x0 = FloatVector.fromArray(S, in, xi);
                        FloatVector x1 = FloatVector.fromArray(S, in, xi + L);
                        int wb = b * ldw;
                        FloatVector c;
                        c = FloatVector.broadcast(S, w[w0 + wb]);
                        a00 = x0.fma(c, a00);
                        a01 = x1.fma(c, a01);
                        c = FloatVector.broadcast(S, w[w1 + wb]);
                        a10 = x0.fma(c, a10);
                        a11 = x1.fma(c, a11);
                        c = FloatVector.broadcast(S, w[w2 + wb]);
                        a20 = x0.fma(c, a20);
                        a21 = x1.fma(c, a21);
                        c = FloatVector.broadcast(S, w[w3 + wb]);
                        a30 = x0.fma(c, a30);
                        a31 = x1.fma(c, a31);
                        c = FloatVector.broadcast(S, w[w4 + wb]);
                        a40 = x0.fma(c, a40);
                        a41 = x1.fma(c, a41);
                        c = FloatVector.broadcast(S, w[w5 + wb]);
                        a50 = x0.fma(c, a50);
                        a51 = x1.fma(c, a51);
                        c = FloatVector.broadcast(S, w[w6 + wb]);
                        a60 = x0.fma(c, a60);
                        a61 = x1.fma(c, a61);
                        c = FloatVector.broadcast(S, w[w7 + wb]);
                        a70 = x0.fma(c, a70);
                        a71 = x1.fma(c, a71);
                    }
                    int o = ob + r0 * ldo + ts;
                    if (ts == t0 && rn == MR) {
                        if (accumulate) {
                            FloatVector.fromArray(S, out, o + 0 * ldo).add(a00).intoArray(out, o + 0 * ldo);
                            FloatVector.fromArray(S, out, o + 0 * ldo + L).add(a01).intoArray(out, o + 0 * ldo + L);
                            FloatVector.fromArray(S, out, o + 1 * ldo).add(a10).intoArray(out, o + 1 * ldo);
                            FloatVector.fromArray(S, out, o + 1 * ldo + L).add(a11).intoArray(out, o + 1 * ldo + L);
                            FloatVector.fromArray(S, out, o + 2 * ldo).add(a20).intoArray(out, o + 2 * ldo);
                            FloatVector.fromArray(S, out, o + 2 * ldo + L).add(a21).intoArray(out, o + 2 * ldo + L);
                            FloatVector.fromArray(S, out, o + 3 * ldo).add(a30).intoArray(out, o + 3 * ldo);
                            FloatVector.fromArray(S, out, o + 3 * ldo + L).add(a31).intoArray(out, o + 3 * ldo + L);
                            FloatVector.fromArray(S, out, o + 4 * ldo).add(a40).intoArray(out, o + 4 * ldo);
                            FloatVector.fromArray(S, out, o + 4 * ldo + L).add(a41).intoArray(out, o + 4 * ldo + L);
                            FloatVector.fromArray(S, out, o + 5 * ldo).add(a50).intoArray(out, o + 5 * ldo);
                            FloatVector.fromArray(S, out, o + 5 * ldo + L).add(a51).intoArray(out, o + 5 * ldo + L);
                            FloatVector.fromArray(S, out, o + 6 * ldo).add(a60).intoArray(out, o + 6 * ldo);
                            FloatVector.fromArray(S, out, o + 6 * ldo + L).add(a61).intoArray(out, o + 6 * ldo + L);
                            FloatVector.fromArray(S, out, o + 7 * ldo).add(a70).intoArray(out, o + 7 * ldo);
                            FloatVector.fromArray(S, out, o + 7 * ldo + L).add(a71).intoArray(out, o + 7 * ldo + L);
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
    private static void storeTile(float[] tile, int rn, int skip, boolean accumulate, float[] out, int o, int ldo) {
        for (int r = 0; r < rn; r++) {
            for (int j = skip; j < 2 * L; j++) {
                int k = o + r * ldo + j;
                float v = tile[r * 2 * L + j];
                out[k] = accumulate ? out[k] + v : v;
            }
        }
    }

    /** The same fma chains one output at a time (spans shorter than a tile). */
    private static void scalarRows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in,
                                   int ib, boolean accumulate, float[] out, int ob, int ldo) {
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < span; t++) {
                float sum = 0;
                for (int b = 0; b < taps; b++) {
                    sum = Math.fma(in[ib + off[b] + t], w[wOff + b * ldw + r], sum);
                }
                int k = ob + r * ldo + t;
                out[k] = accumulate ? out[k] + sum : sum;
            }
        }
    }

    static void dots(int rows, int span, int taps, int[] off, float[] d, int dOff, int ldd, int dStride, float[] in,
                     int iOff, int iStride, int samples, boolean accumulate, float[] g, int gOff, int ldg) {
        int[] at = ROWS_AT.get();
        int spanV = span - span % L;
        int pairs = (taps + 1) / 2;
        int per = (spanV < span ? 32 : 16) * L;
        float[] lanes = lanes((rows + MR - 1) / MR * pairs * per);
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
                        float sum = 0;
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
    private static float[] lanes(int n) {
        float[] a = LANES.get();
        if (a.length < n) {
            a = new float[n];
            LANES.set(a);
        }
        return a;
    }

    /** Lane sums of the 8 × 2 tile over positions [t0, t1) (whole vectors) of every sample, into lanes from base. */
    private static void tile(int[] at, int o0, int o1, int t0, int t1, float[] d, int dStride, float[] in, int iStride,
                             int samples, boolean resume, float[] lanes, int base) {
        int d0 = at[0];
        int d1 = at[1];
        int d2 = at[2];
        int d3 = at[3];
        int d4 = at[4];
        int d5 = at[5];
        int d6 = at[6];
        int d7 = at[7];
        FloatVector a00 = resume ? FloatVector.fromArray(S, lanes, base + 0 * L) : FloatVector.zero(S);
        FloatVector a01 = resume ? FloatVector.fromArray(S, lanes, base + 1 * L) : FloatVector.zero(S);
        FloatVector a10 = resume ? FloatVector.fromArray(S, lanes, base + 2 * L) : FloatVector.zero(S);
        FloatVector a11 = resume ? FloatVector.fromArray(S, lanes, base + 3 * L) : FloatVector.zero(S);
        FloatVector a20 = resume ? FloatVector.fromArray(S, lanes, base + 4 * L) : FloatVector.zero(S);
        FloatVector a21 = resume ? FloatVector.fromArray(S, lanes, base + 5 * L) : FloatVector.zero(S);
        FloatVector a30 = resume ? FloatVector.fromArray(S, lanes, base + 6 * L) : FloatVector.zero(S);
        FloatVector a31 = resume ? FloatVector.fromArray(S, lanes, base + 7 * L) : FloatVector.zero(S);
        FloatVector a40 = resume ? FloatVector.fromArray(S, lanes, base + 8 * L) : FloatVector.zero(S);
        FloatVector a41 = resume ? FloatVector.fromArray(S, lanes, base + 9 * L) : FloatVector.zero(S);
        FloatVector a50 = resume ? FloatVector.fromArray(S, lanes, base + 10 * L) : FloatVector.zero(S);
        FloatVector a51 = resume ? FloatVector.fromArray(S, lanes, base + 11 * L) : FloatVector.zero(S);
        FloatVector a60 = resume ? FloatVector.fromArray(S, lanes, base + 12 * L) : FloatVector.zero(S);
        FloatVector a61 = resume ? FloatVector.fromArray(S, lanes, base + 13 * L) : FloatVector.zero(S);
        FloatVector a70 = resume ? FloatVector.fromArray(S, lanes, base + 14 * L) : FloatVector.zero(S);
        FloatVector a71 = resume ? FloatVector.fromArray(S, lanes, base + 15 * L) : FloatVector.zero(S);
        for (int s = 0; s < samples; s++) {
            int ds = s * dStride;
            int x0b = o0 + s * iStride;
            int x1b = o1 + s * iStride;
            for (int t = t0; t < t1; t += L) {
                FloatVector x0 = FloatVector.fromArray(S, in, x0b + t);
                FloatVector x1 = FloatVector.fromArray(S, in, x1b + t);
                FloatVector e;
                e = FloatVector.fromArray(S, d, d0 + ds + t);
                a00 = e.fma(x0, a00);
                a01 = e.fma(x1, a01);
                e = FloatVector.fromArray(S, d, d1 + ds + t);
                a10 = e.fma(x0, a10);
                a11 = e.fma(x1, a11);
                e = FloatVector.fromArray(S, d, d2 + ds + t);
                a20 = e.fma(x0, a20);
                a21 = e.fma(x1, a21);
                e = FloatVector.fromArray(S, d, d3 + ds + t);
                a30 = e.fma(x0, a30);
                a31 = e.fma(x1, a31);
                e = FloatVector.fromArray(S, d, d4 + ds + t);
                a40 = e.fma(x0, a40);
                a41 = e.fma(x1, a41);
                e = FloatVector.fromArray(S, d, d5 + ds + t);
                a50 = e.fma(x0, a50);
                a51 = e.fma(x1, a51);
                e = FloatVector.fromArray(S, d, d6 + ds + t);
                a60 = e.fma(x0, a60);
                a61 = e.fma(x1, a61);
                e = FloatVector.fromArray(S, d, d7 + ds + t);
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
    private static void tail(int[] at, int o0, int o1, int t0, int t1, float[] d, int dStride, float[] in, int iStride,
                             int samples, boolean resume, float[] lanes, int base) {
        VectorMask<Float> tail = S.indexInRange(0, t1 - t0);
        int d0 = at[0];
        int d1 = at[1];
        int d2 = at[2];
        int d3 = at[3];
        int d4 = at[4];
        int d5 = at[5];
        int d6 = at[6];
        int d7 = at[7];
        FloatVector a00 = resume ? FloatVector.fromArray(S, lanes, base + 0 * L) : FloatVector.zero(S);
        FloatVector a01 = resume ? FloatVector.fromArray(S, lanes, base + 1 * L) : FloatVector.zero(S);
        FloatVector a10 = resume ? FloatVector.fromArray(S, lanes, base + 2 * L) : FloatVector.zero(S);
        FloatVector a11 = resume ? FloatVector.fromArray(S, lanes, base + 3 * L) : FloatVector.zero(S);
        FloatVector a20 = resume ? FloatVector.fromArray(S, lanes, base + 4 * L) : FloatVector.zero(S);
        FloatVector a21 = resume ? FloatVector.fromArray(S, lanes, base + 5 * L) : FloatVector.zero(S);
        FloatVector a30 = resume ? FloatVector.fromArray(S, lanes, base + 6 * L) : FloatVector.zero(S);
        FloatVector a31 = resume ? FloatVector.fromArray(S, lanes, base + 7 * L) : FloatVector.zero(S);
        FloatVector a40 = resume ? FloatVector.fromArray(S, lanes, base + 8 * L) : FloatVector.zero(S);
        FloatVector a41 = resume ? FloatVector.fromArray(S, lanes, base + 9 * L) : FloatVector.zero(S);
        FloatVector a50 = resume ? FloatVector.fromArray(S, lanes, base + 10 * L) : FloatVector.zero(S);
        FloatVector a51 = resume ? FloatVector.fromArray(S, lanes, base + 11 * L) : FloatVector.zero(S);
        FloatVector a60 = resume ? FloatVector.fromArray(S, lanes, base + 12 * L) : FloatVector.zero(S);
        FloatVector a61 = resume ? FloatVector.fromArray(S, lanes, base + 13 * L) : FloatVector.zero(S);
        FloatVector a70 = resume ? FloatVector.fromArray(S, lanes, base + 14 * L) : FloatVector.zero(S);
        FloatVector a71 = resume ? FloatVector.fromArray(S, lanes, base + 15 * L) : FloatVector.zero(S);
        for (int s = 0; s < samples; s++) {
            int ds = s * dStride + t0;
            int x0b = o0 + s * iStride + t0;
            int x1b = o1 + s * iStride + t0;
            FloatVector x0 = FloatVector.fromArray(S, in, x0b, tail);
            FloatVector x1 = FloatVector.fromArray(S, in, x1b, tail);
            FloatVector e;
            e = FloatVector.fromArray(S, d, d0 + ds, tail);
            a00 = e.fma(x0, a00);
            a01 = e.fma(x1, a01);
            e = FloatVector.fromArray(S, d, d1 + ds, tail);
            a10 = e.fma(x0, a10);
            a11 = e.fma(x1, a11);
            e = FloatVector.fromArray(S, d, d2 + ds, tail);
            a20 = e.fma(x0, a20);
            a21 = e.fma(x1, a21);
            e = FloatVector.fromArray(S, d, d3 + ds, tail);
            a30 = e.fma(x0, a30);
            a31 = e.fma(x1, a31);
            e = FloatVector.fromArray(S, d, d4 + ds, tail);
            a40 = e.fma(x0, a40);
            a41 = e.fma(x1, a41);
            e = FloatVector.fromArray(S, d, d5 + ds, tail);
            a50 = e.fma(x0, a50);
            a51 = e.fma(x1, a51);
            e = FloatVector.fromArray(S, d, d6 + ds, tail);
            a60 = e.fma(x0, a60);
            a61 = e.fma(x1, a61);
            e = FloatVector.fromArray(S, d, d7 + ds, tail);
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
