package org.oneneuron.optim;

import org.oneneuron.linalg.ThetaPasses;

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

    /** {@code to}, after checking it is not {@code from}: a step into another array must not move its start. */
    static double[] distinct(double[] from, double[] to) {
        if (from == to) {
            throw new IllegalArgumentException("stepInto needs two arrays; use step(θ) to move θ in place");
        }
        return to;
    }

    /** Whether {@link #norm(double[], double)} reads x's entries given these squares (NaN, not finite, or tiny). */
    static boolean normReadsEntries(double squares) {
        return !(squares < Double.POSITIVE_INFINITY && squares > SAFE_MIN_SQUARES);
    }

    /** Below this Σ x_i² some squares may have lost bits to underflow. */
    private static final double SAFE_MIN_SQUARES = 0x1p-900;

    /**
     * Σ x_i² in eight interleaved partial sums, added in a fixed order ({@link ThetaPasses#sumOfSquares}:
     * vectorized where the Vector API is present, the same bits either way).
     */
    static double sumOfSquares(double[] x) {
        return ThetaPasses.sumOfSquares(x);
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
