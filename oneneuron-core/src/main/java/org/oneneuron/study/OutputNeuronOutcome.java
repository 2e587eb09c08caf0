package org.oneneuron.study;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One output's special neuron at the end of a K-output run (one neuron per output, PAPER.md §10):
 * its figures and its road to infinity ({@code train.OutputRoad}). Serializable with the outcome.
 *
 * @param output          k, 0-based
 * @param a               a_k
 * @param b               b_k
 * @param wNorm           ‖w_k‖
 * @param maxContribution max_i |a_k·E_ik| on the training data
 * @param growing         what grows over the trajectory's window ("b", "w_norm"), empty if nothing
 *                        (or the trajectory was too short to assess)
 * @param runningOff      growth over at least the diagnostics' horizon: the neuron heads to infinity
 */
public record OutputNeuronOutcome(int output, double a, double b, double wNorm, double maxContribution,
                                  List<String> growing, boolean runningOff) implements Serializable {

    public OutputNeuronOutcome {
        if (output < 0) {
            throw new IllegalArgumentException("output must be >= 0, got " + output);
        }
        growing = List.copyOf(Objects.requireNonNull(growing, "growing"));
    }
}
