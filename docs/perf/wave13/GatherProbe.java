package org.oneneuron.linalg;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

public final class GatherProbe {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> H = FloatVector.SPECIES_256;
    static final int L = S.length();

    // variant: 256-bit species, 8 positions
    static void gatherHalf(int channels, int positions, int terms, int[] rowsAt, float[] cols, float[] dx) {
        for (int u0 = 0; u0 < positions; u0 += 8) {
            int r0 = u0 * terms, r1 = (u0 + 1) * terms, r2 = (u0 + 2) * terms, r3 = (u0 + 3) * terms;
            int r4 = (u0 + 4) * terms, r5 = (u0 + 5) * terms, r6 = (u0 + 6) * terms, r7 = (u0 + 7) * terms;
            FloatVector a0 = FloatVector.zero(H), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int t = 0; t < terms; t++) {
                a0 = a0.add(FloatVector.fromArray(H, cols, rowsAt[r0 + t]));
                a1 = a1.add(FloatVector.fromArray(H, cols, rowsAt[r1 + t]));
                a2 = a2.add(FloatVector.fromArray(H, cols, rowsAt[r2 + t]));
                a3 = a3.add(FloatVector.fromArray(H, cols, rowsAt[r3 + t]));
                a4 = a4.add(FloatVector.fromArray(H, cols, rowsAt[r4 + t]));
                a5 = a5.add(FloatVector.fromArray(H, cols, rowsAt[r5 + t]));
                a6 = a6.add(FloatVector.fromArray(H, cols, rowsAt[r6 + t]));
                a7 = a7.add(FloatVector.fromArray(H, cols, rowsAt[r7 + t]));
            }
            a0.intoArray(dx, u0 * 8); a1.intoArray(dx, u0 * 8 + 8); a2.intoArray(dx, u0 * 8 + 16); a3.intoArray(dx, u0 * 8 + 24);
            a4.intoArray(dx, u0 * 8 + 32); a5.intoArray(dx, u0 * 8 + 40); a6.intoArray(dx, u0 * 8 + 48); a7.intoArray(dx, u0 * 8 + 56);
        }
    }

    // variant: scalar plain loop
    static void gatherScalar(int channels, int positions, int terms, int[] rowsAt, float[] cols, float[] dx) {
        for (int u = 0; u < positions; u++) {
            for (int c = 0; c < 8; c++) dx[u * 8 + c] = 0;
            for (int t = 0; t < terms; t++) {
                int r = rowsAt[u * terms + t];
                for (int c = 0; c < 8; c++) dx[u * 8 + c] += cols[r + c];
            }
        }
    }

    public static void main(String[] a) {
        int C = 8, H2 = 12, W = 12, kh = 5, kw = 5, OH = 8, OW = 8, P = 64, ldc = 208;
        int[] rowsAt = new int[H2 * W * 25];
        for (int ih = 0; ih < H2; ih++) for (int iw = 0; iw < W; iw++) for (int i = 0; i < kh; i++) for (int j = 0; j < kw; j++) {
            int r = ih - i, c = iw - j; boolean in = r >= 0 && r < OH && c >= 0 && c < OW;
            rowsAt[(ih * W + iw) * 25 + i * kw + j] = in ? (r * OW + c) * ldc + (i * kw + j) * C : P * ldc;
        }
        SplittableRandom rnd = new SplittableRandom(1);
        float[] cols = new float[(P + 1) * ldc + C + 16];
        for (int i = 0; i < P * ldc; i++) cols[i] = (float) rnd.nextGaussian();
        float[] dx = new float[H2 * W * C + 16];
        for (int round = 0; round < 8; round++) {
            int reps = 200000;
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) VectorPooledFloat.gather(C, H2 * W, 25, rowsAt, cols, dx);
            double g = (System.nanoTime() - t0) * 1e-3 / reps;
            t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) gatherHalf(C, H2 * W, 25, rowsAt, cols, dx);
            double h = (System.nanoTime() - t0) * 1e-3 / reps;
            t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) gatherScalar(C, H2 * W, 25, rowsAt, cols, dx);
            double s = (System.nanoTime() - t0) * 1e-3 / reps;
            System.out.printf("gather %.3f half %.3f scalar %.3f µs%n", g, h, s);
        }
    }
}
