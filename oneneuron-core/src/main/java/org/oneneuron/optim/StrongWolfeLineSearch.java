package org.oneneuron.optim;

import org.oneneuron.objective.Objective;

/**
 * Line search along a descent direction d for φ(α) = L(θ + α·d) satisfying the strong Wolfe
 * conditions φ(α) ≤ φ(0) + c₁αφ'(0) and |φ'(α)| ≤ c₂|φ'(0)| (Nocedal and Wright, Algorithms 3.5
 * and 3.6, with safeguarded cubic interpolation in the zoom).
 *
 * <p>Near a minimizer the decrease φ(0) − φ(α) drowns in round-off long before the gradient is
 * small; there the sufficient-decrease test falls back on Hager and Zhang's approximate Wolfe
 * condition φ(α) ≤ φ(0) + ε|φ(0)| and φ'(α) ≤ (2c₁ − 1)φ'(0), which uses only derivatives. This is
 * what lets L-BFGS reach gradient norms of 1e-10. A trial whose evaluation overflows (NaN, Inf,
 * or the engine's {@code NonFiniteException}, an ArithmeticException) counts as too long a step.
 */
final class StrongWolfeLineSearch {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double ROUND_OFF = 1e-12;
    private static final int MAX_EVALUATIONS = 40;

    private final Objective objective;
    /** The accepted point, its gradient and value after a successful {@link #search}. */
    final double[] point;
    final double[] gradient;
    double value;
    double alpha;

    private double[] theta;
    private double[] direction;
    private double f0;
    private double slope0;
    private double trialValue;
    private double trialSlope;

    StrongWolfeLineSearch(Objective objective) {
        this.objective = objective;
        this.point = new double[objective.dimension()];
        this.gradient = new double[objective.dimension()];
    }

    /**
     * Searches from θ along d. On success {@link #point}, {@link #gradient}, {@link #value} and
     * {@link #alpha} hold the accepted trial.
     *
     * @param theta     the start; not modified
     * @param value0    φ(0)
     * @param slope     φ'(0) = ∇L(θ)·d, negative
     * @param direction d; not modified
     * @param initial   first trial step α > 0
     * @return whether a step satisfying the conditions was found
     */
    boolean search(double[] theta, double value0, double slope, double[] direction, double initial) {
        this.theta = theta;
        this.direction = direction;
        this.f0 = value0;
        this.slope0 = slope;
        double previous = 0;
        double previousValue = value0;
        double previousSlope = slope;
        double a = initial;
        for (int evaluation = 0; evaluation < MAX_EVALUATIONS; evaluation++) {
            evaluate(a);
            if (!sufficient(a) || (evaluation > 0 && trialValue >= previousValue)) {
                return zoom(previous, previousValue, previousSlope, a, trialValue, trialSlope,
                        MAX_EVALUATIONS - evaluation - 1);
            }
            if (Math.abs(trialSlope) <= -C2 * slope0) {
                return accept(a);
            }
            if (trialSlope >= 0) {
                return zoom(a, trialValue, trialSlope, previous, previousValue, previousSlope,
                        MAX_EVALUATIONS - evaluation - 1);
            }
            previous = a;
            previousValue = trialValue;
            previousSlope = trialSlope;
            a *= 2;
        }
        return false;
    }

    private boolean zoom(double lo, double loValue, double loSlope, double hi, double hiValue,
                         double hiSlope, int budget) {
        for (int evaluation = 0; evaluation < budget; evaluation++) {
            double a = interpolate(lo, loValue, loSlope, hi, hiValue, hiSlope);
            evaluate(a);
            if (!sufficient(a) || trialValue >= loValue) {
                hi = a;
                hiValue = trialValue;
                hiSlope = trialSlope;
            } else {
                if (Math.abs(trialSlope) <= -C2 * slope0) {
                    return accept(a);
                }
                if (trialSlope * (hi - lo) >= 0) {
                    hi = lo;
                    hiValue = loValue;
                    hiSlope = loSlope;
                }
                lo = a;
                loValue = trialValue;
                loSlope = trialSlope;
            }
            if (Math.abs(hi - lo) <= 1e-16 * Math.max(Math.abs(lo), Math.abs(hi))) {
                break;
            }
        }
        return false;
    }

    private boolean sufficient(double a) {
        if (!Double.isFinite(trialValue) || !Double.isFinite(trialSlope)) {
            return false;
        }
        if (trialValue <= f0 + C1 * a * slope0) {
            return true;
        }
        return trialValue <= f0 + ROUND_OFF * Math.abs(f0) && trialSlope <= (2 * C1 - 1) * slope0;
    }

    /** Minimizer of the cubic through both ends, kept 10% away from either end; else bisection. */
    private static double interpolate(double a, double fa, double da, double b, double fb, double db) {
        double width = b - a;
        double guess = a + 0.5 * width;
        if (Double.isFinite(fa) && Double.isFinite(fb) && Double.isFinite(da) && Double.isFinite(db)) {
            double d1 = da + db - 3 * (fa - fb) / (a - b);
            double discriminant = d1 * d1 - da * db;
            if (discriminant >= 0) {
                double d2 = Math.signum(width) * Math.sqrt(discriminant);
                double cubic = b - width * (db + d2 - d1) / (db - da + 2 * d2);
                if (Double.isFinite(cubic)) {
                    guess = cubic;
                }
            }
        }
        double low = Math.min(a, b) + 0.1 * Math.abs(width);
        double high = Math.max(a, b) - 0.1 * Math.abs(width);
        return Math.max(low, Math.min(high, guess));
    }

    private void evaluate(double a) {
        Vectors.addScaled(theta, a, direction, point);
        try {
            trialValue = objective.valueAndGradient(point, gradient);
            trialSlope = Vectors.dot(gradient, direction);
        } catch (ArithmeticException overflow) {
            trialValue = Double.NaN;
            trialSlope = Double.NaN;
        }
    }

    private boolean accept(double a) {
        value = trialValue;
        alpha = a;
        return true;
    }
}
