package org.oneneuron.study;

/**
 * The margin losses ℓ(z), z = -y·f, used by {@link ReferenceMlp}: polynomial hinge
 * max(z + 1, 0)^p (cubic-hinge is p = 3), logistic log(1 + e^z) and squared (1 + z)².
 */
record MarginLossFunction(String word, double p) {

    /** Parses cubic-hinge, hinge-p:P, logistic or squared. */
    static MarginLossFunction parse(String word) {
        if (word.equals("cubic-hinge")) {
            return new MarginLossFunction(word, 3);
        }
        if (word.startsWith("hinge-p:")) {
            double p;
            try {
                p = Double.parseDouble(word.substring("hinge-p:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("loss '" + word + "': P is not a number", e);
            }
            if (!(p >= 1)) {
                throw new IllegalArgumentException("loss '" + word + "': P must be >= 1");
            }
            return new MarginLossFunction(word, p);
        }
        if (word.equals("logistic") || word.equals("squared")) {
            return new MarginLossFunction(word, 0);
        }
        throw new IllegalArgumentException("unknown loss '" + word
                + "'; expected cubic-hinge, hinge-p:P, logistic or squared");
    }

    /** ℓ(z). */
    double value(double z) {
        if (p > 0) {
            double u = Math.max(z + 1, 0);
            return p == 3 ? u * u * u : Math.pow(u, p);
        }
        if (word.equals("logistic")) {
            return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return (1 + z) * (1 + z);
    }

    /** ℓ'(z). */
    double d1(double z) {
        if (p > 0) {
            double u = Math.max(z + 1, 0);
            return p == 3 ? 3 * u * u : p * Math.pow(u, p - 1);
        }
        if (word.equals("logistic")) {
            return z > 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }
        return 2 * (1 + z);
    }

    /** True for losses without an attained minimum on separable data (the logistic loss). */
    boolean unattained() {
        return word.equals("logistic");
    }
}
