package org.oneneuron.landscape;

/**
 * Settings of stochastic Lanczos quadrature ({@link Slq}).
 *
 * @param probes number of Rademacher probe vectors, >= 2 (for standard errors)
 * @param steps  Lanczos steps per probe (quadrature with k nodes is exact for moments < 2k)
 * @param seed   seed of the probes
 */
public record SlqConfig(int probes, int steps, long seed) {

    public SlqConfig {
        if (probes < 2) {
            throw new IllegalArgumentException("probes must be >= 2, got " + probes);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
    }

    /** 10 probes, 30 steps, seed 2. */
    public static SlqConfig defaults() {
        return new SlqConfig(10, 30, 2L);
    }
}
