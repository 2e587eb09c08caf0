package org.oneneuron.linalg;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * The sparse reverse kernels on W5's conv2 shapes (8×12×12 input, 16 filters 5×5, 64 samples,
 * float32; δy with one drawn position per 2×2 window kept with probability 1/2, ~1/8 nonzero):
 * thread CPU per sample of ConvKernels' sparseRuns (the weight gradient), sparseAdjoint (the input
 * adjoint, into one channel-minor δx, and into disjoint regions per position: a check that partial
 * overlaps of consecutive read-modify-writes are not what limits it) and the 144×8 transpose back
 * to channels-first. A throwaway harness, not a test. Usage, from oneneuron-core after a build:
 * javac --add-modules jdk.incubator.vector -d OUT -cp target/classes SparseProbe.java;
 * java --add-modules jdk.incubator.vector -XX:+UseSerialGC -cp OUT:target/classes org.oneneuron.linalg.SparseProbe
 */
public class SparseProbe {
    public static void main(String[] args) {
        ConvKernelSet k = ConvKernels.loaded();
        int L = k.lanes(true);
        int F = 16, P = 64, C = 8, wp = 12, kh = 5, kw = 5, rows = 64, padded = C * 12 * 12;
        int run = (kw * C + L - 1) / L * L, perRow = run / L, nu = kh * perRow;
        int[] vo = new int[nu], ko = new int[nu], ol = new int[nu * L];
        for (int i = 0; i < kh; i++) for (int q = 0; q < perRow; q++) { int u = i * perRow + q; vo[u] = i * wp * C + q * L; ko[u] = i * run + q * L;
            for (int l = 0; l < L; l++) { int z = q * L + l; ol[u * L + l] = z < kw * C ? (z % C) * 25 + i * 5 + z / C : -1; } }
        int[] ia = new int[F], oa = new int[F], iv = new int[P];
        for (int f = 0; f < F; f++) { ia[f] = f * P; oa[f] = f * 200; }
        for (int p = 0; p < P; p++) iv[p] = ((p / 8) * wp + p % 8) * C;
        SplittableRandom rnd = new SplittableRandom(1);
        float[] xt = new float[rows * padded + 3 * L];
        for (int i = 0; i < rows * padded; i++) xt[i] = (float) rnd.nextDouble(-1, 1);
        float[] dy = new float[rows * F * P];
        for (int r = 0; r < rows; r++) for (int f = 0; f < F; f++) for (int i = 0; i < 8; i += 2) for (int j = 0; j < 8; j += 2)
            if (rnd.nextBoolean()) dy[(r * F + f) * P + (i + rnd.nextInt(2)) * 8 + j + rnd.nextInt(2)] = (float) rnd.nextDouble(-1, 1);
        float[] out = new float[3200];
        float[] kr = new float[F * kh * run];
        for (int i = 0; i < kr.length; i++) kr[i] = (float) rnd.nextDouble(-1, 1);
        float[] dx = new float[padded + run];
        float[] dxd = new float[P * 256 + 2000];
        int[] pod = new int[P];
        for (int p = 0; p < P; p++) pod[p] = p * 256;
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 30; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int rep = 0; rep < 20; rep++) k.sparseRuns(F, P, nu, ia, iv, vo, xt, 0, padded, dy, 0, F * P, rows, false, out, 0, oa, ol);
            long t1 = mx.getCurrentThreadCpuTime();
            for (int rep = 0; rep < 20; rep++) for (int r = 0; r < rows; r++) k.sparseAdjoint(F, P, nu, perRow, dy, r * F * P, kr, kh * run, ko, iv, vo, dx, 0);
            long t2 = mx.getCurrentThreadCpuTime();
            for (int rep = 0; rep < 20; rep++) for (int r = 0; r < rows; r++) k.transpose(dx, 0, 144, 8, xt, 0);
            long t3 = mx.getCurrentThreadCpuTime();
            for (int rep = 0; rep < 20; rep++) for (int r = 0; r < rows; r++) k.sparseAdjoint(F, P, nu, perRow, dy, r * F * P, kr, kh * run, ko, pod, vo, dxd, 0);
            long t4 = mx.getCurrentThreadCpuTime();
            if (round % 5 == 4) System.out.printf("gradient %.2f adjoint %.2f transpose %.2f disjoint %.2f µs/sample%n", (t1 - t0) / 1e3 / (20.0 * rows), (t2 - t1) / 1e3 / (20.0 * rows), (t3 - t2) / 1e3 / (20.0 * rows), (t4 - t3) / 1e3 / (20.0 * rows));
        }
    }
}
