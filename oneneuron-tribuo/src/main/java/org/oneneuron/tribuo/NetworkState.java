package org.oneneuron.tribuo;

import java.io.Serializable;
import java.util.List;
import org.oneneuron.data.Standardizer;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.engine.Graph;
import org.oneneuron.model.Activation;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * A trained network in serializable form (Tribuo models are {@link Serializable}): the spec in
 * words, θ, the feature standardizer and a regression's target scaling. {@link #scores} runs
 * exactly what {@code oneneuron predict} runs (the run floor's Model.scores: standardize, then
 * {@link Graph#scores}, then mean + scale·f~ for a standardized target), so both give the same
 * bits on the same rows.
 *
 * @param inputDim   features
 * @param hidden     hidden widths
 * @param activation activation word
 * @param neuron     special neuron word
 * @param theta      parameters in the spec's layout
 * @param mean       standardizer means
 * @param scale      standardizer scales
 * @param outputs    K, the scores per sample (1 for binary and regression; 0, as a state serialized
 *                   before multi-class models existed reads back, means 1)
 * @param targetMean  a regression's target mean μ (0: none)
 * @param targetScale a regression's target scale σ (1: none; 0, as a state serialized before target
 *                    scaling existed reads back, means 1)
 */
record NetworkState(int inputDim, List<Integer> hidden, String activation, String neuron, double[] theta,
                    double[] mean, double[] scale, int outputs, double targetMean, double targetScale)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    NetworkState {
        hidden = List.copyOf(hidden);
        theta = theta.clone();
        mean = mean.clone();
        scale = scale.clone();
        outputs = Math.max(1, outputs);
        targetScale = targetScale == 0 ? 1 : targetScale;
        new TargetStandardizer(targetMean, targetScale); // checks both
        if (theta.length != spec(inputDim, hidden, activation, neuron, outputs).layout().dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, the network needs "
                    + spec(inputDim, hidden, activation, neuron, outputs).layout().dimension());
        }
    }

    /** The state of an MLP spec (d → hidden → K, one activation), as the trainers build it. */
    static NetworkState of(NetworkSpec spec, double[] theta, Standardizer scaler, TargetStandardizer target) {
        List<Integer> hidden = new java.util.ArrayList<>();
        String activation = Activation.LINEAR.word();
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i + 1 < layers.size(); i += 2) {
            hidden.add(((LayerSpec.Dense) layers.get(i)).units());
            activation = ((LayerSpec.Act) layers.get(i + 1)).activation().word();
        }
        return new NetworkState(spec.inputDim(), hidden, activation, spec.neuron().word(), theta, scaler.mean(),
                scaler.scale(), spec.outputs(), target.mean(), target.scale());
    }

    NetworkSpec spec() {
        return spec(inputDim, hidden, activation, neuron, outputs);
    }

    Standardizer standardizer() {
        return new Standardizer(mean, scale);
    }

    TargetStandardizer target() {
        return new TargetStandardizer(targetMean, targetScale);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /**
     * f~(x_i) for n raw rows (row-major, {@code inputDim} columns): n·K scores, sample-major; a
     * regression's values in the target's units (μ + σ·f~).
     */
    double[] scores(double[] rawRows, int n) {
        double[] x = standardizer().transform(rawRows);
        double[] out = new double[n * outputs];
        new Graph(spec()).scores(theta, x, n, out);
        target().toTargets(out);
        return out;
    }

    private static NetworkSpec spec(int d, List<Integer> hidden, String activation, String neuron, int outputs) {
        return NetworkSpec.mlp(d, hidden, Activation.parse(activation), NeuronKind.parse(neuron), outputs);
    }
}
