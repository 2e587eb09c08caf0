package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.run.Assessment;
import org.oneneuron.run.Classifier;
import org.oneneuron.run.ClassifierConfig;

/**
 * The scalar back-end a JVM without the Vector API module gets gives exactly the vector kernels'
 * bits: every BLAS call on seeded random shapes (all transposes, α and β including 0 and 1, k
 * over several GEMM blocks, offsets and leading dimensions), and a whole fit. The width it reads
 * from the JVM's flags is the width the Vector API uses.
 */
class VectorEquivalentBlasTest {

    private static final int CASES = 400;
    private static final long SEED = 20261202L;

    private final VectorBlas vector = new VectorBlas();
    private final VectorEquivalentBlas scalar = new VectorEquivalentBlas(DoubleVector.SPECIES_PREFERRED.vectorBitSize());

    @Test
    void theProbeReadsTheWidthTheVectorApiUses() {
        assertEquals(DoubleVector.SPECIES_PREFERRED.vectorBitSize(), VectorWidthProbe.preferredBits().orElse(-1));
        assertEquals(VectorDgemm.KC, VectorEquivalentBlas.KC);
        assertEquals(VectorSgemm.KC, VectorEquivalentBlas.KC_FLOAT);
        for (int k = 1; k < 700; k++) {
            assertEquals(VectorDgemm.blockDepth(k), VectorEquivalentBlas.blockDepth(k), "k=" + k);
            assertEquals(VectorSgemm.blockDepth(k), VectorEquivalentBlas.floatBlockDepth(k), "k=" + k);
        }
        assertThrows(IllegalArgumentException.class, () -> new VectorEquivalentBlas(384));
    }

    private static double pick(SplittableRandom r, double... values) {
        return values[r.nextInt(values.length)];
    }

    /**
     * A·Bᵀ with few rows and a long k runs as dot products in the vector back-end (a convolution's
     * weight gradient; a first layer's minibatch tail, e.g. MNIST 4 vs 9's 15-row last batch of an
     * epoch): the twin follows that choice and its order of operations.
     */
    @Test
    void theDotProductShapesGiveTheVectorBits() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        int cases = 0;
        for (int m : new int[] {1, 3, 4, 5, 15, 32, 33}) {
            for (int n : new int[] {1, 2, 3, 64, 70}) {
                for (int k : new int[] {255, 256, 257, 300, 784}) {
                    int lda = k + r.nextInt(3);
                    int ldb = k + r.nextInt(3);
                    int ldc = n + r.nextInt(3);
                    int off = r.nextInt(4);
                    double alpha = pick(r, 1, -0.5, 1.7);
                    double beta = pick(r, 0, 1, 0.3);
                    double[] a = random(r, off + m * lda + 1);
                    double[] b = random(r, off + n * ldb + 1);
                    double[] c1 = random(r, off + m * ldc + 1);
                    double[] c2 = c1.clone();
                    vector.dgemm(false, true, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c1, off, ldc);
                    scalar.dgemm(false, true, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c2, off, ldc);
                    String what = "gemm nt m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha + " beta=" + beta
                            + " (dot products: " + DotGemmShape.suits(false, true, m, n, k) + ")";
                    assertArrayEquals(c1, c2, 0.0, "d" + what);
                    float[] f1 = floats(c1);
                    float[] f2 = f1.clone();
                    vector.sgemm(false, true, m, n, k, (float) alpha, floats(a), off, lda, floats(b), off, ldb,
                            (float) beta, f1, off, ldc);
                    scalar.sgemm(false, true, m, n, k, (float) alpha, floats(a), off, lda, floats(b), off, ldb,
                            (float) beta, f2, off, ldc);
                    assertArrayEquals(f1, f2, 0f, "s" + what);
                    cases += DotGemmShape.suits(false, true, m, n, k) ? 1 : 0;
                }
            }
        }
        assertTrue(cases > 50, "the dot-product shapes must be exercised: " + cases);
    }

    @Test
    void gemmGivesTheVectorBits() {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int c = 0; c < CASES; c++) {
            boolean ta = r.nextBoolean();
            boolean tb = r.nextBoolean();
            int m = r.nextInt(0, 40);
            // every third case wide enough for a full 64-column float panel and a narrow last one
            int n = r.nextInt(0, c % 3 == 0 ? 100 : 40);
            int k = r.nextInt(0, c % 10 == 0 ? 400 : 60);
            int lda = (ta ? m : k) + r.nextInt(3) + 1;
            int ldb = (tb ? k : n) + r.nextInt(3) + 1;
            int ldc = n + r.nextInt(3) + 1;
            int off = r.nextInt(4);
            double alpha = pick(r, 1, 0, -0.5, 1.7);
            double beta = pick(r, 0, 1, 0.3);
            double[] a = random(r, off + (ta ? k : m) * lda + 1);
            double[] b = random(r, off + (tb ? n : k) * ldb + 1);
            double[] c1 = random(r, off + m * ldc + 1);
            double[] c2 = c1.clone();
            vector.dgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c1, off, ldc);
            scalar.dgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, c2, off, ldc);
            String what = "case " + c + " (seed " + SEED + "): dgemm ta=" + ta + " tb=" + tb + " m=" + m + " n=" + n
                    + " k=" + k + " alpha=" + alpha + " beta=" + beta;
            assertArrayEquals(c1, c2, 0.0, what);
            float[] fa = floats(a);
            float[] fb = floats(b);
            float[] f1 = floats(c1);
            float[] f2 = f1.clone();
            vector.sgemm(ta, tb, m, n, k, (float) alpha, fa, off, lda, fb, off, ldb, (float) beta, f1, off, ldc);
            scalar.sgemm(ta, tb, m, n, k, (float) alpha, fa, off, lda, fb, off, ldb, (float) beta, f2, off, ldc);
            assertArrayEquals(f1, f2, 0f, "s" + what.substring(what.indexOf("dgemm") + 1));
        }
    }

    @Test
    void levelOneAndTwoGiveTheVectorBits() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            int n = r.nextInt(0, 100);
            int m = r.nextInt(0, 20);
            int off = r.nextInt(4);
            double alpha = pick(r, 1, 0, -0.5, 1.7);
            double beta = pick(r, 0, 1, 0.3);
            double[] x = random(r, off + n + m + 1);
            double[] y = random(r, off + n + m + 1);
            String what = "case " + c + " (seed " + (SEED + 1) + "): n=" + n + " m=" + m + " alpha=" + alpha + " beta=" + beta;
            assertEquals(vector.ddot(n, x, off, y, off), scalar.ddot(n, x, off, y, off), 0.0, "ddot " + what);
            float[] fx = floats(x);
            float[] fy = floats(y);
            assertEquals(vector.sdot(n, fx, off, fy, off), scalar.sdot(n, fx, off, fy, off), 0f, "sdot " + what);
            double[] y1 = y.clone();
            double[] y2 = y.clone();
            vector.daxpy(n, alpha, x, off, y1, off);
            scalar.daxpy(n, alpha, x, off, y2, off);
            assertArrayEquals(y1, y2, 0.0, "daxpy " + what);
            vector.dscal(n, alpha, y1, off);
            scalar.dscal(n, alpha, y2, off);
            assertArrayEquals(y1, y2, 0.0, "dscal " + what);
            float[] g1 = fy.clone();
            float[] g2 = fy.clone();
            vector.saxpy(n, (float) alpha, fx, off, g1, off);
            scalar.saxpy(n, (float) alpha, fx, off, g2, off);
            vector.sscal(n, (float) beta, g1, off);
            scalar.sscal(n, (float) beta, g2, off);
            assertArrayEquals(g1, g2, 0f, "saxpy/sscal " + what);
            boolean trans = r.nextBoolean();
            double[] a = random(r, off + m * n + 1);
            double[] v = random(r, off + Math.max(m, n) + 1);
            double[] w1 = random(r, off + Math.max(m, n) + 1);
            double[] w2 = w1.clone();
            vector.dgemv(trans, m, n, alpha, a, off, n, v, off, beta, w1, off);
            scalar.dgemv(trans, m, n, alpha, a, off, n, v, off, beta, w2, off);
            assertArrayEquals(w1, w2, 0.0, "dgemv trans=" + trans + " " + what);
            float[] u1 = floats(w1);
            float[] u2 = u1.clone();
            vector.sgemv(trans, m, n, (float) alpha, floats(a), off, n, floats(v), off, (float) beta, u1, off);
            scalar.sgemv(trans, m, n, (float) alpha, floats(a), off, n, floats(v), off, (float) beta, u2, off);
            assertArrayEquals(u1, u2, 0f, "sgemv trans=" + trans + " " + what);
        }
    }

    /** A whole fit (the README's defaults, fewer steps) lands on the same bits on both back-ends. */
    @Test
    void aFitGivesTheSameNumbersOnBothBackEnds() {
        Blas before = Backends.active();
        var data = Datasets.resolve("wdbc", ReadOptions.defaults());
        ClassifierConfig config = ClassifierConfig.defaults();
        config = config.withTrain(config.train().toBuilder().maxSteps(60).build());
        try {
            Backends.use(Backends.VECTOR);
            Assessment onVector = Classifier.fit(data, config).assess(data);
            Backends.use(Backends.VECTOR_SCALAR);
            assertEquals("vector-api-scalar", Backends.active().name());
            Assessment onScalar = Classifier.fit(data, config).assess(data);
            assertEquals(onVector, onScalar);
        } finally {
            Backends.use(before.name().equals("plain") ? "plain" : "auto");
        }
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-2, 2);
        }
        return v;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
