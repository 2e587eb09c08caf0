package org.oneneuron.landscape;

/**
 * Settings of {@link Lanczos}.
 *
 * @param steps             maximum Krylov dimension (capped at the objective's dimension)
 * @param seed              seed of the random Gaussian start vector
 * @param relativeTolerance a Ritz pair counts as converged when ‖Hy - θy‖ <= tol·‖H‖, which bounds
 *                          the eigenvalue error by the same amount
 */
public record LanczosConfig(int steps, long seed, double relativeTolerance) {

    public LanczosConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(relativeTolerance > 0.0) || !Double.isFinite(relativeTolerance)) {
            throw new IllegalArgumentException("relativeTolerance must be positive and finite, got "
                    + relativeTolerance);
        }
    }

    /** 40 steps, seed 1, tolerance 1e-6. */
    public static LanczosConfig defaults() {
        return new LanczosConfig(40, 1L, 1e-6);
    }

    public LanczosConfig withSteps(int newSteps) {
        return new LanczosConfig(newSteps, seed, relativeTolerance);
    }

    public LanczosConfig withSeed(long newSeed) {
        return new LanczosConfig(steps, newSeed, relativeTolerance);
    }
}
