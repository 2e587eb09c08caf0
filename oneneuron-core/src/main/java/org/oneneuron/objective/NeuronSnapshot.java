package org.oneneuron.objective;

/**
 * The special neuron's state at one point (PAPER.md §5): judge "the neuron carries the fit" by
 * {@code maxContribution} = max_i |a·E_i| and by {@code networkOnlyLoss}, not by a·e^b.
 *
 * @param a               output weight a of the neuron
 * @param b               bias b inside the neuron
 * @param wNorm           ‖w‖ of its input weights
 * @param maxContribution max_i |a·σ(wᵀx_i + b)| over the training data (σ = exp for the paper's unit)
 * @param networkOnlyLoss the data loss of the network with the neuron removed (same reduction)
 */
public record NeuronSnapshot(double a, double b, double wNorm, double maxContribution,
                             double networkOnlyLoss) {
}
