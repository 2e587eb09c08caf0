// Throw-away prototype (2026-12-04): W5's conv2 VJP (16 filters, 8 channels, 5x5, 12x12 -> 8x8) with 16 samples
// in the lanes of each vector. Times the input adjoint and the weight gradient per sample and checks both
// against plain loops.
//   javac --add-modules jdk.incubator.vector -d . SamplesInLanes.java
//   java --add-modules jdk.incubator.vector -cp . SamplesInLanes
import jdk.incubator.vector.*;
import java.util.*;

public class SamplesInLanes {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    static final int F = 16, C = 8, KH = 5, KW = 5, H = 12, W = 12, OH = 8, OW = 8, SL = 16, CP = 16;

    /** dx[c][u][v][s] = Σ_{f,i,j} K[f][c][i][j]·dy[f][u−i][v−j][s]; dy padded: column q stored at q+4 (zeros outside 0..7). */
    static void inputAdjoint(float[] k, float[] dyp, float[] dx) {
        for (int c0 = 0; c0 < C; c0 += 2) {
            for (int u = 0; u < H; u++) {
                int iLo = Math.max(0, u - (OH - 1)), iHi = Math.min(KH - 1, u);
                for (int v0 = 0; v0 < W; v0 += 4) {
                    int jLo = Math.max(0, v0 - (OW - 1)), jHi = Math.min(KW - 1, v0 + 3);
                    FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
                    for (int f = 0; f < F; f++) {
                        for (int i = iLo; i <= iHi; i++) {
                            int row = ((f * OH + (u - i)) * CP) * SL;
                            int kb0 = ((f * C + c0) * KH + i) * KW;
                            int kb1 = kb0 + KH * KW;
                            for (int j = jLo; j <= jHi; j++) {
                                int d = row + (v0 - j + 4) * SL;
                                FloatVector d0 = FloatVector.fromArray(S, dyp, d);
                                FloatVector d1 = FloatVector.fromArray(S, dyp, d + SL);
                                FloatVector d2 = FloatVector.fromArray(S, dyp, d + 2 * SL);
                                FloatVector d3 = FloatVector.fromArray(S, dyp, d + 3 * SL);
                                FloatVector w0 = FloatVector.broadcast(S, k[kb0 + j]);
                                FloatVector w1 = FloatVector.broadcast(S, k[kb1 + j]);
                                a0 = w0.fma(d0, a0); a1 = w0.fma(d1, a1); a2 = w0.fma(d2, a2); a3 = w0.fma(d3, a3);
                                b0 = w1.fma(d0, b0); b1 = w1.fma(d1, b1); b2 = w1.fma(d2, b2); b3 = w1.fma(d3, b3);
                            }
                        }
                    }
                    int o0 = ((c0 * H + u) * W + v0) * SL, o1 = o0 + H * W * SL;
                    a0.intoArray(dx, o0); a1.intoArray(dx, o0 + SL); a2.intoArray(dx, o0 + 2 * SL); a3.intoArray(dx, o0 + 3 * SL);
                    b0.intoArray(dx, o1); b1.intoArray(dx, o1 + SL); b2.intoArray(dx, o1 + 2 * SL); b3.intoArray(dx, o1 + 3 * SL);
                }
            }
        }
    }

    /** gk[f][c][i][j] = Σ_{r,q,s} dy[f][r][q][s]·x[c][r+i][q+j][s] (dy unpadded here: column q at q+4 of dyp). */
    static void weightGradient(float[] dyp, float[] x, float[] gk, float[] lanes) {
        for (int f0 = 0; f0 < F; f0 += 4) {
            for (int c = 0; c < C; c++) {
                for (int i = 0; i < KH; i++) {
                    for (int j = 0; j < KW; j += 2) {
                        boolean two = j + 1 < KW;
                        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
                        for (int r = 0; r < OH; r++) {
                            int xr = ((c * H + r + i) * W + j) * SL;
                            int dr = (r * CP + 4) * SL;
                            for (int q = 0; q < OW; q++) {
                                FloatVector x0 = FloatVector.fromArray(S, x, xr + q * SL);
                                FloatVector x1 = FloatVector.fromArray(S, x, xr + (q + 1) * SL);
                                int d = dr + q * SL;
                                FloatVector d0 = FloatVector.fromArray(S, dyp, d + (f0 * OH * CP) * SL);
                                FloatVector d1 = FloatVector.fromArray(S, dyp, d + ((f0 + 1) * OH * CP) * SL);
                                FloatVector d2 = FloatVector.fromArray(S, dyp, d + ((f0 + 2) * OH * CP) * SL);
                                FloatVector d3 = FloatVector.fromArray(S, dyp, d + ((f0 + 3) * OH * CP) * SL);
                                a0 = d0.fma(x0, a0); a1 = d1.fma(x0, a1); a2 = d2.fma(x0, a2); a3 = d3.fma(x0, a3);
                                b0 = d0.fma(x1, b0); b1 = d1.fma(x1, b1); b2 = d2.fma(x1, b2); b3 = d3.fma(x1, b3);
                            }
                        }
                        int g = ((f0 * C + c) * KH + i) * KW + j, fs = C * KH * KW;
                        gk[g] = sum(a0, lanes); gk[g + fs] = sum(a1, lanes); gk[g + 2 * fs] = sum(a2, lanes); gk[g + 3 * fs] = sum(a3, lanes);
                        if (two) {
                            gk[g + 1] = sum(b0, lanes); gk[g + 1 + fs] = sum(b1, lanes); gk[g + 1 + 2 * fs] = sum(b2, lanes); gk[g + 1 + 3 * fs] = sum(b3, lanes);
                        }
                    }
                }
            }
        }
    }

    static float sum(FloatVector v, float[] lanes) {
        v.intoArray(lanes, 0);
        float s = 0;
        for (int l = 0; l < SL; l++) s += lanes[l];
        return s;
    }

    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(5);
        float[] k = new float[F * C * KH * KW];
        for (int t = 0; t < k.length; t++) k[t] = (float) rnd.nextGaussian();
        float[] dyp = new float[F * OH * CP * SL];
        float[][][][] dy = new float[F][OH][OW][SL];
        for (int f = 0; f < F; f++) for (int r = 0; r < OH; r++) for (int q = 0; q < OW; q++) for (int s = 0; s < SL; s++) {
            float v = (float) rnd.nextGaussian(); dy[f][r][q][s] = v; dyp[((f * OH + r) * CP + q + 4) * SL + s] = v; }
        // x: W + 1 columns of room for the j+1 read at j = 4 (never used: two is false there) -> allocate extra
        float[] x = new float[C * H * W * SL + 2 * SL];
        for (int t = 0; t < C * H * W * SL; t++) x[t] = (float) rnd.nextGaussian();
        float[] dx = new float[C * H * W * SL], gk = new float[k.length], lanes = new float[SL];
        // check
        inputAdjoint(k, dyp, dx);
        weightGradient(dyp, x, gk, lanes);
        double errDx = 0, errGk = 0;
        for (int c = 0; c < C; c++) for (int u = 0; u < H; u++) for (int v = 0; v < W; v++) for (int s = 0; s < SL; s++) {
            double e = 0;
            for (int f = 0; f < F; f++) for (int i = 0; i < KH; i++) for (int j = 0; j < KW; j++) {
                int r = u - i, q = v - j;
                if (r >= 0 && r < OH && q >= 0 && q < OW) e += (double) k[((f * C + c) * KH + i) * KW + j] * dy[f][r][q][s];
            }
            errDx = Math.max(errDx, Math.abs(e - dx[((c * H + u) * W + v) * SL + s]));
        }
        for (int f = 0; f < F; f++) for (int c = 0; c < C; c++) for (int i = 0; i < KH; i++) for (int j = 0; j < KW; j++) {
            double e = 0;
            for (int r = 0; r < OH; r++) for (int q = 0; q < OW; q++) for (int s = 0; s < SL; s++)
                e += (double) dy[f][r][q][s] * x[((c * H + r + i) * W + q + j) * SL + s];
            errGk = Math.max(errGk, Math.abs(e - gk[((f * C + c) * KH + i) * KW + j]));
        }
        System.out.printf("max |error|: dx %.2e, dK %.2e%n", errDx, errGk);
        for (int round = 0; round < 6; round++) {
            long best1 = Long.MAX_VALUE, best2 = Long.MAX_VALUE;
            for (int rep = 0; rep < 2000; rep++) {
                long t0 = System.nanoTime();
                inputAdjoint(k, dyp, dx);
                long t1 = System.nanoTime();
                weightGradient(dyp, x, gk, lanes);
                long t2 = System.nanoTime();
                best1 = Math.min(best1, t1 - t0);
                best2 = Math.min(best2, t2 - t1);
            }
            System.out.printf(Locale.ROOT, "round %d: input adjoint %.2f µs/sample, weight gradient %.2f µs/sample (best of 2000 groups of 16)%n",
                    round, best1 / 1e3 / SL, best2 / 1e3 / SL);
        }
    }
}
