package org.oneneuron.tribuo;

import java.io.Serializable;
import java.util.List;
import org.oneneuron.data.Standardizer;
import org.oneneuron.engine.Graph;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * A trained network in serializable form (Tribuo models are {@link Serializable}): the spec in
 * words, θ and the feature standardizer. {@link #scores} runs exactly what {@code oneneuron
 * predict} runs (the run floor's Model.scores: standardize, then {@link Network#scores}), so both give the
 * same bits on the same rows.
 *
 * @param inputDim   features
 * @param hidden     hidden widths
 * @param activation activation word
 * @param neuron     special neuron word
 * @param theta      parameters in the spec's layout
 * @param mean       standardizer means
 * @param scale      standardizer scales
 */
record NetworkState(int inputDim, List<Integer> hidden, String activation, String neuron, double[] theta,
                    double[] mean, double[] scale) implements Serializable {

    private static final long serialVersionUID = 1L;

    NetworkState {
        hidden = List.copyOf(hidden);
        theta = theta.clone();
        mean = mean.clone();
        scale = scale.clone();
        if (theta.length != spec(inputDim, hidden, activation, neuron).layout().dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, the network needs "
                    + spec(inputDim, hidden, activation, neuron).layout().dimension());
        }
    }

    static NetworkState of(NetworkSpec spec, double[] theta, Standardizer scaler) {
        return new NetworkState(spec.inputDim(), spec.hidden(), spec.activation().word(), spec.neuron().word(),
                theta, scaler.mean(), scaler.scale());
    }

    NetworkSpec spec() {
        return spec(inputDim, hidden, activation, neuron);
    }

    Standardizer standardizer() {
        return new Standardizer(mean, scale);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** f~(x_i) for n raw rows (row-major, {@code inputDim} columns). */
    double[] scores(double[] rawRows, int n) {
        double[] x = standardizer().transform(rawRows);
        double[] out = new double[n];
        new Graph(spec()).scores(theta, x, n, out);
        return out;
    }

    private static NetworkSpec spec(int d, List<Integer> hidden, String activation, String neuron) {
        return new NetworkSpec(d, hidden, Activation.parse(activation), NeuronKind.parse(neuron));
    }
}
