package org.oneneuron.objective;

import java.util.List;

/**
 * The special neuron's state at one point (PAPER.md §5): judge "the neuron carries the fit" by
 * {@code maxContribution} = max_i |a·E_i| and by {@code networkOnlyLoss}, not by a·e^b. With K
 * outputs (one neuron per output, PAPER.md §10) a, b and ‖w‖ summarize the K neurons and
 * {@code outputs} holds each one's a_k, b_k and ‖w_k‖ (empty with one output).
 *
 * @param a               output weight a of the neuron
 * @param b               bias b inside the neuron
 * @param wNorm           ‖w‖ of its input weights
 * @param maxContribution max_i |a·σ(wᵀx_i + b)| over the training data (σ = exp for the paper's unit)
 * @param networkOnlyLoss the data loss of the network with the neuron removed (same reduction)
 * @param outputs         each output's neuron when there are two or more, else empty
 */
public record NeuronSnapshot(double a, double b, double wNorm, double maxContribution,
                             double networkOnlyLoss, List<Output> outputs) {

    /**
     * One output's neuron, read off θ.
     *
     * @param a     a_k
     * @param b     b_k
     * @param wNorm ‖w_k‖
     */
    public record Output(double a, double b, double wNorm) {
    }

    public NeuronSnapshot {
        outputs = List.copyOf(outputs);
    }

    /** A one-output snapshot. */
    public NeuronSnapshot(double a, double b, double wNorm, double maxContribution, double networkOnlyLoss) {
        this(a, b, wNorm, maxContribution, networkOnlyLoss, List.of());
    }
}
