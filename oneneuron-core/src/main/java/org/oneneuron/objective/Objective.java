package org.oneneuron.objective;

import java.util.Optional;

/**
 * A twice-differentiable scalar function L(θ) over a flat parameter vector: the one seam between
 * learning and analysis. Optimizers, landscape tools and studies see only this interface.
 *
 * <p>Implementations are not thread-safe (they own work buffers); {@link #copy()} gives an
 * independent evaluator over the same read-only data for use on another thread.
 */
public interface Objective {

    /** Number of parameters, the length of θ. */
    int dimension();

    /** L(θ). θ: not modified. */
    double value(double[] theta);

    /**
     * L(θ) and ∇L(θ) in one pass.
     *
     * @param theta    the point; not modified
     * @param gradient receives ∇L(θ), length {@link #dimension()}; modified
     * @return L(θ)
     */
    double valueAndGradient(double[] theta, double[] gradient);

    /**
     * The exact Hessian-vector product H(θ)·v (analytic, not a difference of gradients).
     *
     * @param theta the point; not modified
     * @param v     the direction; not modified
     * @param out   receives H(θ)·v; modified; must not alias theta or v
     */
    void hessianVector(double[] theta, double[] v, double[] out);

    /** An independent evaluator over the same data, safe to use from another thread. */
    Objective copy();

    /**
     * The special neuron's figures at θ, for objectives that have one (PAPER.md §5): |a|, b, ‖w‖,
     * max_i |a·E_i| and the loss of the network alone. Empty for plain objectives.
     */
    default Optional<NeuronSnapshot> neuron(double[] theta) {
        return Optional.empty();
    }
}
