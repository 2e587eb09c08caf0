package org.oneneuron.batch;

import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.engine.Graph;
import org.oneneuron.engine.LanePasses;
import org.oneneuron.model.NetworkSpec;

/**
 * What every run of a {@link TinyNetBatch} shares: the network, the data, the objective
 * L~ = s·Σ_i ℓ(-y_i f~(x_i)) + (λ/2)a² (s = 1 or 1/n), and full-batch gradient descent
 * θ ← θ − η·c·∇L~ with c = min(1, clip/‖∇L~‖) (as {@code optim.GradientDescent}).
 *
 * @param spec             a tiny MLP, widths ≤ {@link Graph#TINY_WIDTH}; see {@link #supports}
 * @param data             the training samples, labels ±1
 * @param loss             the margin loss ℓ
 * @param reduction        SUM or MEAN
 * @param lambda           λ ≥ 0 of (λ/2)a²
 * @param learningRate     η > 0
 * @param clipNorm         gradient-norm clip, 0 = off
 * @param divergenceFactor a run whose loss exceeds factor·max(|L₀|, 1) is stopped as diverged (> 1)
 * @param historyStride    record the trajectory every this many steps (≥ 1)
 */
public record TinyNetProblem(NetworkSpec spec, Dataset data, MarginLoss loss, Reduction reduction,
                             double lambda, double learningRate, double clipNorm,
                             double divergenceFactor, int historyStride) {

    public TinyNetProblem {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        String why = unsupported(spec);
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("the batched path cannot take " + spec + ": " + why);
        }
        if (data.d() != spec.inputDim()) {
            throw new IllegalArgumentException("data has d = " + data.d() + ", the network expects "
                    + spec.inputDim());
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be finite and >= 0, got " + lambda);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got "
                    + learningRate);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("clip norm must be finite and >= 0 (0 = off), got "
                    + clipNorm);
        }
        if (!(divergenceFactor > 1)) {
            throw new IllegalArgumentException("divergence factor must be > 1, got " + divergenceFactor);
        }
        if (historyStride < 1) {
            throw new IllegalArgumentException("history stride must be >= 1, got " + historyStride);
        }
    }

    /**
     * Whether the batched path takes this network: dense layers and activations (an MLP of any
     * depth), every width — input, hidden, output — at most {@link Graph#TINY_WIDTH} (where the
     * engine itself runs on the plain loops, so both paths give the same bits), one output, and a
     * neuron that reads the raw input (any kind but no-skip); see {@link LanePasses}.
     */
    public static boolean supports(NetworkSpec spec) {
        return unsupported(spec).isEmpty();
    }

    private static String unsupported(NetworkSpec spec) {
        String lanes = LanePasses.unsupported(spec);
        if (!lanes.isEmpty()) {
            return lanes;
        }
        if (!new Graph(spec).blas().name().equals("plain")) {
            return "widths must be at most " + Graph.TINY_WIDTH;
        }
        return "";
    }

    /** The factor s in front of the loss sum. */
    public double scale() {
        return reduction.scale(data.n());
    }
}
