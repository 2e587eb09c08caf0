package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The finiteness scans and the ReLU reverse pass on both kernel sets: one bad entry is found at
 * every position (vector chunk or scalar tail) and at every offset, entries outside the range are
 * ignored, and the ReLU mask gives the same bits as its definition.
 */
class ElementwiseChecksTest {

    private static final List<ElementwiseKernels> KERNELS =
            List.of(ScalarElementwise.INSTANCE, new VectorElementwise());

    @Test
    void allFiniteFindsOneBadEntryAnywhereInTheRange() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (ElementwiseKernels k : KERNELS) {
            for (int n : lengths()) {
                for (int off = 0; off < 3; off++) {
                    double[] v = randomFinite(n + off + 2, n);
                    assertTrue(k.allFinite(v, off, n), k + " n=" + n);
                    assertTrue(k.allFinite(toFloat(v), off, n), k + " float n=" + n);
                    for (int i = 0; i < n; i++) {
                        double keep = v[off + i];
                        v[off + i] = bad[i % 3];
                        assertFalse(k.allFinite(v, off, n), k + " n=" + n + " bad at " + i);
                        assertFalse(k.allFinite(toFloat(v), off, n), k + " float n=" + n + " bad at " + i);
                        v[off + i] = keep;
                    }
                    v[v.length - 1] = Double.NaN;
                    if (off > 0) {
                        v[off - 1] = Double.POSITIVE_INFINITY;
                    }
                    assertTrue(k.allFinite(v, off, n), k + ": entries outside the range count");
                }
            }
        }
    }

    @Test
    void floatOverflowOfAFiniteDoubleIsNotFinite() {
        float[] v = {1f, (float) 1e39, 2f, 3f, 4f, 5f, 6f, 7f, 8f};
        for (ElementwiseKernels k : KERNELS) {
            assertFalse(k.allFinite(v, 0, v.length));
        }
    }

    @Test
    void reluBackwardKeepsPositiveLanesAndScalesTheRest() {
        for (float slope : new float[] {0f, 0.01f}) {
            for (int n : lengths()) {
                SplittableRandom rnd = new SplittableRandom(n);
                float[] z = new float[n + 2];
                float[] v0 = new float[n + 1];
                for (int i = 0; i < z.length; i++) {
                    z[i] = switch (rnd.nextInt(4)) {
                        case 0 -> 0f;
                        case 1 -> -0f;
                        default -> (float) rnd.nextGaussian();
                    };
                }
                for (int i = 0; i < v0.length; i++) {
                    v0[i] = (float) rnd.nextGaussian();
                }
                for (ElementwiseKernels k : KERNELS) {
                    float[] v = v0.clone();
                    k.reluBackward(z, 2, v, 1, slope, n);
                    assertEquals(v0[0], v[0], "entry before the range");
                    for (int i = 0; i < n; i++) {
                        float zi = z[2 + i];
                        float want = zi > 0 ? v0[1 + i] : slope == 0f ? 0f : slope * v0[1 + i];
                        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(v[1 + i]),
                                k + " slope " + slope + " z=" + zi + " v=" + v0[1 + i]);
                    }
                }
            }
        }
    }

    /** Short lengths (scalar path) and lengths past the vector threshold with every tail size. */
    private static int[] lengths() {
        int[] n = new int[41 + 20];
        for (int i = 0; i <= 40; i++) {
            n[i] = i;
        }
        for (int i = 0; i < 20; i++) {
            n[41 + i] = VectorElementwise.SCALAR_BELOW + i;
        }
        return n;
    }

    private static double[] randomFinite(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian() * 1e3;
        }
        return v;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
