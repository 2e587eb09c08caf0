package org.oneneuron.batch;

import java.util.Objects;

/**
 * One run of a {@link TinyNetBatch} after training: its end point and its recorded trajectory
 * (every {@code historyStride} steps, step 0 and, when the budget is a multiple of the stride,
 * the last step). A run that met trouble (a non-finite loss, gradient or θ, an exp(u) outside the
 * normal range, or divergence) says so in {@link #trouble()}; its figures are then not to be
 * used, and callers redo it on the engine, which reports such trouble in its own words.
 * Arrays are shared, not copied: treat them as read-only.
 *
 * @param theta           θ at the end; for a run in trouble, θ where it was flagged
 * @param finalLoss       L~ at θ, as the batch computed it
 * @param trouble         what went wrong and at which step, or "" for none
 * @param steps           the recorded steps
 * @param loss            L~ at each recorded step
 * @param gradientNorm    ‖∇L~‖ at each recorded step (overflow-safe norm, as the optimizers use)
 * @param thetaNorm       ‖θ‖ at each recorded step
 * @param networkOnlyLoss data loss of the network alone at each recorded step
 * @param a               the neuron's a (empty without a neuron)
 * @param b               the neuron's b (empty without a neuron)
 * @param wNorm           the neuron's ‖w‖ (empty without a neuron)
 * @param maxContribution max_i |a·exp(wᵀx_i + b)| (empty without a neuron)
 * @param thetas          θ at each recorded step
 */
public record TinyRun(double[] theta, double finalLoss, String trouble, long[] steps, double[] loss,
                      double[] gradientNorm, double[] thetaNorm, double[] networkOnlyLoss,
                      double[] a, double[] b, double[] wNorm, double[] maxContribution,
                      double[][] thetas) {

    public TinyRun {
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(trouble, "trouble");
    }

    /** True when the run met no trouble and its figures stand. */
    public boolean clean() {
        return trouble.isEmpty();
    }
}
