package org.oneneuron.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float-precision {@code runs} of {@link ConvKernels}: a tile of 8 outputs a × 3 vectors of lanes l in
 * registers; per step b, three vector loads of v's run at iv[b] and 8 broadcast inputs, 24 fused
 * multiply-adds (11 loads per 24 fmas, where the one-vector {@code bcast} tile needs 17 per 16).
 * A chunk of fewer than 3 vectors of lanes still loads whole vectors (the extra lanes are computed
 * and dropped); the last samples, whose reads would pass v's end, continue the same chains over a
 * copy of their part of v padded with zeros, in a second call of the tile (a second loop in the same
 * method made C2 spill the 24 accumulators in both: 2.7× the time; masked loads there ran a boxed
 * slow path). No Vector API value crosses a method of ours (see {@link VectorSgemm}).
 */
final class VectorRunFloat {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[24 * L]);
    private static final ThreadLocal<float[]> STAGE = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<int[]> ROWS_AT = ThreadLocal.withInitial(() -> new int[8]);

    private VectorRunFloat() {
    }

    static void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, float[] v, int vOff, int vStride,
                     float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff,
                     int[] oa, int[] ol) {
        float[] tile = TILE.get();
        int[] at = ROWS_AT.get();
        int lastRun = 0;
        for (int b = 0; b < nb; b++) {
            lastRun = Math.max(lastRun, iv[b]);
        }
        for (int l0 = 0; l0 < lanes; l0 += 3 * L) {
            int ln = Math.min(3 * L, lanes - l0);
            int whole = wholeSamples(v.length - (3 * L + l0 + lastRun + vOff), vStride, samples);
            for (int a0 = 0; a0 < na; a0 += 8) {
                int an = Math.min(8, na - a0);
                for (int r = 0; r < 8; r++) {
                    at[r] = ia[a0 + Math.min(r, an - 1)];
                }
                java.util.Arrays.fill(tile, 0);
                tile(at, nb, ib, iv, v, vOff + l0, vStride, x, xOff, xStride, whole, tile);
                for (int s = whole; s < samples; s++) {
                    float[] run = stage(v, vOff + s * vStride + l0, lastRun + 3 * L);
                    tile(at, nb, ib, iv, run, 0, 0, x, xOff + s * xStride, 0, 1, tile);
                }
                for (int k = 0; k < an; k++) {
                    int ok = oOff + oa[a0 + k];
                    for (int l = 0; l < ln; l++) {
                        int o = ok + ol[l0 + l];
                        float c = tile[k * 3 * L + l];
                        out[o] = accumulate ? out[o] + c : c;
                    }
                }
            }
        }
    }

    /**
     * The 8 × 3 tile's chains over samples [0, samples) of v (runs from vOff + s·vStride + iv[b]) and x
     * (inputs at xOff + s·xStride + at[r] + ib[b]), continued from the tile's stored values.
     */
    private static void tile(int[] at, int nb, int[] ib, int[] iv, float[] v, int vOff, int vStride, float[] x,
                             int xOff, int xStride, int samples, float[] tile) {
        int i0 = at[0];
        int i1 = at[1];
        int i2 = at[2];
        int i3 = at[3];
        int i4 = at[4];
        int i5 = at[5];
        int i6 = at[6];
        int i7 = at[7];
        FloatVector c00 = FloatVector.fromArray(S, tile, 0 * L);
        FloatVector c01 = FloatVector.fromArray(S, tile, 1 * L);
        FloatVector c02 = FloatVector.fromArray(S, tile, 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, tile, 3 * L);
        FloatVector c11 = FloatVector.fromArray(S, tile, 4 * L);
        FloatVector c12 = FloatVector.fromArray(S, tile, 5 * L);
        FloatVector c20 = FloatVector.fromArray(S, tile, 6 * L);
        FloatVector c21 = FloatVector.fromArray(S, tile, 7 * L);
        FloatVector c22 = FloatVector.fromArray(S, tile, 8 * L);
        FloatVector c30 = FloatVector.fromArray(S, tile, 9 * L);
        FloatVector c31 = FloatVector.fromArray(S, tile, 10 * L);
        FloatVector c32 = FloatVector.fromArray(S, tile, 11 * L);
        FloatVector c40 = FloatVector.fromArray(S, tile, 12 * L);
        FloatVector c41 = FloatVector.fromArray(S, tile, 13 * L);
        FloatVector c42 = FloatVector.fromArray(S, tile, 14 * L);
        FloatVector c50 = FloatVector.fromArray(S, tile, 15 * L);
        FloatVector c51 = FloatVector.fromArray(S, tile, 16 * L);
        FloatVector c52 = FloatVector.fromArray(S, tile, 17 * L);
        FloatVector c60 = FloatVector.fromArray(S, tile, 18 * L);
        FloatVector c61 = FloatVector.fromArray(S, tile, 19 * L);
        FloatVector c62 = FloatVector.fromArray(S, tile, 20 * L);
        FloatVector c70 = FloatVector.fromArray(S, tile, 21 * L);
        FloatVector c71 = FloatVector.fromArray(S, tile, 22 * L);
        FloatVector c72 = FloatVector.fromArray(S, tile, 23 * L);
        for (int s = 0; s < samples; s++) {
            int vs = vOff + s * vStride;
            int xs = xOff + s * xStride;
            for (int b = 0; b < nb; b++) {
                int vb = vs + iv[b];
                FloatVector e0 = FloatVector.fromArray(S, v, vb);
                FloatVector e1 = FloatVector.fromArray(S, v, vb + L);
                FloatVector e2 = FloatVector.fromArray(S, v, vb + 2 * L);
                int xb = xs + ib[b];
                FloatVector q;
                q = FloatVector.broadcast(S, x[xb + i0]);
                c00 = q.fma(e0, c00);
                c01 = q.fma(e1, c01);
                c02 = q.fma(e2, c02);
                q = FloatVector.broadcast(S, x[xb + i1]);
                c10 = q.fma(e0, c10);
                c11 = q.fma(e1, c11);
                c12 = q.fma(e2, c12);
                q = FloatVector.broadcast(S, x[xb + i2]);
                c20 = q.fma(e0, c20);
                c21 = q.fma(e1, c21);
                c22 = q.fma(e2, c22);
                q = FloatVector.broadcast(S, x[xb + i3]);
                c30 = q.fma(e0, c30);
                c31 = q.fma(e1, c31);
                c32 = q.fma(e2, c32);
                q = FloatVector.broadcast(S, x[xb + i4]);
                c40 = q.fma(e0, c40);
                c41 = q.fma(e1, c41);
                c42 = q.fma(e2, c42);
                q = FloatVector.broadcast(S, x[xb + i5]);
                c50 = q.fma(e0, c50);
                c51 = q.fma(e1, c51);
                c52 = q.fma(e2, c52);
                q = FloatVector.broadcast(S, x[xb + i6]);
                c60 = q.fma(e0, c60);
                c61 = q.fma(e1, c61);
                c62 = q.fma(e2, c62);
                q = FloatVector.broadcast(S, x[xb + i7]);
                c70 = q.fma(e0, c70);
                c71 = q.fma(e1, c71);
                c72 = q.fma(e2, c72);
            }
        }
        c00.intoArray(tile, 0 * L);
        c01.intoArray(tile, 1 * L);
        c02.intoArray(tile, 2 * L);
        c10.intoArray(tile, 3 * L);
        c11.intoArray(tile, 4 * L);
        c12.intoArray(tile, 5 * L);
        c20.intoArray(tile, 6 * L);
        c21.intoArray(tile, 7 * L);
        c22.intoArray(tile, 8 * L);
        c30.intoArray(tile, 9 * L);
        c31.intoArray(tile, 10 * L);
        c32.intoArray(tile, 11 * L);
        c40.intoArray(tile, 12 * L);
        c41.intoArray(tile, 13 * L);
        c42.intoArray(tile, 14 * L);
        c50.intoArray(tile, 15 * L);
        c51.intoArray(tile, 16 * L);
        c52.intoArray(tile, 17 * L);
        c60.intoArray(tile, 18 * L);
        c61.intoArray(tile, 19 * L);
        c62.intoArray(tile, 20 * L);
        c70.intoArray(tile, 21 * L);
        c71.intoArray(tile, 22 * L);
        c72.intoArray(tile, 23 * L);
    }

    /** v[from, from + n) in a per-thread buffer, zeros past v's end (the last samples' runs). */
    private static float[] stage(float[] v, int from, int n) {
        float[] run = STAGE.get();
        if (run.length < n) {
            run = new float[n];
            STAGE.set(run);
        }
        int m = Math.max(0, Math.min(n, v.length - from));
        System.arraycopy(v, from, run, 0, m);
        java.util.Arrays.fill(run, m, n, 0);
        return run;
    }

    /** Leading samples s whose whole-vector reads end inside v: s·vStride ≤ room. */
    private static int wholeSamples(int room, int vStride, int samples) {
        if (room < 0) {
            return 0;
        }
        return vStride == 0 ? samples : Math.min(samples, room / vStride + 1);
    }
}
