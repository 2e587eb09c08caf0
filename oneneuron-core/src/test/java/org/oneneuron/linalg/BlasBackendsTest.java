package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fast back-end against {@link PlainBlas} on random shapes, offsets and strides. */
class BlasBackendsTest {

    private static final double DOUBLE_TOL = 1e-12;
    private static final double FLOAT_TOL = 1e-5;

    static Stream<Blas> backends() {
        List<Blas> list = new ArrayList<>();
        list.add(Backends.create(Backends.VECTOR));
        try {
            list.add(Backends.create(Backends.NATIVE));
        } catch (IllegalArgumentException noNativeLibrary) {
            // no libblas.so.3 on this machine: the vector back-end is still checked
        }
        return list.stream();
    }

    /** Random case: shapes 0..maxDim, leading dimensions wider than needed, offsets. */
    private record Shape(boolean ta, boolean tb, int m, int n, int k, int lda, int ldb, int ldc,
                         int aOff, int bOff, int cOff) {

        static Shape random(SplittableRandom rnd, int maxDim) {
            boolean ta = rnd.nextBoolean();
            boolean tb = rnd.nextBoolean();
            int m = rnd.nextInt(maxDim + 1);
            int n = rnd.nextInt(maxDim + 1);
            int k = rnd.nextInt(maxDim + 1);
            int lda = (ta ? m : k) + rnd.nextInt(3) * 7;
            int ldb = (tb ? k : n) + rnd.nextInt(3) * 5;
            int ldc = n + rnd.nextInt(3) * 3;
            return new Shape(ta, tb, m, n, k, Math.max(1, lda), Math.max(1, ldb), Math.max(1, ldc),
                    rnd.nextInt(5), rnd.nextInt(5), rnd.nextInt(5));
        }

        int aSize() {
            return aOff + (ta ? k : m) * lda + 3;
        }

        int bSize() {
            return bOff + (tb ? n : k) * ldb + 3;
        }

        int cSize() {
            return cOff + m * ldc + 3;
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void dgemmMatchesPlainOnRandomShapes(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            Shape s = Shape.random(rnd, trial < 300 ? 23 : 90);
            double[] a = randomDoubles(rnd, s.aSize());
            double[] b = randomDoubles(rnd, s.bSize());
            double[] c0 = randomDoubles(rnd, s.cSize());
            double alpha = rnd.nextDouble(-2, 2);
            double beta = switch (trial % 3) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                default -> rnd.nextDouble(-2, 2);
            };
            if (beta == 0) {
                Arrays.fill(c0, Double.NaN);
            }
            double[] expected = c0.clone();
            double[] actual = c0.clone();
            PlainBlas.INSTANCE.dgemm(s.ta, s.tb, s.m, s.n, s.k, alpha, a, s.aOff, s.lda, b, s.bOff, s.ldb,
                    beta, expected, s.cOff, s.ldc);
            blas.dgemm(s.ta, s.tb, s.m, s.n, s.k, alpha, a, s.aOff, s.lda, b, s.bOff, s.ldb,
                    beta, actual, s.cOff, s.ldc);
            double[] scale = new double[c0.length];
            PlainBlas.INSTANCE.dgemm(s.ta, s.tb, s.m, s.n, s.k, Math.abs(alpha), abs(a), s.aOff, s.lda,
                    abs(b), s.bOff, s.ldb, 0, scale, s.cOff, s.ldc);
            for (int i = 0; i < c0.length; i++) {
                if (Double.isNaN(expected[i])) {
                    assertTrue(Double.isNaN(actual[i]), () -> blas.name() + " " + s + " wrote outside C");
                    continue;
                }
                double tol = DOUBLE_TOL * (scale[i] + (beta == 0 ? 0 : Math.abs(beta * c0[i]))) + 1e-300;
                int at = i;
                assertEquals(expected[i], actual[i], tol, () -> blas.name() + " " + s + " at " + at);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sgemmMatchesPlainOnRandomShapes(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int trial = 0; trial < 300; trial++) {
            Shape s = Shape.random(rnd, trial < 200 ? 40 : 100);
            float[] a = randomFloats(rnd, s.aSize());
            float[] b = randomFloats(rnd, s.bSize());
            float[] c0 = randomFloats(rnd, s.cSize());
            float alpha = (float) rnd.nextDouble(-2, 2);
            float beta = trial % 2 == 0 ? 0f : (float) rnd.nextDouble(-2, 2);
            if (beta == 0) {
                Arrays.fill(c0, Float.NaN);
            }
            float[] expected = c0.clone();
            float[] actual = c0.clone();
            PlainBlas.INSTANCE.sgemm(s.ta, s.tb, s.m, s.n, s.k, alpha, a, s.aOff, s.lda, b, s.bOff, s.ldb,
                    beta, expected, s.cOff, s.ldc);
            blas.sgemm(s.ta, s.tb, s.m, s.n, s.k, alpha, a, s.aOff, s.lda, b, s.bOff, s.ldb,
                    beta, actual, s.cOff, s.ldc);
            float[] scale = new float[c0.length];
            PlainBlas.INSTANCE.sgemm(s.ta, s.tb, s.m, s.n, s.k, Math.abs(alpha), abs(a), s.aOff, s.lda,
                    abs(b), s.bOff, s.ldb, 0f, scale, s.cOff, s.ldc);
            for (int i = 0; i < c0.length; i++) {
                if (Float.isNaN(expected[i])) {
                    assertTrue(Float.isNaN(actual[i]), () -> blas.name() + " " + s + " wrote outside C");
                    continue;
                }
                double tol = FLOAT_TOL * (scale[i] + (beta == 0 ? 0 : Math.abs(beta * c0[i]))) + 1e-30;
                int at = i;
                assertEquals(expected[i], actual[i], tol, () -> blas.name() + " " + s + " at " + at);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemvMatchesPlain(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int trial = 0; trial < 200; trial++) {
            boolean t = rnd.nextBoolean();
            int m = rnd.nextInt(40);
            int n = rnd.nextInt(40);
            int lda = Math.max(1, n + rnd.nextInt(4));
            int aOff = rnd.nextInt(4);
            double[] a = randomDoubles(rnd, aOff + m * lda + 2);
            double[] x = randomDoubles(rnd, 50);
            double beta = trial % 2 == 0 ? 0 : 0.7;
            double[] y0 = randomDoubles(rnd, 50);
            if (beta == 0) {
                Arrays.fill(y0, Double.NaN);
                Arrays.fill(y0, 0, 3, 1.0);
            }
            double[] expected = y0.clone();
            double[] actual = y0.clone();
            PlainBlas.INSTANCE.dgemv(t, m, n, 1.3, a, aOff, lda, x, 2, beta, expected, 3);
            blas.dgemv(t, m, n, 1.3, a, aOff, lda, x, 2, beta, actual, 3);
            assertClose(expected, actual, 1e-12, blas.name() + " dgemv t=" + t + " " + m + "x" + n);

            float[] af = toFloats(a);
            float[] xf = toFloats(x);
            float[] yf0 = toFloats(y0);
            float[] ef = yf0.clone();
            float[] gf = yf0.clone();
            PlainBlas.INSTANCE.sgemv(t, m, n, 1.3f, af, aOff, lda, xf, 2, (float) beta, ef, 3);
            blas.sgemv(t, m, n, 1.3f, af, aOff, lda, xf, 2, (float) beta, gf, 3);
            assertClose(toDoubles(ef), toDoubles(gf), 1e-5, blas.name() + " sgemv t=" + t);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void levelOneMatchesPlain(Blas blas) {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int n : new int[] {0, 1, 7, 8, 15, 16, 17, 33, 64, 100, 1001}) {
            double[] x = randomDoubles(rnd, n + 5);
            double[] y = randomDoubles(rnd, n + 5);
            double ref = PlainBlas.INSTANCE.ddot(n, x, 2, y, 1);
            double scale = PlainBlas.INSTANCE.ddot(n, abs(x), 2, abs(y), 1);
            assertEquals(ref, blas.ddot(n, x, 2, y, 1), 1e-12 * scale + 1e-300, "ddot n=" + n);
            float[] xf = toFloats(x);
            float[] yf = toFloats(y);
            assertEquals(PlainBlas.INSTANCE.sdot(n, xf, 2, yf, 1), blas.sdot(n, xf, 2, yf, 1),
                    1e-5 * scale + 1e-30, "sdot n=" + n);

            double[] e = y.clone();
            double[] g = y.clone();
            PlainBlas.INSTANCE.daxpy(n, -0.3, x, 1, e, 2);
            blas.daxpy(n, -0.3, x, 1, g, 2);
            assertClose(e, g, 1e-15, "daxpy n=" + n);
            PlainBlas.INSTANCE.dscal(n, 1.7, e, 1);
            blas.dscal(n, 1.7, g, 1);
            assertClose(e, g, 1e-15, "dscal n=" + n);

            float[] ef = yf.clone();
            float[] gf = yf.clone();
            PlainBlas.INSTANCE.saxpy(n, -0.3f, xf, 1, ef, 2);
            blas.saxpy(n, -0.3f, xf, 1, gf, 2);
            PlainBlas.INSTANCE.sscal(n, 1.7f, ef, 1);
            blas.sscal(n, 1.7f, gf, 1);
            assertClose(toDoubles(ef), toDoubles(gf), 1e-6, "saxpy+sscal n=" + n);
        }
    }

    @Test
    void splittingAcrossThreadsGivesTheSameBits() {
        Blas blas = Backends.create(Backends.VECTOR);
        SplittableRandom rnd = new SplittableRandom(15);
        int m = 301;
        int n = 70;
        int k = 90;
        double[] a = randomDoubles(rnd, m * k);
        double[] b = randomDoubles(rnd, k * n);
        double[] one = new double[m * n];
        double[] two = new double[m * n];
        int before = Backends.threads();
        try {
            Backends.setThreads(1);
            blas.dgemm(false, true, m, n, k, 1.0, a, 0, k, b, 0, k, 0.0, one, 0, n);
            Backends.setThreads(2);
            blas.dgemm(false, true, m, n, k, 1.0, a, 0, k, b, 0, k, 0.0, two, 0, n);
        } finally {
            Backends.setThreads(before);
        }
        assertTrue(Arrays.equals(one, two), "2-thread GEMM differs from 1-thread GEMM");
        assertTrue(one[0] != 0, "product was computed");
    }

    @Test
    void nativeBackendIsCheckedWhenALibraryIsInstalled() {
        assumeTrue(Backends.nativeLibrary().isPresent(), "no native libblas.so.3 installed");
        assertTrue(backends().anyMatch(b -> !b.name().equals("vector-api")),
                "a native libblas.so.3 exists but the native back-end did not load");
    }

    private static void assertClose(double[] expected, double[] actual, double relTol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), what + ": wrote outside the output at " + i);
            } else {
                assertEquals(expected[i], actual[i], relTol * (1 + Math.abs(expected[i])), what + " at " + i);
            }
        }
    }

    static double[] randomDoubles(SplittableRandom rnd, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    private static float[] randomFloats(SplittableRandom rnd, int size) {
        return toFloats(randomDoubles(rnd, size));
    }

    private static double[] abs(double[] v) {
        return Arrays.stream(v).map(Math::abs).toArray();
    }

    private static float[] abs(float[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.abs(v[i]);
        }
        return r;
    }

    private static float[] toFloats(double[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) v[i];
        }
        return r;
    }

    private static double[] toDoubles(float[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }
}
