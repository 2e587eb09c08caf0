package org.oneneuron.train;

import java.util.Locale;

/** The project's one vocabulary for where a run or a point ended (PAPER.md §9). */
public enum Verdict {
    /** Stationary, loss at its minimum; for augmented models the network alone also fits. */
    GLOBAL_MINIMUM,
    /** Total loss near zero but the network alone is not: the theorem's conclusion not reached. */
    NEURON_CARRIES_FIT,
    /** Stationary, no negative curvature beyond tolerance, loss above the minimum. */
    BAD_LOCAL_MINIMUM,
    /** Stationary with a negative-curvature direction. */
    SADDLE,
    /** Gradient above tolerance. */
    NOT_STATIONARY,
    /**
     * The run stopped (its step budget) while still moving: no growth shown over the stated
     * horizon, or growth while the loss still falls, or growth towards a minimum the loss attains.
     */
    NOT_CONVERGED,
    /** Parameters grow without bound while the loss only creeps. */
    ESCAPING_TO_INFINITY,
    /** The loss has no minimum to reach (logistic loss on separable data); growth is expected. */
    NO_ATTAINED_MINIMUM,
    /** Trajectory verdict: the run settled at a finite point (the certificate says which kind). */
    CONVERGED_FINITE,
    /**
     * The trainer stopped the run because it blew up: the loss diverged past the divergence guard,
     * or a loss, gradient or parameter became NaN/Inf. Not a finding about the landscape: the step
     * size (or the neuron's exponent) was too large for this run.
     */
    DIVERGED;

    /** The snake_case word used in every output, e.g. {@code bad_local_minimum}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a snake_case word. */
    public static Verdict ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
