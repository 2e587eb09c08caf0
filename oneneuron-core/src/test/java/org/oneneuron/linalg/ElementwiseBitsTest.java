package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every element gets the same bits from the vector lanes, the scalar tail and the scalar fallback:
 * {@link VectorElementwise} against {@link DeterministicMath} element by element, over lengths
 * 0..80 and offsets 0..3 so each input lands in a vector chunk for some runs and in the tail for
 * others. The (leaky) ReLU kernel against {@link org.oneneuron.model.Activation}'s rule.
 */
class ElementwiseBitsTest {

    private static final ElementwiseKernels VECTOR = new VectorElementwise();

    private static double[] inputs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            709.78, -745.1, 0.625, -0.625, 1e-310, 19.1, -9.05};
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (rnd.nextInt(4)) {
                case 0 -> special[rnd.nextInt(special.length)];
                case 1 -> rnd.nextDouble(-1, 1);
                case 2 -> rnd.nextDouble(-40, 40);
                default -> rnd.nextDouble(-750, 750);
            };
        }
        return x;
    }

    @Test
    void doubleVectorKernelsEqualScalarBitForBit() {
        for (int n = 0; n <= 80; n++) {
            for (int off = 0; off < 4; off++) {
                double[] x = inputs(n + off, 31L * n + off);
                double[] out = new double[n + 3];
                VECTOR.tanh(x, off, out, 3, n);
                for (int i = 0; i < n; i++) {
                    assertBits(DeterministicMath.tanh(x[off + i]), out[3 + i], "tanh", x[off + i]);
                }
                VECTOR.exp(x, off, out, 3, n);
                for (int i = 0; i < n; i++) {
                    assertBits(DeterministicMath.exp(x[off + i]), out[3 + i], "exp", x[off + i]);
                }
                VECTOR.sigmoid(x, off, out, 3, n);
                for (int i = 0; i < n; i++) {
                    assertBits(DeterministicMath.sigmoid(x[off + i]), out[3 + i], "sigmoid", x[off + i]);
                }
            }
        }
    }

    @Test
    void floatVectorKernelsEqualScalarBitForBit() {
        for (int n = 0; n <= 80; n++) {
            for (int off = 0; off < 4; off++) {
                double[] xd = inputs(n + off, 17L * n + off);
                float[] x = new float[xd.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (xd[i] / 8);
                }
                float[] out = new float[n + 2];
                VECTOR.tanh(x, off, out, 2, n);
                for (int i = 0; i < n; i++) {
                    assertBits(DeterministicMath.tanh(x[off + i]), out[2 + i], "tanh", x[off + i]);
                }
                VECTOR.exp(x, off, out, 2, n);
                for (int i = 0; i < n; i++) {
                    assertBits(DeterministicMath.exp(x[off + i]), out[2 + i], "exp", x[off + i]);
                }
                VECTOR.sigmoid(x, off, out, 2, n);
                for (int i = 0; i < n; i++) {
                    assertBits(DeterministicMath.sigmoid(x[off + i]), out[2 + i], "sigmoid", x[off + i]);
                }
            }
        }
    }

    @Test
    void floatReluIsMathMaxBitForBit() {
        for (int n = 0; n <= 80; n++) {
            for (int off = 0; off < 4; off++) {
                double[] xd = inputs(n + off, 11L * n + off);
                float[] x = new float[xd.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) xd[i];
                }
                float[] out = new float[n + 3];
                VECTOR.relu(x, off, out, 3, n);
                for (int i = 0; i < n; i++) {
                    assertBits(Math.max(x[off + i], 0f), out[3 + i], "relu", x[off + i]);
                }
            }
        }
    }

    @Test
    void kinkEqualsTheActivationRuleBitForBit() {
        for (double slope : new double[] {0.0, 0.01, -0.3}) {
            org.oneneuron.model.Activation act = slope == 0 ? org.oneneuron.model.Activation.RELU
                    : org.oneneuron.model.Activation.leakyRelu(slope);
            for (int n = 0; n <= 80; n++) {
                for (int off = 0; off < 4; off++) {
                    double[] x = inputs(n + off, 13L * n + off);
                    double[] out = new double[n + 3];
                    double[] d1 = new double[n + 2];
                    double[] d2 = new double[n + 2];
                    java.util.Arrays.fill(d2, 7);
                    VECTOR.kink(x, off, out, 3, d1, d2, 2, slope, n);
                    for (int i = 0; i < n; i++) {
                        double u = x[off + i];
                        assertBits(act.value(u), out[3 + i], "kink", u);
                        assertBits(act.d1(u), d1[2 + i], "kink d1", u);
                        assertBits(act.d2(u), d2[2 + i], "kink d2", u);
                    }
                }
            }
        }
    }

    @Test
    void columnSumsAddEachColumnInRowOrderBitForBit() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int c = 0; c < 200; c++) {
            int rows = rnd.nextInt(1, 70);
            int cols = rnd.nextInt(1, 90);
            int off = rnd.nextInt(4);
            boolean accumulate = rnd.nextBoolean();
            float[] m = new float[off + rows * cols];
            for (int i = 0; i < m.length; i++) {
                m[i] = (float) (rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-3, 4)));
            }
            float[] out = new float[cols + 2];
            for (int j = 0; j < out.length; j++) {
                out[j] = (float) rnd.nextDouble(-1, 1);
            }
            float[] want = out.clone();
            for (int j = 0; j < cols; j++) {
                float s = accumulate ? want[2 + j] : 0f;
                for (int r = 0; r < rows; r++) {
                    s += m[off + r * cols + j];
                }
                want[2 + j] = s;
            }
            VECTOR.columnSums(m, off, rows, cols, accumulate, out, 2);
            String what = "case " + c + " (seed 23): " + rows + "x" + cols + " off " + off + " accumulate " + accumulate;
            for (int j = 0; j < out.length; j++) {
                assertEquals(Float.floatToIntBits(want[j]), Float.floatToIntBits(out[j]), what + ", column " + j);
            }
        }
    }

    @Test
    void doubleColumnSumsAddEachColumnInRowOrderBitForBit() {
        SplittableRandom rnd = new SplittableRandom(29);
        for (int c = 0; c < 200; c++) {
            int rows = rnd.nextInt(1, 70);
            int cols = rnd.nextInt(1, 90);
            int off = rnd.nextInt(4);
            boolean accumulate = rnd.nextBoolean();
            double[] m = new double[off + rows * cols];
            for (int i = 0; i < m.length; i++) {
                m[i] = rnd.nextInt(50) == 0 ? -0.0 : rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-3, 4));
            }
            double[] out = new double[cols + 2];
            for (int j = 0; j < out.length; j++) {
                out[j] = rnd.nextInt(10) == 0 ? -0.0 : rnd.nextDouble(-1, 1);
            }
            double[] want = out.clone();
            for (int j = 0; j < cols; j++) {
                double s = accumulate ? want[2 + j] : 0.0;
                for (int r = 0; r < rows; r++) {
                    s += m[off + r * cols + j];
                }
                want[2 + j] = s;
            }
            VECTOR.columnSums(m, off, rows, cols, accumulate, out, 2);
            String what = "case " + c + " (seed 29): " + rows + "x" + cols + " off " + off + " accumulate " + accumulate;
            for (int j = 0; j < out.length; j++) {
                assertEquals(Double.doubleToLongBits(want[j]), Double.doubleToLongBits(out[j]), what + ", column " + j);
            }
        }
    }

    @Test
    void multiplyIsTheLoopsProductInBothPrecisions() {
        for (int n : new int[] {0, 7, 511, 512, 513, 1000, 1031}) {
            for (int off = 0; off < 3; off++) {
                double[] a = inputs(n + off, 3L * n + off);
                double[] b = inputs(n + 2, 5L * n + off);
                double[] out = new double[n + 1];
                VECTOR.multiply(a, off, b, 2, out, 1, n);
                float[] af = new float[a.length];
                float[] bf = new float[b.length];
                for (int i = 0; i < a.length; i++) {
                    af[i] = (float) a[i];
                }
                for (int i = 0; i < b.length; i++) {
                    bf[i] = (float) b[i];
                }
                float[] outf = new float[n + 1];
                VECTOR.multiply(af, off, bf, 2, outf, 1, n);
                for (int i = 0; i < n; i++) {
                    assertBits(a[off + i] * b[2 + i], out[1 + i], "multiply", a[off + i]);
                    assertBits(af[off + i] * bf[2 + i], outf[1 + i], "multiply", af[off + i]);
                }
            }
        }
    }

    private static void assertBits(double want, double got, String name, double x) {
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), name + "(" + x + ")");
    }

    private static void assertBits(float want, float got, String name, float x) {
        assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(got), name + "(" + x + ")");
    }
}
