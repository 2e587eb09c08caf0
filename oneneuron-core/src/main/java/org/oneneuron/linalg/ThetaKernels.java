package org.oneneuron.linalg;

/** The θ-sized passes behind {@link ThetaPasses}; scalar and Vector API versions give the same bits. */
interface ThetaKernels {

    /**
     * to[i] = from[i] − η·(c·g_i) and th[i] = (float) to[i] for every i, where g_i is the float
     * bulk[i] (widened) for i &lt; bulkEnd and g[i] from there on; true when every th[i] is finite.
     * from may be to.
     */
    boolean sgdStep(double[] from, float[] bulk, int bulkEnd, double[] g, double eta, double c, double[] to,
                    float[] th);

    /** lanes[j] = Σ_{i ≡ j mod 8, i &lt; upTo} src[i]² in double: {@link #widen}'s squares without its copy. */
    void squares(float[] src, int upTo, double[] lanes);

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
