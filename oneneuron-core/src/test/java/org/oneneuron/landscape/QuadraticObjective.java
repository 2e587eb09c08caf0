package org.oneneuron.landscape;

import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;

/** L(θ) = ½ θᵀAθ for a symmetric A with a chosen spectrum: H = A everywhere. */
final class QuadraticObjective implements Objective {

    private final int n;
    private final double[] a;

    QuadraticObjective(int n, double[] a) {
        this.n = n;
        this.a = a;
    }

    /** A = Q·diag(spectrum)·Qᵀ with Q a product of three random Householder reflections. */
    static QuadraticObjective withSpectrum(double[] spectrum, long seed) {
        int n = spectrum.length;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = spectrum[i];
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < 3; r++) {
            double[] u = Vectors.randomUnit(n, random);
            reflect(m, u, n);
        }
        return new QuadraticObjective(n, m);
    }

    /** A = diag(spectrum). */
    static QuadraticObjective diagonal(double[] spectrum) {
        int n = spectrum.length;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = spectrum[i];
        }
        return new QuadraticObjective(n, m);
    }

    /** M ← P M P with P = I - 2uuᵀ. */
    private static void reflect(double[] m, double[] u, int n) {
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += m[i * n + j] * u[j];
            }
            mu[i] = s;
        }
        double umu = Vectors.dot(u, mu);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] += -2 * mu[i] * u[j] - 2 * u[i] * mu[j] + 4 * umu * u[i] * u[j];
            }
        }
    }

    double[] matrix() {
        return a.clone();
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] theta) {
        double[] h = new double[n];
        hessianVector(theta, theta, h);
        return 0.5 * Vectors.dot(theta, h);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        hessianVector(theta, theta, gradient);
        return 0.5 * Vectors.dot(theta, gradient);
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public Objective copy() {
        return new QuadraticObjective(n, a);
    }
}
