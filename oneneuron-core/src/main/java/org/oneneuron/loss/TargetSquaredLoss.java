package org.oneneuron.loss;

/**
 * The regression loss ℓ(f; t) = ½(f - t)² for real-valued targets t (PAPER.md §6 case B):
 * ∂ℓ/∂f = f - t, ∂²ℓ/∂f² = 1.
 */
public record TargetSquaredLoss() implements SampleLoss {

    @Override
    public double valueAt(double f, double t) {
        double r = f - t;
        return 0.5 * r * r;
    }

    @Override
    public double d1At(double f, double t) {
        return f - t;
    }

    @Override
    public double d2At(double f, double t) {
        return 1;
    }

    /** ℓ = 0 at f = t. */
    @Override
    public boolean attainsMinimum() {
        return true;
    }

    @Override
    public String word() {
        return "target-squared";
    }

    @Override
    public String description() {
        return "½(f - t)² on real targets (regression, Kawaguchi–Kaelbling setting)";
    }
}
