package org.oneneuron.loss;

/**
 * The squared margin loss ℓ(z) = (1 + z)², i.e. (1 - y·f)² for ±1 labels; ℓ' = 2(1 + z),
 * ℓ'' = 2. Not covered by Assumption 1: it is not monotone (it punishes margins beyond 1).
 */
public record SquaredLoss() implements MarginLoss {

    @Override
    public double value(double z) {
        double t = 1 + z;
        return t * t;
    }

    @Override
    public double d1(double z) {
        return 2 * (1 + z);
    }

    @Override
    public double d2(double z) {
        return 2;
    }

    @Override
    public boolean satisfiesAssumption1() {
        return false;
    }

    /** ℓ = 0 at z = -1. */
    @Override
    public boolean attainsMinimum() {
        return true;
    }

    @Override
    public String word() {
        return "squared";
    }

    @Override
    public String description() {
        return "squared (1+z)^2: not monotone (decreases for z < -1): fails Assumption 1";
    }
}
