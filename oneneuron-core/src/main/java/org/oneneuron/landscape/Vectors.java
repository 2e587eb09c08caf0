package org.oneneuron.landscape;

import java.util.SplittableRandom;

/** Small dense-vector helpers for the Krylov methods of this package. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static double norm(double[] x) {
        double scale = 0.0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0.0;
        for (double v : x) {
            double t = v / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /** y += α·x. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** Entries ±1 with equal probability. */
    static double[] rademacher(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        return v;
    }

    /** Standard normal entries (Box–Muller). */
    static double[] gaussian(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i += 2) {
            double u = 1.0 - random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u));
            double t = 2.0 * Math.PI * random.nextDouble();
            v[i] = r * Math.cos(t);
            if (i + 1 < n) {
                v[i + 1] = r * Math.sin(t);
            }
        }
        return v;
    }

    /** A uniformly random unit vector. */
    static double[] randomUnit(int n, SplittableRandom random) {
        double[] v = gaussian(n, random);
        scale(1.0 / norm(v), v);
        return v;
    }
}
