package org.oneneuron.objective;

/**
 * An objective that is a reduction over n samples plus a penalty, so that a minibatch gradient
 * exists: L_B(θ) = scale(B) · Σ_{i∈B} ℓ_i(θ) + penalty(θ), scaled so that E[L_B] = L.
 */
public interface SampledObjective extends Objective {

    /** Number of samples n. */
    int sampleCount();

    /**
     * Minibatch value and gradient over samples {@code indices[from..to)}.
     *
     * @param theta    the point; not modified
     * @param indices  sample indices; not modified
     * @param from     first position in indices, inclusive
     * @param to       last position in indices, exclusive
     * @param gradient receives ∇L_B(θ); modified
     * @return L_B(θ)
     */
    double batchValueAndGradient(double[] theta, int[] indices, int from, int to, double[] gradient);

    @Override
    SampledObjective copy();
}
