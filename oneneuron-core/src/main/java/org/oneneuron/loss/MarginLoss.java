package org.oneneuron.loss;

/**
 * A loss ℓ(z) of the margin variable z = -y·f (PAPER.md §1) with ℓ'(z) and ℓ''(z). For ±1
 * labels ∂ℓ/∂f = -y ℓ'(z) and ∂²ℓ/∂f² = ℓ''(z).
 */
public interface MarginLoss extends SampleLoss {

    /** ℓ(z). */
    double value(double z);

    /** ℓ'(z). */
    double d1(double z);

    /** ℓ''(z). */
    double d2(double z);

    /**
     * Whether ℓ meets Assumption 1 of PAPER.md §1 in full (non-decreasing, C², every critical
     * point a global minimum, every global minimizer negative); {@link #description()} says why.
     */
    boolean satisfiesAssumption1();

    @Override
    default double valueAt(double f, double y) {
        return value(-y * f);
    }

    @Override
    default double d1At(double f, double y) {
        return -y * d1(-y * f);
    }

    @Override
    default double d2At(double f, double y) {
        return y * y * d2(-y * f);
    }
}
