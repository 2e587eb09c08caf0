package org.oneneuron.landscape;

import java.util.ArrayList;
import java.util.List;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.ParameterLayout;

/**
 * The figures of each output's special neuron (PAPER.md §10: one neuron per output, f~_k = f_k +
 * a_k·φ(w_kᵀx + b_k)): a_k, b_k, ‖w_k‖ and its largest contribution over the data,
 * max_i |a_k·E_ik| = max_i |f~_ik - f_ik| (read off the two score passes, so it holds for every
 * neuron kind, those reading a hidden layer included). The theorem's conclusion, per output:
 * a_k = 0, so every contribution vanishes.
 */
public final class OutputNeurons {

    /**
     * One output's neuron.
     *
     * @param output          k, 0-based
     * @param a               a_k
     * @param b               b_k
     * @param wNorm           ‖w_k‖
     * @param maxContribution max_i |a_k·E_ik| over the objective's data
     */
    public record Figures(int output, double a, double b, double wNorm, double maxContribution) {
    }

    private OutputNeurons() {
    }

    /** Each output's figures at θ; empty for a model without a special neuron. */
    public static List<Figures> of(NetworkObjective objective, double[] theta) {
        ParameterLayout layout = objective.layout();
        if (!layout.hasNeuron()) {
            return List.of();
        }
        int outputs = objective.outputs();
        double[] augmented = objective.scores(theta);
        double[] alone = objective.networkScores(theta);
        int d = layout.neuronInputDim();
        List<Figures> figures = new ArrayList<>(outputs);
        for (int k = 0; k < outputs; k++) {
            double norm = 0.0;
            for (int j = 0; j < d; j++) {
                double w = theta[layout.neuronWOffset() + k * d + j];
                norm += w * w;
            }
            double max = 0.0;
            for (int i = k; i < augmented.length; i += outputs) {
                max = Math.max(max, Math.abs(augmented[i] - alone[i]));
            }
            figures.add(new Figures(k, theta[layout.neuronAOffset() + k], theta[layout.neuronBOffset() + k],
                    Math.sqrt(norm), max));
        }
        return List.copyOf(figures);
    }
}
