package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused θ passes on both kernel sets against the plain loops they replace: the same bits for
 * every length (vector chunks and scalar tails), and non-finite float copies are reported.
 */
class ThetaPassesTest {

    private static final List<ThetaKernels> KERNELS = List.of(ScalarThetaKernels.INSTANCE, new VectorThetaKernels());
    private static final int[] LENGTHS = {0, 1, 7, 8, 9, 31, 511, 512, 513, 515, 519, 1024, 1031, 4099};

    private static double[] random(int n, long seed, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rnd.nextGaussian() * Math.exp(rnd.nextDouble(-8, 8));
        }
        return v;
    }

    @Test
    void sgdStepIsTheUpdateLoopAndTheRoundingLoop() {
        for (ThetaKernels k : KERNELS) {
            for (int n : LENGTHS) {
                for (int bulkEnd : new int[] {0, 8 * (n / 16), n - n % 8}) {
                    for (boolean inPlace : new boolean[] {false, true}) {
                        double[] theta = random(n, n, 1);
                        double[] g = random(n, n + 1, 3);
                        float[] bulk = new float[n + 5];
                        for (int i = 0; i < bulk.length; i++) {
                            bulk[i] = (float) (i < n ? g[i] : 1e6);
                        }
                        for (int i = 0; i < bulkEnd; i++) {
                            g[i] = 1e300;          // must not be read: the float bulk stands for it
                        }
                        double eta = 0.0137;
                        double c = 0.71;
                        double[] expected = new double[n];
                        float[] expectedFloat = new float[n];
                        for (int i = 0; i < n; i++) {
                            double gi = i < bulkEnd ? (double) bulk[i] : g[i];
                            expected[i] = theta[i] - eta * (c * gi);
                            expectedFloat[i] = (float) expected[i];
                        }
                        double[] before = theta.clone();
                        double[] to = inPlace ? theta : random(n, 99, 1);
                        float[] th = new float[n];
                        String what = k + " n=" + n + " bulk " + bulkEnd + (inPlace ? " in place" : "");
                        assertTrue(k.sgdStep(theta, bulkEnd == 0 ? null : bulk, bulkEnd, g, eta, c, to, th), what);
                        assertArrayEquals(expected, to, 0.0, what);
                        assertArrayEquals(expectedFloat, th, 0f, what);
                        if (!inPlace) {
                            assertArrayEquals(before, theta, 0.0, what + ": from is left as it was");
                        }
                    }
                }
            }
        }
    }

    @Test
    void sgdStepReportsAFloatCopyThatIsNotFinite() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, 1e39};
        for (ThetaKernels k : KERNELS) {
            for (int n : new int[] {9, 515, 1031}) {
                for (int at : new int[] {0, n / 2, n - 1}) {
                    for (double b : bad) {
                        double[] theta = random(n, at, 1);
                        double[] g = new double[n];
                        theta[at] = b;
                        assertFalse(k.sgdStep(theta, null, 0, g, 0.1, 1, theta, new float[n]), k + " n=" + n + " at " + at);
                    }
                }
            }
        }
    }

    @Test
    void sumOfSquaresIsTheEightPartialSums() {
        for (ThetaKernels k : KERNELS) {
            for (int n : LENGTHS) {
                double[] x = random(n, 3L * n, 1e3);
                double[] s = new double[8];
                int i = 0;
                for (; i + 7 < n; i += 8) {
                    for (int j = 0; j < 8; j++) {
                        s[j] += x[i + j] * x[i + j];
                    }
                }
                double expected = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
                for (; i < n; i++) {
                    expected += x[i] * x[i];
                }
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(k.sumOfSquares(x)),
                        k + " n=" + n);
            }
            double[] x = random(1031, 5, 1);
            x[600] = Double.NaN;
            assertTrue(Double.isNaN(k.sumOfSquares(x)));
            x[600] = Double.NEGATIVE_INFINITY;
            assertFalse(Double.isFinite(k.sumOfSquares(x)));
        }
    }

    @Test
    void widenThenFinishingTheSquaresIsTheSumOfSquaresOfTheChangedArray() {
        for (ThetaKernels k : KERNELS) {
            for (int n : LENGTHS) {
                float[] src = new float[n + 3];
                double[] wide = random(n + 3, 7 * n + 1, 2);
                for (int i = 0; i < src.length; i++) {
                    src[i] = (float) wide[i];
                }
                for (int upTo : new int[] {0, 8 * (n / 16), n - n % 8}) {
                    double[] dst = new double[n];
                    double[] lanes = new double[8];
                    k.widen(src, dst, upTo, lanes);
                    double[] squared = new double[8];
                    k.squares(src, upTo, squared);
                    assertArrayEquals(lanes, squared, 0.0, k + " n=" + n + ": the squares without the copy");
                    for (int i = 0; i < n; i++) {
                        assertEquals(src[i], dst[i], 0.0, k + " n=" + n + " at " + i);
                    }
                    for (int i = upTo; i < n; i += 3) {
                        dst[i] = -2.5 * dst[i] + 1;   // what the penalty and the neuron entries do
                    }
                    String what = k + " n=" + n + " up to " + upTo;
                    assertEquals(Double.doubleToRawLongBits(k.sumOfSquares(dst)),
                            Double.doubleToRawLongBits(k.sumOfSquares(dst, upTo, lanes)), what);
                    assertEquals(Double.doubleToRawLongBits(KERNELS.get(0).sumOfSquares(dst)),
                            Double.doubleToRawLongBits(k.sumOfSquares(dst)), what);
                }
            }
        }
    }
}
