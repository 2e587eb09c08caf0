package org.oneneuron.objective;

/**
 * An objective that evaluates from a float32 copy of θ and lets an optimizer share its passes over
 * θ: the update pass also writes the float copy (instead of the objective rounding θ again in a
 * pass of its own; plain SGD through {@link #sgdStep}, others through {@link #floatTheta}), plain
 * SGD's also widens the float32 gradient (instead of the evaluation writing a double copy first),
 * and the gradient's Σ g_k² comes from the pass that checked the gradient. None of it changes any
 * result.
 */
public interface FloatStaging {

    /**
     * to ← from − η·(c·g), rounding each new θ_k to float for the next evaluation in the same
     * pass; from may be to, and is otherwise left as it was. When every rounded entry is finite the
     * copy is kept for the next evaluation at the array {@code to} (any evaluation drops it; the
     * caller must not change it before then) and true is returned; else to has moved all the same
     * and false is returned. g may be a {@link #deferWidening deferred} gradient.
     */
    boolean sgdStep(double[] from, double[] g, double eta, double c, double[] to);

    /**
     * The float32 copy of θ the next evaluation reads, for an optimizer whose own update pass
     * rounds each new θ_k: it writes (float) to[k] into every entry and then calls
     * {@link #staged}(to) if every one is finite. Taking the array drops any copy staged before.
     */
    float[] floatTheta();

    /**
     * Declares that the caller's pass wrote (float) to[k], finite, into every entry of
     * {@link #floatTheta()}: the next evaluation at the array {@code to} reads that copy instead of
     * rounding θ again (any evaluation drops it; the caller must not change to before then).
     */
    void staged(double[] to);

    /**
     * Lets evaluations into {@code gradient} leave most of its entries in float32 until they are
     * read: by {@link #sgdStep}, which widens them in its own pass, or by {@link #materialize}. Any
     * other evaluation materializes them first. A caller that hands the array on must materialize
     * it; after an evaluation into it that fails, its contents are unspecified. Null: none.
     */
    void deferWidening(double[] gradient);

    /** Writes every entry of {@code gradient} an evaluation left in float32 (no-op when none). */
    void materialize(double[] gradient);

    /**
     * Σ g_k² of the gradient the last evaluation wrote into this array, in eight interleaved
     * partial sums s_j = Σ_{k ≡ j mod 8} g_k² added as ((s₀+s₁)+(s₂+s₃))+((s₄+s₅)+(s₆+s₇)), then
     * the tail in order; NaN when that was not this array. Valid only until the array changes.
     */
    double gradientSquares(double[] gradient);
}
