package org.oneneuron.batch;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.DeterministicMath;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.PolynomialHinge;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;

/**
 * One full-data pass of L~ and ∇L~ for every run of a batch, structure-of-arrays ({@code theta[p][r]}
 * = parameter p of run r, p in the engine's {@link ParameterLayout} order):
 *
 * <pre>
 *   z_k = Σ_j W_kj x_j + c_k,  h_k = σ(z_k),  f = Σ_k v_k h_k + c_out,  u = Σ_j w_j x_j + b
 *   f~ = f + a·e^u,  L~ = s·Σ_i ℓ(-y_i f~_i) + (λ/2)a²,  δf~_i = s·(-y_i)·ℓ'(-y_i f~_i)
 * </pre>
 *
 * Every loop runs over the runs of one sample and one parameter; nothing is ever summed across
 * runs and every element-wise function gives the same bits vectorized or not, at any position
 * ({@link ArrayMath}, {@link DeterministicMath}), so a run's numbers
 * do not depend on which runs share its batch or where it sits in it. The engine
 * ({@code NetworkObjective}) and its many-networks mode compute the same quantities in the same
 * order, so all three give the same bits (tested); this one fuses the layers of a network with
 * one hidden layer for speed (docs/PERFORMANCE.md, W4).
 */
final class TinyNetPass implements BatchPass {

    private final int d;
    private final int h;
    private final int n;
    private final int runs;
    private final double[] x;
    private final double[] y;
    private final double scale;
    private final double lambda;
    private final MarginLoss loss;
    private final boolean cubic;
    private final Activation.Kind act;
    private final double left;
    private final boolean neuron;
    private final boolean vectorKernels;
    private final int offB1;
    private final int offW2;
    private final int offB2;
    private final int offW;
    private final int offA;
    private final int offB;
    private final double[][] hid;
    private final double[][] der;
    private final double[] fNet;
    private final double[] u;
    private final double[] e;
    private final double[] g;
    private final double[] df;
    private final double[] lossSum;
    private final double[] netSum;
    /** L~ per run after {@link #evaluate}. */
    final double[] value;
    /** s·Σ_i ℓ(f(x_i)) of the network alone, after a recording pass. */
    final double[] networkOnly;
    /** max_i |a·e^{u_i}|, after a recording pass. */
    final double[] maxContribution;
    /** Per run, max_i |u_i|: beyond {@link #EXP_SAFE} e^u may overflow or leave the normal range. */
    final double[] largestExponent;

    /**
     * |u| up to which e^u is a finite normal number (e^u underflows below the normal range at
     * u ≈ −708.4 and overflows at u ≈ 709.8), so that a·e^u is what the engine computes.
     */
    static final double EXP_SAFE = 708;

    /**
     * Batches with at least this many runs take exp, tanh and σ from {@link ArrayMath}'s vector
     * kernels; smaller ones call {@link DeterministicMath} per element, which gives the same bits
     * and spares a short-lived JVM (a study of a few dozen runs) the vector kernels' warm-up.
     */
    static final int VECTOR_KERNEL_RUNS = 64;

    TinyNetPass(TinyNetProblem problem, int runs) {
        ParameterLayout layout = problem.spec().layout();
        this.d = problem.spec().inputDim();
        this.h = problem.spec().width(1);
        this.n = problem.data().n();
        this.runs = runs;
        this.vectorKernels = runs >= VECTOR_KERNEL_RUNS;
        this.x = problem.data().x().clone();
        this.y = problem.data().y().clone();
        this.scale = problem.scale();
        this.lambda = problem.lambda();
        this.loss = problem.loss();
        this.cubic = loss instanceof PolynomialHinge p && p.p() == 3;
        this.act = problem.spec().activation().kind();
        this.left = act == Activation.Kind.LEAKY_RELU ? problem.spec().activation().slope() : 0;
        this.neuron = layout.hasNeuron();
        this.offB1 = layout.biasOffset(1);
        this.offW2 = layout.weightOffset(2);
        this.offB2 = layout.biasOffset(2);
        this.offW = layout.neuronWOffset();
        this.offA = layout.neuronAOffset();
        this.offB = layout.neuronBOffset();
        hid = new double[h][runs];
        der = new double[h][runs];
        fNet = new double[runs];
        u = new double[runs];
        e = new double[runs];
        g = new double[runs];
        df = new double[runs];
        lossSum = new double[runs];
        netSum = new double[runs];
        value = new double[runs];
        networkOnly = new double[runs];
        maxContribution = new double[runs];
        largestExponent = new double[runs];
    }

    /**
     * Whether this pass takes the problem: one hidden layer; tanh, sigmoid, relu, leaky relu or
     * linear; no neuron, skip-exp or per-layer-exp (the same unit with one hidden layer).
     */
    static boolean takes(TinyNetProblem problem) {
        NetworkSpec spec = problem.spec();
        if (!spec.isMlp() || spec.depth() != 1) {
            return false;
        }
        Activation.Kind a = spec.activation().kind();
        NeuronKind k = spec.neuron();
        return a != Activation.Kind.SOFTPLUS && a != Activation.Kind.ELU
                && (k == NeuronKind.NONE || k == NeuronKind.SKIP_EXP || k == NeuronKind.PER_LAYER_EXP);
    }

    @Override
    public double[] value() {
        return value;
    }

    @Override
    public double[] networkOnly() {
        return networkOnly;
    }

    @Override
    public double[] maxContribution() {
        return maxContribution;
    }

    @Override
    public double[] largestExponent() {
        return largestExponent;
    }

    /**
     * L~ into {@link #value} and ∇L~ into grad (every entry written) at theta; with
     * {@code record}, also {@link #networkOnly} and {@link #maxContribution}.
     */
    @Override
    public void evaluate(double[][] theta, double[][] grad, boolean record) {
        for (double[] gp : grad) {
            Arrays.fill(gp, 0);
        }
        Arrays.fill(lossSum, 0);
        Arrays.fill(netSum, 0);
        Arrays.fill(maxContribution, 0);
        Arrays.fill(largestExponent, 0);
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            for (int k = 0; k < h; k++) {
                hiddenUnit(theta, k, xi);
            }
            double[] f = fNet;
            double[] cOut = theta[offB2];
            double[] v0 = theta[offW2];
            double[] h0 = hid[0];
            for (int r = 0; r < runs; r++) {
                f[r] = v0[r] * h0[r];
            }
            for (int k = 1; k < h; k++) {
                addProduct(f, theta[offW2 + k], hid[k]);
            }
            for (int r = 0; r < runs; r++) {
                f[r] += cOut[r];
            }
            double[] score = neuron ? neuronForward(theta, xi) : f;
            marginLoss(score, y[i], record);
            accumulate(theta, grad, xi);
        }
        double[] a = neuron ? theta[offA] : null;
        for (int r = 0; r < runs; r++) {
            value[r] = scale * lossSum[r] + (neuron ? 0.5 * lambda * a[r] * a[r] : 0);
            networkOnly[r] = scale * netSum[r];
        }
        if (neuron) {
            double[] ga = grad[offA];
            for (int r = 0; r < runs; r++) {
                ga[r] += lambda * a[r];
            }
        }
    }

    /**
     * hid[k] = σ(Σ_j W_kj x_j + c_k) for sample row xi, summed as the engine does (the products
     * first, then the bias); der[k] = σ'(·) except for tanh, whose σ' = 1 − h² the backward pass
     * takes from hid.
     */
    private void hiddenUnit(double[][] theta, int k, int xi) {
        double[] z = hid[k];
        double[] s = der[k];
        productInto(z, theta, k * d, xi, theta[offB1 + k]);
        switch (act) {
            case TANH -> tanh(z);
            case SIGMOID -> {
                sigmoid(z);
                for (int r = 0; r < runs; r++) {
                    s[r] = z[r] * (1 - z[r]);
                }
            }
            case RELU, LEAKY_RELU -> {
                for (int r = 0; r < runs; r++) {
                    double v = z[r];
                    boolean positive = v > 0;
                    s[r] = positive ? 1 : left;
                    z[r] = positive ? v : left == 0 ? 0 : left * v;
                }
            }
            default -> Arrays.fill(s, 1);
        }
    }

    /** out = Σ_j θ_{from+j}·x_{xi+j} + bias, per run. */
    private void productInto(double[] out, double[][] theta, int from, int xi, double[] bias) {
        double x0 = x[xi];
        double[] w0 = theta[from];
        for (int r = 0; r < runs; r++) {
            out[r] = w0[r] * x0;
        }
        for (int j = 1; j < d; j++) {
            addScaled(out, theta[from + j], x[xi + j]);
        }
        for (int r = 0; r < runs; r++) {
            out[r] += bias[r];
        }
    }

    /** u, e = e^u, g = a·e and f~ = f + g (in u's buffer, returned); tracks max |u|. */
    private double[] neuronForward(double[][] theta, int xi) {
        productInto(u, theta, offW, xi, theta[offB]);
        exp(u, e);
        double[] a = theta[offA];
        for (int r = 0; r < runs; r++) {
            largestExponent[r] = Math.max(largestExponent[r], Math.abs(u[r]));
        }
        for (int r = 0; r < runs; r++) {
            g[r] = a[r] * e[r];
        }
        for (int r = 0; r < runs; r++) {
            u[r] = fNet[r] + g[r];
        }
        return u;
    }

    /** Adds ℓ(-y f~) to the loss sums and sets df = s·(-y)·ℓ'(-y f~). */
    private void marginLoss(double[] score, double yi, boolean record) {
        double minusY = -yi;
        if (cubic) {
            for (int r = 0; r < runs; r++) {
                double t = Math.max(minusY * score[r] + 1, 0);
                lossSum[r] += t * t * t;
                df[r] = scale * (minusY * (3 * t * t));
            }
        } else {
            for (int r = 0; r < runs; r++) {
                double z = minusY * score[r];
                lossSum[r] += loss.value(z);
                df[r] = scale * (minusY * loss.d1(z));
            }
        }
        if (record) {
            for (int r = 0; r < runs; r++) {
                netSum[r] += loss.value(minusY * fNet[r]);
            }
            if (neuron) {
                for (int r = 0; r < runs; r++) {
                    maxContribution[r] = Math.max(maxContribution[r], Math.abs(g[r]));
                }
            }
        }
    }

    /** Adds sample xi's share of ∇L~ (its adjoint df) into grad. */
    private void accumulate(double[][] theta, double[][] grad, int xi) {
        double[] gOut = grad[offB2];
        for (int r = 0; r < runs; r++) {
            gOut[r] += df[r];
        }
        for (int k = 0; k < h; k++) {
            addProduct(grad[offW2 + k], df, hid[k]);
        }
        if (neuron) {
            addProduct(grad[offA], df, e);
            double[] du = u;
            double[] gb = grad[offB];
            for (int r = 0; r < runs; r++) {
                du[r] = df[r] * g[r];
            }
            for (int r = 0; r < runs; r++) {
                gb[r] += du[r];
            }
            for (int j = 0; j < d; j++) {
                addScaled(grad[offW + j], du, x[xi + j]);
            }
        }
        for (int k = 0; k < h; k++) {
            double[] dh = hid[k];
            double[] v = theta[offW2 + k];
            double[] gc = grad[offB1 + k];
            if (act == Activation.Kind.TANH) {
                for (int r = 0; r < runs; r++) {
                    double t = dh[r];
                    dh[r] = df[r] * v[r] * (1 - t * t);
                }
            } else {
                double[] s = der[k];
                for (int r = 0; r < runs; r++) {
                    dh[r] = df[r] * v[r] * s[r];
                }
            }
            for (int r = 0; r < runs; r++) {
                gc[r] += dh[r];
            }
            for (int j = 0; j < d; j++) {
                addScaled(grad[k * d + j], dh, x[xi + j]);
            }
        }
    }

    /** z = tanh(z). */
    private void tanh(double[] z) {
        if (vectorKernels) {
            ArrayMath.tanh(z, 0, z, 0, runs);
            return;
        }
        for (int r = 0; r < runs; r++) {
            z[r] = DeterministicMath.tanh(z[r]);
        }
    }

    /** z = σ(z). */
    private void sigmoid(double[] z) {
        if (vectorKernels) {
            ArrayMath.sigmoid(z, 0, z, 0, runs);
            return;
        }
        for (int r = 0; r < runs; r++) {
            z[r] = DeterministicMath.sigmoid(z[r]);
        }
    }

    /** out = exp(in). */
    private void exp(double[] in, double[] out) {
        if (vectorKernels) {
            ArrayMath.exp(in, 0, out, 0, runs);
            return;
        }
        for (int r = 0; r < runs; r++) {
            out[r] = DeterministicMath.exp(in[r]);
        }
    }

    /** acc += p ⊙ q. */
    private void addProduct(double[] acc, double[] p, double[] q) {
        for (int r = 0; r < runs; r++) {
            acc[r] += p[r] * q[r];
        }
    }

    /** acc += p·s. */
    private void addScaled(double[] acc, double[] p, double s) {
        for (int r = 0; r < runs; r++) {
            acc[r] += p[r] * s;
        }
    }
}
