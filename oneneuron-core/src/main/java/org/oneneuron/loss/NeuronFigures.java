package org.oneneuron.loss;

import java.util.ArrayList;
import java.util.List;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.objective.NeuronSnapshot;

/**
 * The special neurons' snapshot figures from θ. With one output they are the neuron's a, b and
 * ‖w‖. With K outputs (one neuron per output, PAPER.md §10) the snapshot summarizes them: a is the
 * a_k of largest magnitude (signed), b = max_k b_k (the direction in which a neuron runs off to
 * infinity), ‖w‖ the Frobenius norm over every w_k; the largest contribution and the network-only
 * loss are over all samples and outputs, and each output's a_k, b_k, ‖w_k‖ is kept as well
 * (the per-output road to infinity, {@code train.OutputRoad}).
 */
final class NeuronFigures {

    private NeuronFigures() {
    }

    static NeuronSnapshot snapshot(ParameterLayout layout, int outputs, double[] theta, double max, double networkOnly) {
        double norm = 0;
        int w = layout.neuronWOffset();
        int d = layout.neuronInputDim();
        int ka = layout.neuronAOffset();
        int kb = layout.neuronBOffset();
        for (int j = 0; j < outputs * d; j++) {
            norm += theta[w + j] * theta[w + j];
        }
        List<NeuronSnapshot.Output> each = new ArrayList<>(outputs > 1 ? outputs : 0);
        for (int k = 0; outputs > 1 && k < outputs; k++) {
            double normK = 0;
            for (int j = k * d; j < (k + 1) * d; j++) {
                normK += theta[w + j] * theta[w + j];
            }
            each.add(new NeuronSnapshot.Output(theta[ka + k], theta[kb + k], Math.sqrt(normK)));
        }
        double a = theta[ka];
        double b = theta[kb];
        for (int k = 1; k < outputs; k++) {
            if (Math.abs(theta[ka + k]) > Math.abs(a)) {
                a = theta[ka + k];
            }
            b = Math.max(b, theta[kb + k]);
        }
        return new NeuronSnapshot(a, b, Math.sqrt(norm), max, networkOnly, each);
    }
}
