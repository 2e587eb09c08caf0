package org.oneneuron.optim;

import org.oneneuron.objective.SampledObjective;

/**
 * Test objective: logistic regression without bias, L(w) = Σ_i log(1 + exp(−y_i wᵀx_i)) over
 * fixed data. On separable data it has no attained minimum: ‖w‖ grows like log t under GD.
 */
public final class Logistic implements SampledObjective {

    private final double[][] x;
    private final double[] y;

    public Logistic(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** Four separable points in the plane (labels by the sign of x₁ + x₂). */
    public static Logistic separable() {
        return new Logistic(new double[][] {{1, 0.5}, {0.5, 1}, {-1, -0.2}, {-0.3, -1}},
                new double[] {1, 1, -1, -1});
    }

    /**
     * Five points no direction separates, even weakly (x and −x share a label): a finite
     * minimizer exists.
     */
    public static Logistic overlapping() {
        return new Logistic(new double[][] {{1, 0.5}, {-1, -0.5}, {0.5, 1}, {-0.2, -0.9},
            {0.3, 0.9}}, new double[] {1, 1, -1, -1, 1});
    }

    @Override
    public int dimension() {
        return x[0].length;
    }

    @Override
    public int sampleCount() {
        return y.length;
    }

    @Override
    public double value(double[] w) {
        return valueAndGradient(w, new double[w.length]);
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        int[] all = new int[y.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return sum(w, all, 0, all.length, g, 1);
    }

    @Override
    public double batchValueAndGradient(double[] w, int[] idx, int from, int to, double[] g) {
        return sum(w, idx, from, to, g, (double) y.length / (to - from));
    }

    private double sum(double[] w, int[] idx, int from, int to, double[] g, double scale) {
        java.util.Arrays.fill(g, 0);
        double f = 0;
        for (int k = from; k < to; k++) {
            int i = idx[k];
            double z = -y[i] * dot(w, x[i]);
            f += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            double s = 1 / (1 + Math.exp(-z));
            for (int j = 0; j < w.length; j++) {
                g[j] -= scale * s * y[i] * x[i][j];
            }
        }
        return scale * f;
    }

    @Override
    public void hessianVector(double[] w, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < y.length; i++) {
            double z = -y[i] * dot(w, x[i]);
            double s = 1 / (1 + Math.exp(-z));
            double c = s * (1 - s) * dot(v, x[i]);
            for (int j = 0; j < w.length; j++) {
                out[j] += c * x[i][j];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    @Override
    public Logistic copy() {
        return this;
    }
}
