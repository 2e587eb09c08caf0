package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The vectorized element-wise kernels against java.lang.Math, in ulps. */
class ArrayMathTest {

    private static final int MAX_ULPS_DOUBLE = 4;
    private static final int MAX_ULPS_FLOAT = 4;

    private static double[] inputs() {
        SplittableRandom rnd = new SplittableRandom(21);
        double[] x = new double[4099];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? rnd.nextDouble(-1, 1) : rnd.nextDouble(-30, 30);
        }
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 700, -700, 800, -800, 1e-8, 25, -25,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        System.arraycopy(special, 0, x, 5, special.length);
        return x;
    }

    @Test
    void doubleKernelsMatchMathWithinAFewUlps() {
        check("tanh", Math::tanh, (s, d) -> ArrayMath.tanh(s, 1, d, 2, s.length - 1));
        check("exp", Math::exp, (s, d) -> ArrayMath.exp(s, 1, d, 2, s.length - 1));
        check("sigmoid", v -> 1 / (1 + Math.exp(-v)), (s, d) -> ArrayMath.sigmoid(s, 1, d, 2, s.length - 1));
    }

    @Test
    void floatKernelsMatchMathWithinAFewUlps() {
        checkFloat("tanh", Math::tanh, (s, d) -> ArrayMath.tanh(s, 1, d, 2, s.length - 1));
        checkFloat("exp", Math::exp, (s, d) -> ArrayMath.exp(s, 1, d, 2, s.length - 1));
        checkFloat("sigmoid", v -> 1 / (1 + Math.exp(-v)), (s, d) -> ArrayMath.sigmoid(s, 1, d, 2, s.length - 1));
    }

    @Test
    void inPlaceGivesTheSameBitsAsOutOfPlace() {
        double[] x = inputs();
        double[] out = new double[x.length];
        ArrayMath.tanh(x, 0, out, 0, x.length);
        double[] again = x.clone();
        ArrayMath.tanh(again, 0, again, 0, again.length);
        assertArrayEquals(out, again);
    }

    private interface DoubleKernel {
        void apply(double[] src, double[] dst);
    }

    private interface FloatKernel {
        void apply(float[] src, float[] dst);
    }

    private static void check(String name, DoubleUnaryOperator ref, DoubleKernel kernel) {
        double[] x = inputs();
        double[] out = new double[x.length + 1];
        out[0] = 42;
        out[1] = 43;
        kernel.apply(x, out);
        assertEquals(42, out[0]);
        assertEquals(43, out[1]);
        for (int i = 1; i < x.length; i++) {
            double want = ref.applyAsDouble(x[i]);
            double got = out[i + 1];
            if (Double.isNaN(want)) {
                assertTrue(Double.isNaN(got), name + "(" + x[i] + ")");
            } else {
                double ulps = Math.abs(want - got) / Math.ulp(want);
                assertTrue(want == got || ulps <= MAX_ULPS_DOUBLE,
                        name + "(" + x[i] + ") = " + got + ", Math gives " + want + " (" + ulps + " ulps)");
            }
        }
    }

    private static void checkFloat(String name, DoubleUnaryOperator ref, FloatKernel kernel) {
        double[] xd = inputs();
        float[] x = new float[xd.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) xd[i];
        }
        float[] out = new float[x.length + 1];
        kernel.apply(x, out);
        for (int i = 1; i < x.length; i++) {
            float want = (float) ref.applyAsDouble(x[i]);
            float got = out[i + 1];
            if (Float.isNaN(want)) {
                assertTrue(Float.isNaN(got), name + "(" + x[i] + ")");
            } else {
                double ulps = Math.abs((double) want - got) / Math.ulp(want);
                assertTrue(want == got || ulps <= MAX_ULPS_FLOAT,
                        name + "(" + x[i] + ") = " + got + ", Math gives " + want + " (" + ulps + " ulps)");
            }
        }
    }
}
