package org.oneneuron.study;

import java.util.SplittableRandom;

/**
 * Smallest and largest Hessian eigenvalue at a point by Lanczos with full reorthogonalization,
 * each Hessian-vector product by a central difference of exact gradients,
 * Hv ≈ (∇L(θ + hv) - ∇L(θ - hv)) / 2h. An explicit approximation used only to tell a saddle from
 * a minimum at a stationary end point of {@link ReferenceMlp}; the landscape package's exact
 * certificate supersedes it.
 */
final class CurvatureProbe {

    /** Extreme eigenvalues with the Krylov dimension used. */
    record Extremes(double min, double max, int steps) {
    }

    /** Gradient oracle: writes ∇L(θ) into g. */
    interface Gradient {
        void at(double[] theta, double[] g);
    }

    private CurvatureProbe() {
    }

    static Extremes extremes(Gradient gradient, double[] theta, int maxSteps, long seed) {
        int n = theta.length;
        int k = Math.min(n, maxSteps);
        double[][] q = new double[k + 1][];
        double[] alpha = new double[k];
        double[] beta = new double[k];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ReferenceMlp.gaussian(rng);
        }
        q[0] = normalized(v);
        double h = 1e-5 * Math.max(1, norm(theta));
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        int steps = 0;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                plus[i] = theta[i] + h * q[j][i];
                minus[i] = theta[i] - h * q[j][i];
            }
            gradient.at(plus, gp);
            gradient.at(minus, gm);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = (gp[i] - gm[i]) / (2 * h);
            }
            alpha[j] = dot(w, q[j]);
            steps = j + 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int m = 0; m <= j; m++) {
                    double c = dot(w, q[m]);
                    for (int i = 0; i < n; i++) {
                        w[i] -= c * q[m][i];
                    }
                }
            }
            double b = norm(w);
            if (j + 1 == k || b < 1e-10) {
                break;
            }
            beta[j] = b;
            for (int i = 0; i < n; i++) {
                w[i] /= b;
            }
            q[j + 1] = w;
        }
        return new Extremes(eigen(alpha, beta, steps, true), eigen(alpha, beta, steps, false), steps);
    }

    /** Smallest (or largest) eigenvalue of the m × m tridiagonal matrix by Sturm bisection. */
    private static double eigen(double[] alpha, double[] beta, int m, boolean smallest) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i < m - 1 ? Math.abs(beta[i]) : 0);
            lo = Math.min(lo, alpha[i] - r);
            hi = Math.max(hi, alpha[i] + r);
        }
        int target = smallest ? 1 : m;
        for (int it = 0; it < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(hi) + Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(alpha, beta, m, mid) >= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static int countBelow(double[] alpha, double[] beta, int m, double x) {
        int count = 0;
        double d = 1;
        for (int i = 0; i < m; i++) {
            double b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
            d = alpha[i] - x - (i > 0 ? b2 / d : 0);
            if (d == 0) {
                d = 1e-300;
            }
            if (d < 0) {
                count++;
            }
        }
        return count;
    }

    private static double[] normalized(double[] v) {
        double s = norm(v);
        for (int i = 0; i < v.length; i++) {
            v[i] /= s;
        }
        return v;
    }

    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
