package org.oneneuron.linalg;

/**
 * exp, tanh and σ built only from IEEE operations whose Java results are exact by specification
 * (+, −, ×, ÷, {@link Math#fma}, min/max, compares, bit shifts on the exponent), so the same input
 * gives the same bits interpreted, C1- or C2-compiled, and in every lane of
 * {@link VectorElementwise}, which runs the same operation sequence lane-wise. No java.lang.Math
 * transcendental is used.
 *
 * <p>exp: x = k·ln2 + r with k = round(x·log₂e), ln2 split into hi + lo (Cody–Waite),
 * |r| ≤ ln2/2, exp(r) by its Taylor polynomial (degree 13 double, 7 float, Horner with fma), then
 * ·2^k1·2^k2 with k1 + k2 = k so overflow to +∞ and gradual underflow round once. tanh on
 * a = |x|: a &lt; {@value #TANH_SWITCH} uses the Padé form a·P(a²)/Q(a²) of Lambert's continued
 * fraction written as a − a·s·D(s)/Q(s), s = a²; otherwise 1 − 2/(exp(2a) + 1) (saturates to 1
 * by itself); the sign is copied from x. σ(x) = N/(1 + e) with e = exp(−|x|) and N = 1 for
 * x ≥ 0, N = e otherwise (relative accuracy on both tails).
 */
public final class DeterministicMath {

    static final double LOG2E = 1.4426950408889634;
    static final double SHIFTER = 0x1.8p52;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double EXP_MIN = -746;
    static final double EXP_MAX = 710;
    static final long ONE_BITS = 0x3ff0000000000000L;
    static final long SIGN = 0x8000000000000000L;
    /** exp(r) Taylor coefficients 1/j!, j = 13 down to 0. */
    static final double[] EXP_POLY = {1.6059043836821613e-10, 2.08767569878681e-09,
        2.505210838544172e-08, 2.755731922398589e-07, 2.7557319223985893e-06, 2.48015873015873e-05,
        0.0001984126984126984, 0.001388888888888889, 0.008333333333333333, 0.041666666666666664,
        0.16666666666666666, 0.5, 1.0, 1.0};
    static final double TANH_SWITCH = 0.625;
    /** tanh(a) ≈ a − a·s·D(s)/Q(s), s = a², coefficients highest degree first. */
    static final double[] TANH_D = {4.9333382666716e-07, 0.00029304029304029304,
        0.022222222222222223, 0.3333333333333333};
    static final double[] TANH_Q = {4.9333382666716e-07, 0.0003108003108003108,
        0.02564102564102564, 0.4666666666666667, 1.0};

    static final float LOG2E_F = 1.44269504f;
    static final float SHIFTER_F = 0x1.8p23f;
    static final float LN2_HI_F = 0.693145751953125f;
    static final float LN2_LO_F = 1.42860682030941723212e-06f;
    static final float EXP_MIN_F = -104f;
    static final float EXP_MAX_F = 89f;
    static final int ONE_BITS_F = 0x3f800000;
    static final int SIGN_F = 0x80000000;
    static final float[] EXP_POLY_F = {0.00019841270113829523f, 0.0013888889225199819f,
        0.008333333767950535f, 0.0416666679084301f, 0.1666666716337204f, 0.5f, 1.0f, 1.0f};
    static final float TANH_SWITCH_F = 0.625f;
    static final float[] TANH_D_F = {0.014814814552664757f, 0.3333333432674408f};
    static final float[] TANH_Q_F = {0.01587301678955555f, 0.4444444477558136f, 1.0f};

    private DeterministicMath() {
    }

    /** e^x, within about 1 ulp of the exact value; NaN → NaN, overflow → +∞, underflow → 0. */
    public static double exp(double x) {
        double xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        double t = Math.fma(xc, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, xc));
        double p = EXP_POLY[0];
        for (int j = 1; j < EXP_POLY.length; j++) {
            p = Math.fma(p, r, EXP_POLY[j]);
        }
        double t1 = k * 0.5 + SHIFTER;
        double t2 = (k - (t1 - SHIFTER)) + SHIFTER;
        return p * pow2(t1) * pow2(t2);
    }

    /** tanh(x), odd, saturating to ±1. */
    public static double tanh(double x) {
        double a = Math.abs(x);
        double y = a < TANH_SWITCH ? tanhSmall(a) : tanhLarge(a);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) | (Double.doubleToRawLongBits(x) & SIGN));
    }

    /** σ(x) = 1 / (1 + e^−x). */
    public static double sigmoid(double x) {
        double e = exp(-Math.abs(x));
        return (x >= 0 ? 1.0 : e) / (1.0 + e);
    }

    /** e^x in single precision. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_MIN_F), EXP_MAX_F);
        float t = Math.fma(xc, LOG2E_F, SHIFTER_F);
        float k = t - SHIFTER_F;
        float r = Math.fma(-k, LN2_LO_F, Math.fma(-k, LN2_HI_F, xc));
        float p = EXP_POLY_F[0];
        for (int j = 1; j < EXP_POLY_F.length; j++) {
            p = Math.fma(p, r, EXP_POLY_F[j]);
        }
        float t1 = k * 0.5f + SHIFTER_F;
        float t2 = (k - (t1 - SHIFTER_F)) + SHIFTER_F;
        return p * pow2(t1) * pow2(t2);
    }

    /** tanh(x) in single precision. */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float y = a < TANH_SWITCH_F ? tanhSmall(a) : tanhLarge(a);
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) | (Float.floatToRawIntBits(x) & SIGN_F));
    }

    /** σ(x) in single precision. */
    public static float sigmoid(float x) {
        float e = exp(-Math.abs(x));
        return (x >= 0 ? 1.0f : e) / (1.0f + e);
    }

    /** 2^k for t = k + SHIFTER: the low mantissa bits of t hold k in two's complement. */
    private static double pow2(double t) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(t) << 52) + ONE_BITS);
    }

    private static float pow2(float t) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(t) << 23) + ONE_BITS_F);
    }

    private static double tanhSmall(double a) {
        double s = a * a;
        double d = TANH_D[0];
        for (int j = 1; j < TANH_D.length; j++) {
            d = Math.fma(d, s, TANH_D[j]);
        }
        double q = TANH_Q[0];
        for (int j = 1; j < TANH_Q.length; j++) {
            q = Math.fma(q, s, TANH_Q[j]);
        }
        return Math.fma(-(a * s), d / q, a);
    }

    private static double tanhLarge(double a) {
        return 1.0 - 2.0 / (exp(a + a) + 1.0);
    }

    private static float tanhSmall(float a) {
        float s = a * a;
        float d = Math.fma(TANH_D_F[0], s, TANH_D_F[1]);
        float q = Math.fma(Math.fma(TANH_Q_F[0], s, TANH_Q_F[1]), s, TANH_Q_F[2]);
        return Math.fma(-(a * s), d / q, a);
    }

    private static float tanhLarge(float a) {
        return 1.0f - 2.0f / (exp(a + a) + 1.0f);
    }
}
