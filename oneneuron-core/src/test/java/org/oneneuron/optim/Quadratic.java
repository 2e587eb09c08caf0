package org.oneneuron.optim;

import java.util.SplittableRandom;
import org.oneneuron.objective.SampledObjective;

/**
 * Test objective: L(θ) = mean_i s_i · ½(θ − c)ᵀA(θ − c) with A = MᵀM + I (strictly convex) and
 * sample weights s_i in [0.5, 1.5]. Every minibatch gradient vanishes at c, so SGD converges to c
 * exactly.
 */
public final class Quadratic implements SampledObjective {

    private final double[][] a;
    private final double[] center;
    private final double[] weights;
    private final double[] work;

    public Quadratic(int dimension, int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[dimension][dimension];
        for (double[] row : m) {
            for (int j = 0; j < dimension; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        a = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            for (int j = 0; j < dimension; j++) {
                double s = i == j ? 1 : 0;
                for (int k = 0; k < dimension; k++) {
                    s += m[k][i] * m[k][j];
                }
                a[i][j] = s;
            }
        }
        center = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            center[j] = random.nextDouble(-2, 2);
        }
        weights = new double[samples];
        for (int i = 0; i < samples; i++) {
            weights[i] = random.nextDouble(0.5, 1.5);
        }
        work = new double[dimension];
    }

    private Quadratic(Quadratic other) {
        a = other.a;
        center = other.center;
        weights = other.weights;
        work = new double[center.length];
    }

    /** The minimizer c. */
    public double[] minimizer() {
        return center.clone();
    }

    @Override
    public int dimension() {
        return center.length;
    }

    @Override
    public int sampleCount() {
        return weights.length;
    }

    @Override
    public double value(double[] theta) {
        return valueAndGradient(theta, new double[center.length]);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double mean = 0;
        for (double w : weights) {
            mean += w;
        }
        return scaled(theta, mean / weights.length, gradient);
    }

    @Override
    public double batchValueAndGradient(double[] theta, int[] indices, int from, int to,
                                        double[] gradient) {
        double mean = 0;
        for (int k = from; k < to; k++) {
            mean += weights[indices[k]];
        }
        return scaled(theta, mean / (to - from), gradient);
    }

    private double scaled(double[] theta, double scale, double[] gradient) {
        int n = center.length;
        for (int j = 0; j < n; j++) {
            work[j] = theta[j] - center[j];
        }
        double value = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * work[j];
            }
            gradient[i] = scale * s;
            value += 0.5 * scale * work[i] * s;
        }
        return value;
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        double mean = 0;
        for (double w : weights) {
            mean += w;
        }
        mean /= weights.length;
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += a[i][j] * v[j];
            }
            out[i] = mean * s;
        }
    }

    @Override
    public Quadratic copy() {
        return new Quadratic(this);
    }
}
