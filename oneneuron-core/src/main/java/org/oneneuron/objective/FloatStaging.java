package org.oneneuron.objective;

/**
 * An objective that evaluates from a float32 copy of θ and lets a plain SGD optimizer share its
 * passes over θ: the update pass also writes the float copy (instead of the objective rounding θ
 * again in a pass of its own), and the gradient's Σ g_k² comes from the pass that checked the
 * gradient. Neither changes any result.
 */
public interface FloatStaging {

    /**
     * previous ← θ (when non-null), then θ ← θ − η·(c·g), rounding each new θ_k to float for the
     * next evaluation in the same pass. When every rounded entry is finite the copy is kept for
     * the next evaluation at this very array (any evaluation drops it; the caller must not change
     * θ before then) and true is returned; else θ has moved all the same and false is returned.
     */
    boolean sgdStep(double[] theta, double[] g, double eta, double c, double[] previous);

    /**
     * Σ g_k² of the gradient the last evaluation wrote into this array, in eight interleaved
     * partial sums s_j = Σ_{k ≡ j mod 8} g_k² added as ((s₀+s₁)+(s₂+s₃))+((s₄+s₅)+(s₆+s₇)), then
     * the tail in order; NaN when that was not this array. Valid only until the array changes.
     */
    double gradientSquares(double[] gradient);
}
