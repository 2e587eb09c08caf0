package org.oneneuron.train;

/**
 * The tolerances the trajectory diagnostics decide with; every {@link InfinityAssessment} carries
 * the set it used.
 *
 * @param windowStart          the window is the steps t ≥ windowStart·T (T the last step), e.g.
 *                             0.1 = the last decade in log time
 * @param minSteps             fewest steps in the run for a trend verdict: growth over a few
 *                             dozen steps of a second-order method is a transient, not evidence
 * @param minRecords           fewest history entries in the window for a trend verdict
 * @param minRelativeGrowth    a quantity q grows when its least-squares slope dq/d(ln t) over the
 *                             window is at least this times max(|q_end|, 1)
 * @param minSustain           ... and the slope over the later half of the window (in ln t) is at
 *                             least this fraction of the whole window's slope (growth that is not
 *                             dying out, as it does when a run converges)
 * @param zeroLossFraction     growth with the final loss at most this fraction of max(|L₀|, 1e-300)
 *                             reads as a loss with no attained minimum (logistic on separable data)
 * @param gradientTolerance    without growth, ‖∇L‖ at most this means converged
 * @param settleTolerance      without growth, every tracked quantity changing by at most
 *                             this·(1 + |q_end|) over the window also means converged
 * @param horizonSteps         the horizon the infinity evidence must hold over: a growth verdict
 *                             (escaping_to_infinity, no_attained_minimum) needs a run of at least
 *                             this many steps; growth seen in a shorter run is {@code not_converged}
 * @param creepFraction        growth with the loss at a positive level is escaping_to_infinity only
 *                             when the loss "only creeps": its relative decrease over the window is
 *                             at most this; a loss still falling faster is {@code not_converged}
 */
public record InfinityThresholds(double windowStart, long minSteps, int minRecords, double minRelativeGrowth,
                                 double minSustain, double zeroLossFraction,
                                 double gradientTolerance, double settleTolerance, long horizonSteps,
                                 double creepFraction) {

    public InfinityThresholds {
        if (!(windowStart >= 0 && windowStart < 1)) {
            throw new IllegalArgumentException("window_start must be in [0, 1), got " + windowStart);
        }
        if (minSteps < 1) {
            throw new IllegalArgumentException("min_steps must be >= 1, got " + minSteps);
        }
        if (minRecords < 3) {
            throw new IllegalArgumentException("min_records must be >= 3, got " + minRecords);
        }
        positive("min_relative_growth", minRelativeGrowth);
        positive("min_sustain", minSustain);
        positive("zero_loss_fraction", zeroLossFraction);
        positive("gradient_tolerance", gradientTolerance);
        positive("settle_tolerance", settleTolerance);
        if (horizonSteps < minSteps) {
            throw new IllegalArgumentException("horizon_steps must be >= min_steps (" + minSteps + "), got "
                    + horizonSteps);
        }
        positive("creep_fraction", creepFraction);
    }

    /**
     * Last decade of at least 100 steps, 5 records, 2% relative growth per e-fold sustained at
     * 30%, zero loss 1e-2·L₀, gradient 1e-6, settled 1e-6; growth verdicts need 1000 steps and a
     * loss whose relative decrease over the window is at most 25%.
     */
    public static InfinityThresholds defaults() {
        return new InfinityThresholds(0.1, 100, 5, 0.02, 0.3, 1e-2, 1e-6, 1e-6, 1000, 0.25);
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
