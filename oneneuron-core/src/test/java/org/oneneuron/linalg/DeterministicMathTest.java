package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link DeterministicMath} against StrictMath (fdlibm, under 1 ulp): exp ≤ 1 ulp and
 * tanh ≤ 2 ulp measured, asserted ≤ 2; σ ≤ 3 ulp against an exact division of StrictMath's exp;
 * float ≤ 4 ulp against the double functions; plus the IEEE edge cases.
 */
class DeterministicMathTest {

    private static final MathContext MC = new MathContext(40);

    private static double[] inputs() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[200_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 5) {
                case 0 -> rnd.nextDouble(-746, 710);
                case 1 -> rnd.nextDouble(-3, 3);
                case 2 -> rnd.nextDouble(-1, 1) * Math.scalb(1.0, -rnd.nextInt(60));
                case 3 -> 0.625 + rnd.nextDouble(-1e-3, 1e-3);
                default -> rnd.nextDouble(-25, 25);
            };
        }
        return x;
    }

    private static double ulps(double got, double want) {
        return got == want ? 0 : Math.abs(got - want) / Math.ulp(want);
    }

    @Test
    void doubleExpAndTanhAreWithinTwoUlpsOfStrictMath() {
        for (double x : inputs()) {
            double e = DeterministicMath.exp(x);
            double want = StrictMath.exp(x);
            double tol = want < Double.MIN_NORMAL ? Double.MIN_VALUE : 2 * Math.ulp(want);
            assertTrue(e == want || Math.abs(e - want) <= tol, "exp(" + x + ") = " + e + " vs " + want);
            assertTrue(ulps(DeterministicMath.tanh(x), StrictMath.tanh(x)) <= 2,
                    "tanh(" + x + ") = " + DeterministicMath.tanh(x) + " vs " + StrictMath.tanh(x));
        }
    }

    @Test
    void doubleSigmoidIsWithinThreeUlps() {
        double[] inputs = inputs();
        for (int i = 0; i < inputs.length; i += 40) {
            double x = inputs[i];
            double e = StrictMath.exp(-Math.abs(x));
            BigDecimal num = x >= 0 ? BigDecimal.ONE : new BigDecimal(e);
            double want = num.divide(BigDecimal.ONE.add(new BigDecimal(e)), MC).doubleValue();
            double got = DeterministicMath.sigmoid(x);
            double tol = want < Double.MIN_NORMAL ? Double.MIN_VALUE : 3 * Math.ulp(want);
            assertTrue(got == want || Math.abs(got - want) <= tol, "sigmoid(" + x + ") = " + got + " vs " + want);
        }
    }

    @Test
    void floatFunctionsAreWithinFourUlps() {
        for (double xd : inputs()) {
            float x = (float) (xd / 8);
            checkFloat("exp", DeterministicMath.exp(x), StrictMath.exp(x));
            checkFloat("tanh", DeterministicMath.tanh(x), StrictMath.tanh(x));
            checkFloat("sigmoid", DeterministicMath.sigmoid(x), 1 / (1 + StrictMath.exp(-(double) x)));
        }
    }

    private static void checkFloat(String name, float got, double wantDouble) {
        float want = (float) wantDouble;
        double tol = Math.abs(want) < Float.MIN_NORMAL ? Float.MIN_VALUE : 4.0 * Math.ulp(want);
        assertTrue(got == want || Math.abs(got - wantDouble) <= tol, name + " = " + got + " vs " + wantDouble);
    }

    @Test
    void edgeCasesFollowIeee() {
        assertEquals(1.0, DeterministicMath.exp(0.0));
        assertEquals(1.0, DeterministicMath.exp(-0.0));
        assertEquals(1.0, DeterministicMath.exp(Double.MIN_VALUE));
        assertEquals(Double.POSITIVE_INFINITY, DeterministicMath.exp(709.79));
        assertEquals(StrictMath.exp(709.78), DeterministicMath.exp(709.78), Math.ulp(StrictMath.exp(709.78)));
        assertEquals(Double.POSITIVE_INFINITY, DeterministicMath.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, DeterministicMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, DeterministicMath.exp(-745.2));
        assertEquals(0.0, DeterministicMath.exp(-1e300));
        assertEquals(Double.MIN_VALUE, DeterministicMath.exp(-745.0));
        assertEquals(StrictMath.exp(-740.0), DeterministicMath.exp(-740.0));
        assertEquals(StrictMath.exp(-709.78), DeterministicMath.exp(-709.78), Math.ulp(StrictMath.exp(-709.78)));
        assertTrue(Double.isNaN(DeterministicMath.exp(Double.NaN)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(DeterministicMath.tanh(-0.0)));
        assertEquals(1e-310, DeterministicMath.tanh(1e-310));
        assertEquals(-1e-20, DeterministicMath.tanh(-1e-20));
        assertEquals(1.0, DeterministicMath.tanh(19.1));
        assertEquals(-1.0, DeterministicMath.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, DeterministicMath.tanh(1e308));
        assertTrue(Double.isNaN(DeterministicMath.tanh(Double.NaN)));
        assertEquals(0.5, DeterministicMath.sigmoid(0.0));
        assertEquals(1.0, DeterministicMath.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, DeterministicMath.sigmoid(Double.NEGATIVE_INFINITY));
        assertEquals(StrictMath.exp(-700.0), DeterministicMath.sigmoid(-700.0), Math.ulp(StrictMath.exp(-700.0)));
        assertTrue(Double.isNaN(DeterministicMath.sigmoid(Double.NaN)));
        assertEquals(Float.POSITIVE_INFINITY, DeterministicMath.exp(88.73f));
        assertEquals(0.0f, DeterministicMath.exp(-104f));
        assertEquals(Float.MIN_VALUE, DeterministicMath.exp(-103.5f));
        assertEquals(1.0f, DeterministicMath.tanh(9.1f));
        assertEquals(-1.0f, DeterministicMath.tanh(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(DeterministicMath.tanh(Float.NaN)));
        assertEquals(0.0f, DeterministicMath.sigmoid(Float.NEGATIVE_INFINITY));
    }
}
