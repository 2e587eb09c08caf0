package org.oneneuron.loss;

import org.oneneuron.model.ParameterLayout;
import org.oneneuron.objective.NeuronSnapshot;

/**
 * The special neurons' snapshot figures from θ. With one output they are the neuron's a, b and
 * ‖w‖. With K outputs (one neuron per output, PAPER.md §10) the snapshot summarizes them: a is the
 * a_k of largest magnitude (signed), b = max_k b_k (the direction in which a neuron runs off to
 * infinity), ‖w‖ the Frobenius norm over every w_k; the largest contribution and the network-only
 * loss are over all samples and outputs.
 */
final class NeuronFigures {

    private NeuronFigures() {
    }

    static NeuronSnapshot snapshot(ParameterLayout layout, int outputs, double[] theta, double max, double networkOnly) {
        double norm = 0;
        int w = layout.neuronWOffset();
        for (int j = 0; j < outputs * layout.neuronInputDim(); j++) {
            norm += theta[w + j] * theta[w + j];
        }
        int ka = layout.neuronAOffset();
        int kb = layout.neuronBOffset();
        double a = theta[ka];
        double b = theta[kb];
        for (int k = 1; k < outputs; k++) {
            if (Math.abs(theta[ka + k]) > Math.abs(a)) {
                a = theta[ka + k];
            }
            b = Math.max(b, theta[kb + k]);
        }
        return new NeuronSnapshot(a, b, Math.sqrt(norm), max, networkOnly);
    }
}
