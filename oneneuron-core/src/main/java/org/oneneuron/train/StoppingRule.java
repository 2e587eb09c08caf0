package org.oneneuron.train;

import java.util.Locale;

/**
 * The trainer's stopping tests, checked before every step in this order: divergence (loss above
 * factor·max(L₀, 1)), gradient tolerance, loss tolerance, step budget, time budget. A tolerance or
 * budget of 0 is off. The tolerances judge full-data figures only: a minibatch run passes NaN at
 * steps where the history did not evaluate the full loss and gradient, and no tolerance stops it
 * there (a minibatch whose samples all sit past the hinge has gradient 0 far from any minimum).
 */
final class StoppingRule {

    private final TrainConfig config;
    private final long startNanos;
    private double initialLoss = Double.NaN;

    StoppingRule(TrainConfig config, long startNanos) {
        this.config = config;
        this.startNanos = startNanos;
    }

    /** The stop decided at this step, or null to go on; the same figures judge divergence and tolerances. */
    Stop check(long step, double loss, double gradientNorm) {
        return check(step, loss, loss, gradientNorm);
    }

    /**
     * The stop decided at this step, or null to go on: {@code stepLoss} (the optimizer's, perhaps a
     * minibatch's) for divergence, {@code fullLoss} and {@code fullGradientNorm} (NaN when unknown)
     * for the tolerances.
     */
    Stop check(long step, double stepLoss, double fullLoss, double fullGradientNorm) {
        double loss = stepLoss;
        double gradientNorm = fullGradientNorm;
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
        if (config.lossTolerance() > 0 && fullLoss <= config.lossTolerance()) {
            return new Stop(StopReason.LOSS_TOLERANCE, step, String.format(Locale.ROOT,
                    "loss %.6g <= %.3g", fullLoss, config.lossTolerance()));
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
