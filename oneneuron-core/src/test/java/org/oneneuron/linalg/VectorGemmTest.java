package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API GEMM paths that {@link BlasBackendsTest}'s small shapes do not reach: k longer
 * than one k block ({@link VectorDgemm#KC}), W1/W2-sized operands, thread-count independence of
 * the bits with several k blocks, and no allocation per call once compiled.
 */
class VectorGemmTest {

    private static final Blas VECTOR = Backends.create(Backends.VECTOR);

    @Test
    void blockDepthCoversKWithBalancedBlocksOfAtMostKc() {
        for (int k = 1; k <= 5 * VectorDgemm.KC + 3; k++) {
            int kc = VectorDgemm.blockDepth(k);
            int blocks = (k + kc - 1) / kc;
            assertTrue(kc >= 1 && kc <= VectorDgemm.KC, "k=" + k + " kc=" + kc);
            assertEquals((k + VectorDgemm.KC - 1) / VectorDgemm.KC, blocks, "k=" + k);
            assertTrue(k - (blocks - 1) * kc > 0, "k=" + k + ": last block empty");
        }
        assertEquals(114, VectorDgemm.blockDepth(569));
        assertEquals(196, VectorSgemm.blockDepth(784));
    }

    @Test
    void dgemmWithSeveralKBlocksMatchesPlainInAllLayouts() {
        SplittableRandom rnd = new SplittableRandom(21);
        // n across the panel widths at 8 lanes: narrow (1, 9, 16), wide (17, 30, 33), wide then narrow
        // (40, 64 + 5), wide then a padded wide one (50, 64 + 30)
        int[][] mnk = {{64, 64, 569}, {64, 30, 569}, {13, 17, 129}, {7, 33, 257}, {1, 1, 300}, {20, 9, 128},
            {12, 16, 200}, {19, 40, 130}, {8, 50, 260}, {25, 69, 129}, {6, 94, 300}};
        for (int[] s : mnk) {
            for (int layout = 0; layout < 4; layout++) {
                for (double beta : new double[] {0.0, 1.0, -0.75}) {
                    checkDouble(rnd, layout >= 2, (layout & 1) == 1, s[0], s[1], s[2], beta);
                }
            }
        }
    }

    @Test
    void sgemmWithSeveralKBlocksMatchesPlainInAllLayouts() {
        SplittableRandom rnd = new SplittableRandom(22);
        // n across the panel widths: one narrow panel (7, 25, 32), one wide (33, 50), wide then narrow
        // (84, 96), wide then a padded wide one (104, 127) at 16 lanes
        int[][] mnk = {{24, 40, 784}, {37, 50, 256}, {6, 32, 129}, {1, 3, 200}, {50, 33, 130}, {8, 25, 2304},
            {16, 7, 1031}, {13, 84, 300}, {20, 96, 257}, {7, 104, 260}, {12, 127, 513}};
        for (int[] s : mnk) {
            for (int layout = 0; layout < 4; layout++) {
                for (float beta : new float[] {0f, 1f, 0.5f}) {
                    checkFloat(rnd, layout >= 2, (layout & 1) == 1, s[0], s[1], s[2], beta);
                }
            }
        }
    }

    @Test
    void bitsDoNotDependOnThreadsWithSeveralKBlocks() {
        SplittableRandom rnd = new SplittableRandom(23);
        int m = 200;
        int n = 45;
        int k = 600;
        double[] a = BlasBackendsTest.randomDoubles(rnd, k * m);
        double[] b = BlasBackendsTest.randomDoubles(rnd, k * n);
        float[] af = toFloats(a);
        float[] bf = toFloats(b);
        double[][] d = new double[2][m * n];
        float[][] f = new float[2][m * n];
        int before = Backends.threads();
        try {
            for (int t = 0; t < 2; t++) {
                Backends.setThreads(t + 1);
                VECTOR.dgemm(true, false, m, n, k, 1.0, a, 0, m, b, 0, n, 0.0, d[t], 0, n);
                VECTOR.sgemm(true, false, m, n, k, 1f, af, 0, m, bf, 0, n, 0f, f[t], 0, n);
            }
        } finally {
            Backends.setThreads(before);
        }
        assertArrayEquals(d[0], d[1], "dgemm: 2 threads differ from 1");
        assertArrayEquals(f[0], f[1], "sgemm: 2 threads differ from 1");
        assertTrue(d[0][0] != 0 && f[0][0] != 0, "products were computed");
    }

    /**
     * Once compiled, a W2-shaped sgemm (and a W1-shaped dgemm) allocates nothing per call: the
     * packing buffers are per thread and no vector is boxed. The bound (64 bytes a call on average)
     * is loose; the JDK 17 failure this guards against allocated megabytes per call.
     */
    @Test
    void gemmAllocatesNothingPerCallOnceCompiled() {
        com.sun.management.ThreadMXBean mx = allocationCounter();
        SplittableRandom rnd = new SplittableRandom(24);
        float[] af = toFloats(BlasBackendsTest.randomDoubles(rnd, 128 * 784));
        float[] bf = toFloats(BlasBackendsTest.randomDoubles(rnd, 256 * 784));
        float[] cf = new float[128 * 256];
        double[] a = BlasBackendsTest.randomDoubles(rnd, 569 * 64);
        double[] b = BlasBackendsTest.randomDoubles(rnd, 569 * 64);
        double[] c = new double[64 * 64];
        long perCall = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (perCall > 64 && System.nanoTime() < deadline) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 5; i++) {
                VECTOR.sgemm(false, true, 128, 256, 784, 1f, af, 0, 784, bf, 0, 784, 0f, cf, 0, 256);
                VECTOR.dgemm(true, false, 64, 64, 569, 1.0, a, 0, 64, b, 0, 64, 0.0, c, 0, 64);
            }
            perCall = (mx.getCurrentThreadAllocatedBytes() - before) / 10;
        }
        assertTrue(perCall <= 64, "gemm still allocates " + perCall + " bytes per call after 60 s of calls");
        assertTrue(cf[0] != 0 && c[0] != 0, "products were computed");
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no allocation counter in this JVM");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled(),
                "thread allocation counting is off");
        return mx;
    }

    private static void checkDouble(SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k,
                                    double beta) {
        int lda = (ta ? m : k) + 3;
        int ldb = (tb ? k : n) + 5;
        int ldc = n + 2;
        double[] a = BlasBackendsTest.randomDoubles(rnd, 1 + (ta ? k : m) * lda);
        double[] b = BlasBackendsTest.randomDoubles(rnd, 2 + (tb ? n : k) * ldb);
        double[] c0 = BlasBackendsTest.randomDoubles(rnd, 3 + m * ldc + 4);
        if (beta == 0) {
            Arrays.fill(c0, Double.NaN);
        }
        double[] expected = c0.clone();
        double[] actual = c0.clone();
        PlainBlas.INSTANCE.dgemm(ta, tb, m, n, k, 0.7, a, 1, lda, b, 2, ldb, beta, expected, 3, ldc);
        VECTOR.dgemm(ta, tb, m, n, k, 0.7, a, 1, lda, b, 2, ldb, beta, actual, 3, ldc);
        String what = "dgemm " + (ta ? "t" : "n") + (tb ? "t" : "n") + " " + m + "x" + n + "x" + k + " beta " + beta;
        for (int i = 0; i < c0.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), what + ": wrote outside C at " + i);
            } else {
                double tol = 1e-12 * (k + (beta == 0 ? 0 : Math.abs(beta * c0[i])));
                assertEquals(expected[i], actual[i], tol, what + " at " + i);
            }
        }
    }

    private static void checkFloat(SplittableRandom rnd, boolean ta, boolean tb, int m, int n, int k,
                                   float beta) {
        int lda = (ta ? m : k) + 1;
        int ldb = (tb ? k : n) + 4;
        int ldc = n + 3;
        float[] a = toFloats(BlasBackendsTest.randomDoubles(rnd, 2 + (ta ? k : m) * lda));
        float[] b = toFloats(BlasBackendsTest.randomDoubles(rnd, 1 + (tb ? n : k) * ldb));
        float[] c0 = toFloats(BlasBackendsTest.randomDoubles(rnd, 5 + m * ldc + 2));
        if (beta == 0) {
            Arrays.fill(c0, Float.NaN);
        }
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        PlainBlas.INSTANCE.sgemm(ta, tb, m, n, k, 1.5f, a, 2, lda, b, 1, ldb, beta, expected, 5, ldc);
        VECTOR.sgemm(ta, tb, m, n, k, 1.5f, a, 2, lda, b, 1, ldb, beta, actual, 5, ldc);
        String what = "sgemm " + (ta ? "t" : "n") + (tb ? "t" : "n") + " " + m + "x" + n + "x" + k + " beta " + beta;
        for (int i = 0; i < c0.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertTrue(Float.isNaN(actual[i]), what + ": wrote outside C at " + i);
            } else {
                double tol = 1e-5 * (k + (beta == 0 ? 0 : Math.abs(beta * c0[i])));
                assertEquals(expected[i], actual[i], tol, what + " at " + i);
            }
        }
    }

    private static float[] toFloats(double[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) v[i];
        }
        return r;
    }
}
