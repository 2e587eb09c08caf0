package org.oneneuron.objective;

/**
 * Central finite differences of an {@link Objective}: an explicit checker for tests, never used
 * to compute derivatives in the library. ĝ_k = (L(θ + h e_k) - L(θ - h e_k)) / 2h with
 * h = step·max(1, |θ_k|); Hv ≈ (∇L(θ + h v) - ∇L(θ - h v)) / 2h.
 */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** Central-difference gradient with relative step {@code step}. θ: not modified. */
    public static double[] gradient(Objective f, double[] theta, double step) {
        double[] x = theta.clone();
        double[] g = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double h = step * Math.max(1, Math.abs(theta[k]));
            x[k] = theta[k] + h;
            double up = f.value(x);
            x[k] = theta[k] - h;
            double down = f.value(x);
            x[k] = theta[k];
            g[k] = (up - down) / (2 * h);
        }
        return g;
    }

    /** Central difference of exact gradients along v with step h. θ, v: not modified. */
    public static double[] hessianVector(Objective f, double[] theta, double[] v, double h) {
        int n = theta.length;
        double[] x = new double[n];
        double[] gu = new double[n];
        double[] gd = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = theta[k] + h * v[k];
        }
        f.valueAndGradient(x, gu);
        for (int k = 0; k < n; k++) {
            x[k] = theta[k] - h * v[k];
        }
        f.valueAndGradient(x, gd);
        double[] hv = new double[n];
        for (int k = 0; k < n; k++) {
            hv[k] = (gu[k] - gd[k]) / (2 * h);
        }
        return hv;
    }

    /** ‖a - b‖ / max(‖a‖, ‖b‖, floor): the relative error the acceptance tests use. */
    public static double relativeError(double[] a, double[] b, double floor) {
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            diff += d * d;
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        return Math.sqrt(diff) / Math.max(Math.max(Math.sqrt(na), Math.sqrt(nb)), floor);
    }
}
