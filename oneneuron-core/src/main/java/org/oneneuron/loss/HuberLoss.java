package org.oneneuron.loss;

import java.util.Locale;

/**
 * The Huber loss of a real target t with threshold δ > 0, r = f - t:
 * ℓ = ½r² for |r| ≤ δ, δ(|r| - ½δ) beyond; ℓ' = clamp(r, -δ, δ); ℓ'' = 1 for |r| < δ, else 0
 * (the one-sided value at |r| = δ). Convex, C¹, minimum 0 at f = t. PyTorch's
 * {@code HuberLoss(delta=δ)} per sample.
 */
public record HuberLoss(double delta) implements SampleLoss {

    public HuberLoss {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber threshold δ must be a finite number > 0, got " + delta);
        }
    }

    @Override
    public double valueAt(double f, double t) {
        double r = f - t;
        double a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    @Override
    public double d1At(double f, double t) {
        return Math.max(-delta, Math.min(delta, f - t));
    }

    @Override
    public double d2At(double f, double t) {
        return Math.abs(f - t) < delta ? 1 : 0;
    }

    /** ℓ = 0 at f = t. */
    @Override
    public boolean attainsMinimum() {
        return true;
    }

    @Override
    public String word() {
        return delta == 1 ? "huber" : "huber:" + format(delta);
    }

    private static String format(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    @Override
    public String description() {
        return "Huber: ½r² for |r| ≤ " + format(delta) + ", linear beyond (r = f - t): convex, C¹, minimum 0 at f = t";
    }
}
