package org.oneneuron.train;

import java.util.Locale;

/** Why a training run ended. */
public enum StopReason {
    /** The step budget was used up. */
    MAX_STEPS,
    /** ‖∇L‖ fell to the gradient tolerance. */
    GRADIENT_TOLERANCE,
    /** L fell to the loss tolerance. */
    LOSS_TOLERANCE,
    /** The wall-time budget was used up. */
    TIME_BUDGET,
    /** The loss rose past the divergence factor times its starting value. */
    DIVERGED,
    /** A loss, gradient or parameter became NaN or infinite; θ is the last finite point. */
    NON_FINITE,
    /** The optimizer could make no further progress (line search or trust region stalled). */
    STALLED,
    /**
     * The optimizer stalled at its first step although θ₀ is not stationary (‖∇L‖ > 1e-6·max(1, |L|)):
     * no trial point had a finite, lower loss (the loss rises too steeply for floating point), so
     * nothing was trained.
     */
    NO_PROGRESS,
    /** A listener asked to stop. */
    LISTENER;

    /**
     * Whether the run ended in numerical trouble (diverged, non_finite, no_progress): its θ is not a
     * trained point to rely on, and the commands exit 1.
     */
    public boolean numericalTrouble() {
        return this == DIVERGED || this == NON_FINITE || this == NO_PROGRESS;
    }

    /** The snake_case word, e.g. {@code gradient_tolerance}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
