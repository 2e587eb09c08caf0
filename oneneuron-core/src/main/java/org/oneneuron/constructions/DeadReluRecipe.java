package org.oneneuron.constructions;

import java.util.Optional;
import java.util.OptionalDouble;
import org.oneneuron.data.Dataset;
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
    public static Recipe build(NetworkSpec spec, Dataset data, SampleLoss loss) {
        if (!spec.activation().equals(Activation.RELU)) {
            throw new IllegalArgumentException("the dead-ReLU recipe needs relu units (a dead unit has zero "
                    + "slope), got " + spec.activation().word());
        }
        if (spec.depth() == 0) {
            throw new IllegalArgumentException("the dead-ReLU recipe needs at least one hidden layer");
        }
        if (spec.inputDim() != data.d()) {
            throw new IllegalArgumentException("network input " + spec.inputDim() + " != data d = " + data.d());
        }
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.dimension()];
        for (int l = 1; l <= spec.depth(); l++) {
            for (int r = 0; r < spec.width(l); r++) {
                theta[layout.biasOffset(l) + r] = -1.0;
            }
        }
        int out = spec.depth() + 1;
        for (int c = 0; c < spec.width(spec.depth()); c++) {
            theta[layout.weightOffset(out) + c] = 1.0;
        }
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
