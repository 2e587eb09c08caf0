package org.oneneuron.landscape;

/**
 * Settings of the escape certificate's direction search and moment test.
 *
 * @param randomDirections     random directions w tried (norm such that max_i |wᵀx_i| is 0.5, 1 or 2)
 * @param ascentSteps          gradient-ascent steps on the predicted decrease g²/(2κ) from the best one
 * @param maxExponent          bound on max_i |wᵀx_i| kept during ascent (exp overflow guard)
 * @param momentOrders         moments m_0 .. m_K of the moment test (K = momentOrders - 1)
 * @param relativeTolerance    a moment counts as nonzero when |m_k| > tol·Σ|c_i|; a direction is
 *                             degenerate when the
 *                             spread of wᵀx_i is <= tol·max(1, max |wᵀx_i|)
 * @param seed                 seed of the random directions
 */
public record EscapeConfig(int randomDirections, int ascentSteps, double maxExponent, int momentOrders,
                           double relativeTolerance, long seed) {

    public EscapeConfig {
        if (randomDirections < 1) {
            throw new IllegalArgumentException("randomDirections must be >= 1, got " + randomDirections);
        }
        if (ascentSteps < 0) {
            throw new IllegalArgumentException("ascentSteps must be >= 0, got " + ascentSteps);
        }
        if (!(maxExponent > 0.0) || maxExponent > 700.0) {
            throw new IllegalArgumentException("maxExponent must be in (0, 700], got " + maxExponent);
        }
        if (momentOrders < 1) {
            throw new IllegalArgumentException("momentOrders must be >= 1, got " + momentOrders);
        }
        if (!(relativeTolerance > 0.0) || relativeTolerance >= 1.0) {
            throw new IllegalArgumentException("relativeTolerance must be in (0, 1), got "
                    + relativeTolerance);
        }
    }

    /** 64 directions, 25 ascent steps, |wᵀx| <= 20, moments m_0..m_5, tolerance 1e-9, seed 3. */
    public static EscapeConfig defaults() {
        return new EscapeConfig(64, 25, 20.0, 6, 1e-9, 3L);
    }

    public EscapeConfig withSeed(long newSeed) {
        return new EscapeConfig(randomDirections, ascentSteps, maxExponent, momentOrders,
                relativeTolerance, newSeed);
    }
}
