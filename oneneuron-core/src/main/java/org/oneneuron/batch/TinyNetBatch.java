package org.oneneuron.batch;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;

/**
 * Many independent full-batch gradient-descent runs of one small network at once: R runs of
 * f~(x) = Σ_k v_k tanh(W_k·x + c_k) + c_out + a·exp(w·x + b) (d inputs, h tanh units, the skip
 * exponential neuron), mean cubic hinge L = (1/n) Σ_i max(1 − y_i f~(x_i), 0)³ + (λ/2)a².
 *
 * <p>Parameters are stored structure-of-arrays, {@code theta[p][r]} = parameter p of run r, with
 * p in the engine's layout order (W row-major h×d, c, v, c_out, w, a, b; 13 parameters for
 * 2-2-1), so every operation is a loop over runs that the JIT vectorizes (tanh and exp through
 * {@link ArrayMath}). Gives the same numbers as the general objective on one run, up to summation
 * order. A run whose loss or step becomes non-finite is frozen at its last finite point and its
 * step is reported by {@link #firstNonFiniteStep()}.
 */
public final class TinyNetBatch {

    private final int d;
    private final int h;
    private final int runs;
    private final double[] x;
    private final double[] y;
    private final double lambda;
    private final int params;
    private final double[][] theta;
    private final double[][] grad;
    private final double[] loss;
    private final int[] badStep;
    private final double[][] hidden;
    private final double[] f;
    private final double[] e;
    private final double[] tmp;
    private int stepsDone;

    /**
     * @param d      inputs per sample (≥ 1)
     * @param h      tanh units (≥ 1)
     * @param x      n samples row-major (n·d values); copied
     * @param y      n labels ±1; copied
     * @param lambda λ ≥ 0 of the penalty (λ/2)a²
     * @param theta0 initial parameters, one row of {@link #parameterCount(int, int)} values per run
     */
    public TinyNetBatch(int d, int h, double[] x, double[] y, double lambda, double[][] theta0) {
        if (d < 1 || h < 1) {
            throw new IllegalArgumentException("d and h must be >= 1, got d = " + d + ", h = " + h);
        }
        if (y.length == 0 || x.length != y.length * d) {
            throw new IllegalArgumentException("x has " + x.length + " values for " + y.length
                    + " labels of d = " + d);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be finite and >= 0, got " + lambda);
        }
        this.d = d;
        this.h = h;
        this.x = x.clone();
        this.y = y.clone();
        this.lambda = lambda;
        this.params = parameterCount(d, h);
        this.runs = theta0.length;
        this.theta = new double[params][runs];
        for (int r = 0; r < runs; r++) {
            if (theta0[r].length != params) {
                throw new IllegalArgumentException("run " + r + " has " + theta0[r].length
                        + " parameters, expected " + params);
            }
            for (int p = 0; p < params; p++) {
                theta[p][r] = theta0[r][p];
            }
        }
        grad = new double[params][runs];
        loss = new double[runs];
        badStep = new int[runs];
        Arrays.fill(badStep, -1);
        hidden = new double[h][runs];
        f = new double[runs];
        e = new double[runs];
        tmp = new double[runs];
    }

    /** h·d + h + h + 1 + d + 2: W, c, v, c_out, w, a, b. */
    public static int parameterCount(int d, int h) {
        return h * d + 2 * h + 1 + d + 2;
    }

    /** Number of runs R. */
    public int runs() {
        return runs;
    }

    /** Steps taken so far by {@link #descend}. */
    public int steps() {
        return stepsDone;
    }

    /**
     * {@code steps} gradient steps θ ← θ − lr·∇L(θ) for every run; runs that turned non-finite
     * stay frozen.
     */
    public void descend(int steps, double lr) {
        for (int s = 0; s < steps; s++) {
            evaluate();
            int step = stepsDone + s;
            for (int r = 0; r < runs; r++) {
                if (badStep[r] < 0 && !Double.isFinite(loss[r])) {
                    badStep[r] = step;
                }
            }
            for (int p = 0; p < params; p++) {
                double[] t = theta[p];
                double[] g = grad[p];
                for (int r = 0; r < runs; r++) {
                    double next = t[r] - lr * g[r];
                    t[r] = badStep[r] < 0 && Double.isFinite(next) ? next : t[r];
                }
            }
            for (int r = 0; r < runs; r++) {
                if (badStep[r] < 0) {
                    for (int p = 0; p < params; p++) {
                        if (!Double.isFinite(grad[p][r])) {
                            badStep[r] = step;
                            break;
                        }
                    }
                }
            }
        }
        stepsDone += steps;
    }

    /** The loss of every run at the current parameters (fresh array). */
    public double[] losses() {
        evaluate();
        return loss.clone();
    }

    /** Parameters of run r in layout order (fresh array). */
    public double[] parameters(int r) {
        double[] out = new double[params];
        for (int p = 0; p < params; p++) {
            out[p] = theta[p][r];
        }
        return out;
    }

    /** Gradient of run r at the last evaluation (fresh array). */
    public double[] gradient(int r) {
        double[] out = new double[params];
        for (int p = 0; p < params; p++) {
            out[p] = grad[p][r];
        }
        return out;
    }

    /** For each run, the step at which its loss or gradient first became non-finite, or -1. */
    public int[] firstNonFiniteStep() {
        return badStep.clone();
    }

    /** Loss and gradient of every run at the current parameters. */
    void evaluate() {
        int n = y.length;
        int offC = h * d;
        int offV = offC + h;
        int offOut = offV + h;
        int offW = offOut + 1;
        int offA = offW + d;
        int offB = offA + 1;
        double inv = 1.0 / n;
        Arrays.fill(loss, 0);
        for (double[] g : grad) {
            Arrays.fill(g, 0);
        }
        double[] a = theta[offA];
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            for (int k = 0; k < h; k++) {
                double[] pre = hidden[k];
                System.arraycopy(theta[offC + k], 0, pre, 0, runs);
                for (int j = 0; j < d; j++) {
                    double xv = x[xi + j];
                    double[] wkj = theta[k * d + j];
                    for (int r = 0; r < runs; r++) {
                        pre[r] += wkj[r] * xv;
                    }
                }
                ArrayMath.tanh(pre, 0, pre, 0, runs);
            }
            System.arraycopy(theta[offB], 0, e, 0, runs);
            for (int j = 0; j < d; j++) {
                double xv = x[xi + j];
                double[] wj = theta[offW + j];
                for (int r = 0; r < runs; r++) {
                    e[r] += wj[r] * xv;
                }
            }
            ArrayMath.exp(e, 0, e, 0, runs);
            System.arraycopy(theta[offOut], 0, f, 0, runs);
            for (int k = 0; k < h; k++) {
                double[] t = hidden[k];
                double[] v = theta[offV + k];
                for (int r = 0; r < runs; r++) {
                    f[r] += v[r] * t[r];
                }
            }
            double yi = y[i];
            for (int r = 0; r < runs; r++) {
                double fr = f[r] + a[r] * e[r];
                double m = Math.max(1 - yi * fr, 0);
                loss[r] += inv * m * m * m;
                tmp[r] = -yi * inv * 3 * m * m;
            }
            double[] df = tmp;
            addProduct(grad[offOut], df, null);
            addProduct(grad[offA], df, e);
            for (int r = 0; r < runs; r++) {
                f[r] = df[r] * a[r] * e[r];
            }
            double[] du = f;
            addProduct(grad[offB], du, null);
            for (int j = 0; j < d; j++) {
                addScaled(grad[offW + j], du, x[xi + j]);
            }
            for (int k = 0; k < h; k++) {
                double[] t = hidden[k];
                double[] v = theta[offV + k];
                addProduct(grad[offV + k], df, t);
                for (int r = 0; r < runs; r++) {
                    t[r] = df[r] * v[r] * (1 - t[r] * t[r]);
                }
                addProduct(grad[offC + k], t, null);
                for (int j = 0; j < d; j++) {
                    addScaled(grad[k * d + j], t, x[xi + j]);
                }
            }
        }
        double[] ga = grad[offA];
        for (int r = 0; r < runs; r++) {
            loss[r] += 0.5 * lambda * a[r] * a[r];
            ga[r] += lambda * a[r];
        }
    }

    /** g += u (when v is null) or g += u ⊙ v. */
    private void addProduct(double[] g, double[] u, double[] v) {
        if (v == null) {
            for (int r = 0; r < runs; r++) {
                g[r] += u[r];
            }
        } else {
            for (int r = 0; r < runs; r++) {
                g[r] += u[r] * v[r];
            }
        }
    }

    private void addScaled(double[] g, double[] u, double s) {
        for (int r = 0; r < runs; r++) {
            g[r] += u[r] * s;
        }
    }
}
