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

    /** ‖x‖₂, scaled to avoid overflow of the squares. */
    static double norm(double[] x) {
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
