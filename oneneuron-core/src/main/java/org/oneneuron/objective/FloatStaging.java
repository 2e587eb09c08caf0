package org.oneneuron.objective;

/**
 * An objective that evaluates from a float32 copy of θ and lets the optimizer share its passes over
 * θ: the optimizer writes (float) θ while it moves θ, instead of the objective rounding θ again in
 * a pass of its own, and reads the gradient's Σ g_k² from the pass that checked the gradient.
 * Both are hand-offs for the very next call only; neither changes any result.
 */
public interface FloatStaging {

    /** The buffer, of the objective's dimension, the next evaluation reads (float) θ from. */
    float[] stagedTheta();

    /**
     * Declares that {@link #stagedTheta()}[k] == (float) theta[k] for every k, all finite. The
     * next evaluation at this very array then skips its own rounding and check; any evaluation
     * drops the declaration, and the caller must not change θ before that next evaluation.
     */
    void staged(double[] theta);

    /**
     * Σ g_k² of the gradient the last evaluation wrote into this array, summed as
     * {@code ThetaPasses.sumOfSquares} sums (the same bits); NaN when that was not this array or
     * not computed. Valid only until the array is changed.
     */
    double gradientSquares(double[] gradient);
}
