package org.oneneuron.linalg;

/** The θ-sized passes behind {@link ThetaPasses}; scalar and Vector API versions give the same bits. */
interface ThetaKernels {

    /**
     * previous[i] = θ[i] when previous is non-null, θ[i] = θ[i] − η·(c·g[i]) and th[i] = (float) θ[i]
     * for every i; true when every th[i] is finite.
     */
    boolean sgdStep(double[] theta, double[] g, double eta, double c, double[] previous, float[] th);

    /**
     * Σ x_i² in eight interleaved partial sums s_j = Σ_{i ≡ j mod 8, i < 8⌊n/8⌋} x_i², added as
     * ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)), then the tail in order; every square
     * rounded before its add (no fused multiply-add).
     */
    double sumOfSquares(double[] x);

    /**
     * dst[i] = src[i] for every i &lt; dst.length, and lanes[j] = Σ_{i ≡ j mod 8, i &lt; upTo} dst[i]²
     * (upTo a multiple of 8): the first upTo entries' share of {@link #sumOfSquares}, in its order.
     */
    void widen(float[] src, double[] dst, int upTo, double[] lanes);

    /**
     * {@link #sumOfSquares}(x) given lanes holding the share of x's first {@code from} entries (a
     * multiple of 8) as {@link #widen} leaves it: the same bits.
     */
    double sumOfSquares(double[] x, int from, double[] lanes);
}
