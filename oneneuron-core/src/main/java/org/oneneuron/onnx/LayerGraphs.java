package org.oneneuron.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.run.Model;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterBlock;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.train.Provenance;

/**
 * Reads a stored model ({@link Model}, with or without the special neuron) as a
 * {@link LayerGraph}. An MLP: standardize, then per hidden layer a dense layer and its
 * activation, then the output layer, then the special neuron; tensors {@code features} (raw
 * input), {@code x} (standardized), {@code z1}, {@code h1}, …, {@code f} (the network's score),
 * {@code score} (a regression trained on standardized targets: then {@code target} = σ·score + μ,
 * {@link Layer.Rescale}). Any other layer graph (convolutions, pooling, layer norm, residual blocks):
 * standardize, {@link NetworkLayers}, the special neuron.
 */
public final class LayerGraphs {

    /** Name of the raw feature input. */
    public static final String INPUT = "features";
    /** Name of the score output f~(x). */
    public static final String SCORE = "score";
    /** A regression's value in the target's units, μ + σ·f~, when it was trained on standardized targets. */
    public static final String TARGET = "target";

    private LayerGraphs() {
    }

    /**
     * The layers of a stored model: a one-output MLP as always, any other network (a layer graph,
     * or an MLP with K outputs) through {@link NetworkLayers}.
     */
    public static LayerGraph of(Model model) {
        return model.spec().isMlp() ? mlp(model) : graph(model);
    }

    private static LayerGraph mlp(Model model) {
        NetworkSpec spec = model.spec();
        ParameterLayout layout = spec.layout();
        double[] theta = model.theta();
        List<Layer> layers = new ArrayList<>();
        layers.add(standardize(model));
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
        neuron(model, previous, network).ifPresent(layers::add);
        return new LayerGraph(INPUT, spec.inputDim(), layers, inTargetUnits(model, layers), 1, model.labelNames(), metadata(model,
                spec.inputDim() + "-" + spec.hidden() + "-1 " + spec.activation().word()),
                model.task() == org.oneneuron.data.Task.REGRESSION, 1);
    }

    /**
     * Any layer graph: standardize, then {@link NetworkLayers} (Reshape to the sample's C×H×W,
     * the layers, Flatten before dense), then the neuron, whose w reads {@code x} (all C·H·W
     * standardized values) or, for no-skip, the output layer's input.
     */
    private static LayerGraph graph(Model model) {
        NetworkSpec spec = model.spec();
        List<Layer> layers = new ArrayList<>();
        layers.add(standardize(model));
        String network = spec.neuron().present() ? "f" : SCORE;
        NetworkLayers.Built built = NetworkLayers.of(spec, model.theta(), "x", network);
        layers.addAll(built.layers());
        neuron(model, built.representation(), network).ifPresent(layers::add);
        double slope = spec.outputs() > 1 ? model.calibration().map(c -> c.a()).orElse(1.0) : 1;
        return new LayerGraph(INPUT, spec.inputDim(), layers, inTargetUnits(model, layers), spec.outputs(),
                model.labelNames(),
                metadata(model, spec.architecture() + " on " + spec.input()),
                model.task() == org.oneneuron.data.Task.REGRESSION, slope);
    }

    /**
     * The tensor of the model's output: {@code score}, or for a regression trained on standardized
     * targets {@code target} = σ·score + μ, the layer that writes it appended to {@code layers}.
     */
    private static String inTargetUnits(Model model, List<Layer> layers) {
        TargetStandardizer target = model.targetStandardizer();
        if (target.isIdentity()) {
            return SCORE;
        }
        layers.add(new Layer.Rescale(SCORE, TARGET, target.scale(), target.mean()));
        return TARGET;
    }

    private static Layer standardize(Model model) {
        return new Layer.Standardize(INPUT, "x", model.standardizer().mean(), model.standardizer().scale());
    }

    /** The special neuron after the network's score tensor, reading x or (no-skip) {@code representation}. */
    private static Optional<Layer> neuron(Model model, String representation, String network) {
        NetworkSpec spec = model.spec();
        if (!spec.neuron().present()) {
            return Optional.empty();
        }
        ParameterLayout layout = spec.layout();
        double[] theta = model.theta();
        String source = spec.neuron().readsHidden() ? representation : "x";
        return Optional.of(new Layer.SpecialNeuron(source, network, SCORE, spec.neuron(),
                block(theta, layout, "w"), block(theta, layout, "a"), block(theta, layout, "b")));
    }

    private static Map<String, String> metadata(Model model, String network) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("library_version", Provenance.currentLibraryVersion());
        metadata.put("network", network + ", neuron " + model.spec().neuron().word());
        metadata.put("loss", model.loss().word());
        metadata.put("lambda", Double.toString(model.lambda()));
        metadata.put("feature_names", String.join(",", model.featureNames()));
        metadata.put("label_names", String.join(",", model.labelNames()));
        new TreeMap<>(model.provenance()).forEach((k, v) -> metadata.put("provenance." + k, v));
        return metadata;
    }

    private static double[] block(double[] theta, ParameterLayout layout, String name) {
        ParameterBlock b = layout.block(name);
        return Arrays.copyOfRange(theta, b.offset(), b.offset() + b.size());
    }
}
