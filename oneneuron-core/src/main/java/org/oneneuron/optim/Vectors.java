package org.oneneuron.optim;

/** The few dense vector operations the optimizers need; no allocation. */
final class Vectors {

    private Vectors() {
    }

    /** Σ x_i y_i. */
    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /**
     * ‖x‖₂: √(Σ x_i²) summed in eight interleaved partial sums (a fixed order, so the same bits
     * every run), falling back to the scaled form max|x_i|·‖x / max|x_i|‖₂ only when the plain
     * sum overflows or underflows. Non-finite entries give NaN or +∞ as max|x_i| does.
     */
    static double norm(double[] x) {
        return norm(x, sumOfSquares(x));
    }

    /**
     * {@link #norm(double[])} given squares = {@link #sumOfSquares}(x) from a pass that already
     * ran (the same bits); NaN sums them here.
     */
    static double norm(double[] x, double squares) {
        double s = Double.isNaN(squares) ? sumOfSquares(x) : squares;
        if (s < Double.POSITIVE_INFINITY && s > SAFE_MIN_SQUARES) {
            return Math.sqrt(s);
        }
        return scaledNorm(x);
    }

    /** Below this Σ x_i² some squares may have lost bits to underflow. */
    private static final double SAFE_MIN_SQUARES = 0x1p-900;

    /**
     * Σ x_i² in eight interleaved partial sums s_j = Σ_{i ≡ j mod 8} x_i² (eight adds in flight
     * instead of one chain), added as ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)), then the
     * tail in order.
     */
    static double sumOfSquares(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int n = x.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
            s4 += x[i + 4] * x[i + 4];
            s5 += x[i + 5] * x[i + 5];
            s6 += x[i + 6] * x[i + 6];
            s7 += x[i + 7] * x[i + 7];
        }
        double s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; i < n; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    private static double scaledNorm(double[] x) {
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double v : x) {
            double r = v / scale;
            s += r * r;
        }
        return scale * Math.sqrt(s);
    }

    /** y = α·x + y. y: modified. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** out = x + α·d. out: modified; may alias x. */
    static void addScaled(double[] x, double alpha, double[] d, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + alpha * d[i];
        }
    }

    /**
     * The factor that clips a gradient of norm {@code norm} to at most {@code clipNorm}:
     * min(1, clipNorm / norm); 1 when clipping is off ({@code clipNorm} infinite).
     */
    static double clipFactor(double norm, double clipNorm) {
        return norm > clipNorm ? clipNorm / norm : 1.0;
    }
}
