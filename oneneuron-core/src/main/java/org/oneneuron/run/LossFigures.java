package org.oneneuron.run;

import org.oneneuron.loss.NetworkObjective;

/**
 * The loss at a point, by name, so that no report says "loss" without saying which:
 *
 * <pre>
 *   total       = L~(θ) = data + penalty
 *   data        = s·Σ_i ω_i ℓ(-y_i f~(x_i))          (the model's loss and reduction)
 *   networkOnly = s·Σ_i ω_i ℓ(-y_i f(x_i))           (the network alone, the neuron removed)
 *   penalty     = (λ/2)a²                             (0 without a special neuron)
 * </pre>
 *
 * JSON keys: {@code loss_total}, {@code loss_data}, {@code loss_network_only}, {@code loss_penalty}.
 *
 * @param total       L~(θ)
 * @param data        the data loss of f~, without the penalty
 * @param networkOnly the data loss of the network alone (= data for a plain network)
 * @param penalty     (λ/2)a²
 */
public record LossFigures(double total, double data, double networkOnly, double penalty) {

    /** The figures of {@code objective} at θ (two passes over its data). */
    public static LossFigures of(NetworkObjective objective, double[] theta) {
        double total = objective.value(theta);
        double penalty = objective.penalty(theta);
        return new LossFigures(total, total - penalty, objective.networkOnlyLoss(theta), penalty);
    }
}
