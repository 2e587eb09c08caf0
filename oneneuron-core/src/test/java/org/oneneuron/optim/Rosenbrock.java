package org.oneneuron.optim;

import org.oneneuron.objective.Objective;

/** Test objective: Σ_k 100(θ_{k+1} − θ_k²)² + (1 − θ_k)², minimum 0 at (1, …, 1). */
public final class Rosenbrock implements Objective {

    private final int n;

    public Rosenbrock(int n) {
        this.n = n;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] t) {
        return valueAndGradient(t, new double[n]);
    }

    @Override
    public double valueAndGradient(double[] t, double[] g) {
        java.util.Arrays.fill(g, 0);
        double f = 0;
        for (int k = 0; k + 1 < n; k++) {
            double u = t[k + 1] - t[k] * t[k];
            double v = 1 - t[k];
            f += 100 * u * u + v * v;
            g[k] += -400 * t[k] * u - 2 * v;
            g[k + 1] += 200 * u;
        }
        return f;
    }

    @Override
    public void hessianVector(double[] t, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int k = 0; k + 1 < n; k++) {
            double hkk = 1200 * t[k] * t[k] - 400 * t[k + 1] + 2;
            double hkl = -400 * t[k];
            out[k] += hkk * v[k] + hkl * v[k + 1];
            out[k + 1] += hkl * v[k] + 200 * v[k + 1];
        }
    }

    @Override
    public Objective copy() {
        return this;
    }
}
