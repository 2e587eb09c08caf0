package org.oneneuron.loss;

import java.util.Locale;

/**
 * How per-sample losses combine: SUM (the paper's) or MEAN (1/n times the sum). A mean only
 * rescales λ; the set of local minima is the same (PAPER.md §1).
 */
public enum Reduction {
    SUM, MEAN;

    /** The factor in front of Σ_i ω_i ℓ_i over a full set of n samples. */
    public double scale(int n) {
        return this == SUM ? 1.0 : 1.0 / n;
    }

    /**
     * The factor for a minibatch of size m out of n, so that its expectation is the full loss:
     * SUM: n/m, MEAN: 1/m.
     */
    public double batchScale(int m, int n) {
        return this == SUM ? (double) n / m : 1.0 / m;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Reduction parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "sum" -> SUM;
            case "mean" -> MEAN;
            default -> throw new IllegalArgumentException("unknown reduction '" + word + "'; expected sum or mean");
        };
    }
}
