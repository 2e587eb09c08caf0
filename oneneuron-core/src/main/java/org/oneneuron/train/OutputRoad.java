package org.oneneuron.train;

import java.util.List;
import java.util.Objects;

/**
 * The road to infinity of one output's special neuron (K outputs, one neuron each, PAPER.md §10),
 * judged as {@link InfinityDiagnostics} judges the one-output neuron: over the window, b_k and
 * ‖w_k‖ grow when their slope per e-fold of steps is at least the thresholds' relative growth and
 * sustained; a_k is reported (it shrinks towards 0 while a neuron escapes, a_k·e^{b_k} staying
 * finite) but never counts as growth. The evidence holds only over the stated horizon: a run
 * shorter than {@code horizonSteps} that shows growth is not yet running off.
 *
 * @param output       k, 0-based
 * @param a            |a_k| over the window
 * @param b            |b_k| over the window
 * @param wNorm        ‖w_k‖ over the window
 * @param growing      the quantities counted as growing ("b", "w_norm"), empty if none
 * @param runningOff   growth over a run at least as long as the horizon: this neuron heads to infinity
 * @param horizonSteps the horizon the evidence must hold over
 * @param evidence     one sentence with the figures
 */
public record OutputRoad(int output, ParameterTrend a, ParameterTrend b, ParameterTrend wNorm,
                         List<String> growing, boolean runningOff, long horizonSteps, String evidence) {

    public OutputRoad {
        if (output < 0) {
            throw new IllegalArgumentException("output must be >= 0, got " + output);
        }
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(wNorm, "wNorm");
        growing = List.copyOf(growing);
        Objects.requireNonNull(evidence, "evidence");
        if (runningOff && growing.isEmpty()) {
            throw new IllegalArgumentException("output " + output + " runs off only when something grows");
        }
    }

    /** Whether a_k shrank over the window (|a_k| at the end below its start). */
    public boolean aShrinking() {
        return a.end() < a.start();
    }
}
