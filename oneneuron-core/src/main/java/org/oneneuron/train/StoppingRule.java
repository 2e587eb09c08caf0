package org.oneneuron.train;

import java.util.Locale;

/**
 * The trainer's stopping tests, checked before every step in this order: divergence (loss above
 * factor·max(L₀, 1)), gradient tolerance, loss tolerance, step budget, time budget. A tolerance or
 * budget of 0 is off.
 */
final class StoppingRule {

    private final TrainConfig config;
    private final long startNanos;
    private double initialLoss = Double.NaN;

    StoppingRule(TrainConfig config, long startNanos) {
        this.config = config;
        this.startNanos = startNanos;
    }

    /** The stop decided at this step, or null to go on. */
    Stop check(long step, double loss, double gradientNorm) {
        if (step == 0) {
            initialLoss = loss;
        }
        double ceiling = config.divergenceFactor() * Math.max(Math.abs(initialLoss), 1);
        if (loss > ceiling) {
            return new Stop(StopReason.DIVERGED, step, String.format(Locale.ROOT,
                    "loss %.6g exceeded %.3g × max(|L0| = %.6g, 1)", loss,
                    config.divergenceFactor(), initialLoss));
        }
        if (config.gradientTolerance() > 0 && gradientNorm <= config.gradientTolerance()) {
            return new Stop(StopReason.GRADIENT_TOLERANCE, step, String.format(Locale.ROOT,
                    "gradient norm %.6g <= %.3g", gradientNorm, config.gradientTolerance()));
        }
        if (config.lossTolerance() > 0 && loss <= config.lossTolerance()) {
            return new Stop(StopReason.LOSS_TOLERANCE, step, String.format(Locale.ROOT,
                    "loss %.6g <= %.3g", loss, config.lossTolerance()));
        }
        if (step >= config.maxSteps()) {
            return new Stop(StopReason.MAX_STEPS, step, "step budget " + config.maxSteps()
                    + " used");
        }
        if (config.timeBudgetSeconds() > 0) {
            double seconds = (System.nanoTime() - startNanos) * 1e-9;
            if (seconds >= config.timeBudgetSeconds()) {
                return new Stop(StopReason.TIME_BUDGET, step, String.format(Locale.ROOT,
                        "%.3f s elapsed >= budget %.3f s", seconds, config.timeBudgetSeconds()));
            }
        }
        return null;
    }
}
