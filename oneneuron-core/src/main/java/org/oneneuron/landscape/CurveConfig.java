package org.oneneuron.landscape;

/**
 * Settings of {@link ModeConnectivity}'s curve fit and path evaluation.
 *
 * @param steps          Adam steps on the control point
 * @param learningRate   Adam's step size (constant for the first half, then falling linearly to
 *                       a tenth)
 * @param samplesPerStep curve points t ~ U(0, 1) averaged per step
 * @param points         evaluation points along each path, t = 0 … 1, >= 3
 * @param seed           seed of the t samples
 */
public record CurveConfig(int steps, double learningRate, int samplesPerStep, int points, long seed) {

    public CurveConfig {
        if (steps < 0) {
            throw new IllegalArgumentException("curve steps must be >= 0, got " + steps);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("curve learning rate must be positive and finite, got "
                    + learningRate);
        }
        if (samplesPerStep < 1) {
            throw new IllegalArgumentException("samples per step must be >= 1, got " + samplesPerStep);
        }
        if (points < 3) {
            throw new IllegalArgumentException("path points must be >= 3, got " + points);
        }
    }

    /** 200 steps of Adam with step 0.05, 2 samples a step, 41 points along each path, seed 1. */
    public static CurveConfig defaults() {
        return new CurveConfig(200, 0.05, 2, 41, 1L);
    }

    public CurveConfig withSteps(int count) {
        return new CurveConfig(count, learningRate, samplesPerStep, points, seed);
    }

    public CurveConfig withLearningRate(double rate) {
        return new CurveConfig(steps, rate, samplesPerStep, points, seed);
    }
}
