package org.oneneuron.loss;

/**
 * The logistic loss ℓ(z) = log(1 + e^z), computed without overflow as z + log1p(e^{-z}) for
 * z > 0; ℓ' = sigmoid(z), ℓ'' = sigmoid(z)(1 - sigmoid(z)). Not covered by Assumption 1: ℓ' > 0
 * everywhere, so ℓ has no critical point and the augmented loss has no local minimum at all.
 */
public record LogisticLoss() implements MarginLoss {

    @Override
    public double value(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    @Override
    public double d1(double z) {
        return sigmoid(z);
    }

    @Override
    public double d2(double z) {
        double s = sigmoid(z);
        return s * (1 - s);
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    @Override
    public boolean satisfiesAssumption1() {
        return false;
    }

    /** ℓ > 0 everywhere: 0 is only approached as z → -∞. */
    @Override
    public boolean attainsMinimum() {
        return false;
    }

    @Override
    public String word() {
        return "logistic";
    }

    @Override
    public String description() {
        return "logistic log(1+e^z): ℓ' > 0 everywhere, no critical point, no attained minimum: "
                + "fails Assumption 1";
    }
}
