package org.oneneuron.loss;

import java.util.Locale;

/**
 * The polynomial hinge ℓ(z) = max(z + 1, 0)^p, p ≥ 2; ℓ' = p·t^{p-1}, ℓ'' = p(p-1)·t^{p-2} with
 * t = max(z + 1, 0). p = 3 is the cubic hinge, the project's default. For p > 2 it is C² and
 * meets Assumption 1; for p = 2 it is only C¹ (ℓ'' jumps from 0 to 2 at z = -1), so only the
 * proof's first-order part holds.
 */
public record PolynomialHinge(double p) implements MarginLoss {

    public PolynomialHinge {
        if (!(p >= 2) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("hinge power p must be a finite number >= 2, got " + p);
        }
    }

    // value and d1 clamp t at 0 instead of branching (the same numbers: t^p and p·t^{p-1} vanish
    // at 0), so loops over many networks or samples vectorize and do not mispredict.
    @Override
    public double value(double z) {
        double t = Math.max(z + 1, 0);
        return p == 3 ? t * t * t : p == 2 ? t * t : Math.pow(t, p);
    }

    @Override
    public double d1(double z) {
        double t = Math.max(z + 1, 0);
        return p == 3 ? 3 * t * t : p == 2 ? 2 * t : p * Math.pow(t, p - 1);
    }

    @Override
    public double d2(double z) {
        double t = z + 1;
        if (t <= 0) {
            return 0;
        }
        return p == 3 ? 6 * t : p == 2 ? 2 : p * (p - 1) * Math.pow(t, p - 2);
    }

    @Override
    public boolean satisfiesAssumption1() {
        return p > 2;
    }

    /** ℓ = 0 for every z ≤ -1. */
    @Override
    public boolean attainsMinimum() {
        return true;
    }

    @Override
    public String word() {
        if (p == 3) {
            return "cubic-hinge";
        }
        return p == Math.rint(p) ? "hinge-p:" + (long) p : "hinge-p:" + p;
    }

    @Override
    public String description() {
        return p > 2
                ? String.format(Locale.ROOT, "max(z+1,0)^%s: non-decreasing, C², minimizers z <= -1 "
                        + "all negative: meets Assumption 1", fmt())
                : "max(z+1,0)^2: C¹ only (ℓ'' jumps at z = -1): the proof's first-order part holds, "
                        + "the second-order part does not";
    }

    private String fmt() {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }
}
