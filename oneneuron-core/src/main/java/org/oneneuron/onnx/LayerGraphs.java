package org.oneneuron.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneneuron.run.Model;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterBlock;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.train.Provenance;

/**
 * Reads today's model (an MLP with or without the special neuron, {@link Model}) as a
 * {@link LayerGraph}: standardize, then per hidden layer a dense layer and its activation, then
 * the output layer, then the special neuron. Tensors: {@code features} (raw input), {@code x}
 * (standardized), {@code z1}, {@code h1}, …, {@code f} (the network's score), {@code score}.
 * A model format that stores a layer graph needs only another method here.
 */
public final class LayerGraphs {

    /** Name of the raw feature input. */
    public static final String INPUT = "features";
    /** Name of the score output f~(x). */
    public static final String SCORE = "score";

    private LayerGraphs() {
    }

    /** The layers of a stored model. */
    public static LayerGraph of(Model model) {
        NetworkSpec spec = model.spec();
        if (!spec.isMlp()) {
            throw new IllegalArgumentException("ONNX export takes MLPs (dense layers and one activation) so far; "
                    + "this model is " + spec.architecture() + " on " + spec.input());
        }
        ParameterLayout layout = spec.layout();
        double[] theta = model.theta();
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer.Standardize(INPUT, "x", model.standardizer().mean(),
                model.standardizer().scale()));
        String previous = "x";
        int depth = spec.depth();
        for (int l = 1; l <= depth; l++) {
            layers.add(new Layer.Dense(previous, "z" + l, spec.width(l - 1), spec.width(l),
                    block(theta, layout, "W" + l), block(theta, layout, "b" + l)));
            layers.add(new Layer.Activate("z" + l, "h" + l, spec.activation()));
            previous = "h" + l;
        }
        boolean neuron = spec.neuron().present();
        String network = neuron ? "f" : SCORE;
        layers.add(new Layer.Dense(previous, network, spec.width(depth), 1,
                block(theta, layout, "W" + (depth + 1)), block(theta, layout, "b" + (depth + 1))));
        if (neuron) {
            String source = spec.neuron().readsHidden() ? previous : "x";
            layers.add(new Layer.SpecialNeuron(source, network, SCORE, spec.neuron(),
                    block(theta, layout, "w"), block(theta, layout, "a")[0], block(theta, layout, "b")[0]));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("library_version", Provenance.currentLibraryVersion());
        metadata.put("network", spec.inputDim() + "-" + spec.hidden() + "-1 " + spec.activation().word()
                + ", neuron " + spec.neuron().word());
        metadata.put("loss", model.loss().word());
        metadata.put("lambda", Double.toString(model.lambda()));
        metadata.put("feature_names", String.join(",", model.featureNames()));
        metadata.put("label_names", String.join(",", model.labelNames()));
        new java.util.TreeMap<>(model.provenance()).forEach((k, v) -> metadata.put("provenance." + k, v));
        return new LayerGraph(INPUT, spec.inputDim(), layers, SCORE, model.labelNames(), metadata);
    }

    private static double[] block(double[] theta, ParameterLayout layout, String name) {
        ParameterBlock b = layout.block(name);
        return Arrays.copyOfRange(theta, b.offset(), b.offset() + b.size());
    }
}
