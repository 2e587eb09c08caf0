package org.oneneuron.constructions;

import java.util.Optional;
import java.util.OptionalDouble;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.SampleLoss;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterLayout;

/**
 * The "dead ReLU" bad local minimum of any ReLU MLP on any data (PAPER.md §6 D): every hidden
 * weight 0 and every hidden bias -1, so every unit's pre-activation is -1 on every input and
 * stays negative under perturbations smaller than 1/(1 + max ‖x_i‖); the output is then the
 * output bias d alone, set to the best constant argmin_d Σ ℓ(d; y_i). Nearby points compute the
 * same constant function family, so the point is a local minimum for any loss convex in f; it is
 * bad whenever a constant does not reach the loss's minimum. (Output weights are 1: with dead
 * units they do not matter.)
 */
public final class DeadReluRecipe {

    private DeadReluRecipe() {
    }

    /**
     * Builds the recipe for a plain ReLU network over the data.
     *
     * @throws IllegalArgumentException for a non-ReLU activation, a width mismatch, or a loss whose
     *                                  best constant does not exist (e.g. logistic on one class)
     */
    public static Recipe build(NetworkSpec spec, Dataset data, OutputLoss loss) {
        NetworkSpec shape = oneOutputShape(spec);
        if (!shape.activation().equals(Activation.RELU)) {
            throw new IllegalArgumentException("the dead-ReLU recipe needs relu units (a dead unit has zero "
                    + "slope), got " + shape.activation().word());
        }
        if (shape.depth() == 0) {
            throw new IllegalArgumentException("the dead-ReLU recipe needs at least one hidden layer");
        }
        if (spec.inputDim() != data.d()) {
            throw new IllegalArgumentException("network input " + spec.inputDim() + " != data d = " + data.d());
        }
        if (spec.outputs() > 1) {
            return classes(spec, data, loss);
        }
        if (!(loss instanceof SampleLoss scalar)) {
            throw new IllegalArgumentException("a one-output network needs a one-score loss, got " + loss.word());
        }
        return oneOutput(spec, data, scalar);
    }

    /** The same MLP with one output: what {@link NetworkSpec#depth()} and its kin describe. */
    private static NetworkSpec oneOutputShape(NetworkSpec spec) {
        if (spec.outputs() == 1) {
            return spec;
        }
        java.util.List<org.oneneuron.model.LayerSpec> layers = new java.util.ArrayList<>(spec.layers());
        layers.set(layers.size() - 1, new org.oneneuron.model.LayerSpec.Dense(1));
        return new NetworkSpec(spec.input(), layers, spec.neuron());
    }

    private static double[] deadHidden(NetworkSpec spec) {
        NetworkSpec shape = oneOutputShape(spec);
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.dimension()];
        for (int l = 1; l <= shape.depth(); l++) {
            for (int r = 0; r < shape.width(l); r++) {
                theta[layout.biasOffset(l) + r] = -1.0;
            }
        }
        int out = shape.depth() + 1;
        for (int c = 0; c < spec.outputs() * shape.width(shape.depth()); c++) {
            theta[layout.weightOffset(out) + c] = 1.0;
        }
        return theta;
    }

    private static Recipe oneOutput(NetworkSpec spec, Dataset data, SampleLoss loss) {
        double[] theta = deadHidden(spec);
        ParameterLayout layout = spec.layout();
        int out = spec.depth() + 1;
        double d = BestConstant.of(data, loss);
        theta[layout.biasOffset(out)] = d;
        double badLoss = 0.0;
        for (double y : data.y()) {
            badLoss += loss.valueAt(d, y);
        }
        return new Recipe("dead-relu", "every hidden unit inactive on the data, output bias the best constant "
                + d + ": a local minimum for any loss convex in f", data, spec, loss, theta, badLoss,
                Optional.empty(), OptionalDouble.empty(), beatenBecause(data, loss, d, badLoss));
    }

    /**
     * The K-output recipe (PAPER.md §10, "a multi-class bad local minimum"): every hidden unit dead,
     * the output biases the best constant score vector c = argmin_c Σ_i ℓ(c; y_i) ({@link
     * BestClassConstant}). Every nearby network computes a constant vector near c, so the point is a
     * local minimum for any loss convex in the scores; it is beaten when an affine map is:
     * with G_k = Σ_i ∂ℓ/∂q_k(c; y_i)·x_i ≠ 0 for some k, the scores c - t·e_k·G_kᵀx (one relayed
     * active unit feeding output k) lower the loss for a small t.
     */
    private static Recipe classes(NetworkSpec spec, Dataset data, OutputLoss loss) {
        int k = spec.outputs();
        if (data.task() != org.oneneuron.data.Task.MULTICLASS || data.outputs() != k) {
            throw new IllegalArgumentException("a network of " + k + " outputs needs " + k + "-class data, got a "
                    + data.task().word() + " task of " + data.outputs() + (data.outputs() == 1 ? " output" : " outputs"));
        }
        if (!loss.accepts(k)) {
            throw new IllegalArgumentException("the loss " + loss.word() + " does not take " + k + " scores");
        }
        double[] theta = deadHidden(spec);
        ParameterLayout layout = spec.layout();
        double[] c = BestClassConstant.of(data, loss, k);
        System.arraycopy(c, 0, theta, layout.biasOffset(oneOutputShape(spec).depth() + 1), k);
        double badLoss = BestClassConstant.total(data, loss, c, k);
        return new Recipe("dead-relu", "every hidden unit inactive on the data, output biases the best constant "
                + "score vector: a local minimum for any loss convex in the scores", data, spec, loss, theta,
                badLoss, Optional.empty(), OptionalDouble.empty(), classesBeaten(data, loss, c, badLoss));
    }

    /** {@link #beatenBecause} for K scores: the affine step on the output with the largest ‖G_k‖. */
    static Optional<String> classesBeaten(Dataset data, OutputLoss loss, double[] c, double badLoss) {
        int k = c.length;
        int dim = data.d();
        double[][] g = new double[k][dim];
        double[] grad = new double[k];
        for (int i = 0; i < data.n(); i++) {
            loss.gradient(c, 0, k, data.y()[i], 1.0, grad, 0);
            for (int j = 0; j < k; j++) {
                for (int m = 0; m < dim; m++) {
                    g[j][m] += grad[j] * data.x(i, m);
                }
            }
        }
        int best = 0;
        double bestNorm = -1;
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (double v : g[j]) {
                norm += v * v;
            }
            if (norm > bestNorm) {
                bestNorm = norm;
                best = j;
            }
        }
        double[] f = new double[k];
        for (double t = 1.0; t > 1e-12; t /= 2) {
            double value = 0.0;
            for (int i = 0; i < data.n(); i++) {
                System.arraycopy(c, 0, f, 0, k);
                for (int m = 0; m < dim; m++) {
                    f[best] -= t * g[best][m] * data.x(i, m);
                }
                value += loss.value(f, 0, k, data.y()[i]);
            }
            if (value < badLoss - 1e-12 * Math.max(1.0, badLoss)) {
                return Optional.of(String.format(java.util.Locale.ROOT, "an affine map on output %d, which every"
                        + " ReLU network computes with one unit kept active, reaches loss %.6g < %.6g", best, value,
                        badLoss));
            }
        }
        return Optional.empty();
    }

    /**
     * Why the network beats the best constant d, when an affine function does: every ReLU MLP
     * computes d - c + relu(βᵀx + c) relayed through units kept active (c large enough), i.e. any
     * affine function on the data, and with g = Σ_i ℓ'(d; y_i)·x_i ≠ 0 the affine d - t·gᵀx lowers
     * Σ ℓ for a small t > 0 (found by halving, and checked). Empty when no such step is found.
     */
    static Optional<String> beatenBecause(Dataset data, SampleLoss loss, double d, double badLoss) {
        int dim = data.d();
        double[] g = new double[dim];
        for (int i = 0; i < data.n(); i++) {
            double slope = loss.d1At(d, data.y()[i]);
            for (int j = 0; j < dim; j++) {
                g[j] += slope * data.x(i, j);
            }
        }
        for (double t = 1.0; t > 1e-12; t /= 2) {
            double value = 0.0;
            for (int i = 0; i < data.n(); i++) {
                double f = d;
                for (int j = 0; j < dim; j++) {
                    f -= t * g[j] * data.x(i, j);
                }
                value += loss.valueAt(f, data.y()[i]);
            }
            if (value < badLoss - 1e-12 * Math.max(1.0, badLoss)) {
                return Optional.of(String.format(java.util.Locale.ROOT, "an affine function, which every ReLU"
                        + " network computes with its units kept active, reaches loss %.6g < %.6g", value, badLoss));
            }
        }
        return Optional.empty();
    }
}
