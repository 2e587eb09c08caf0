package org.oneneuron.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.run.Model;
import org.oneneuron.model.Activation;
import org.oneneuron.train.Provenance;

/**
 * Writes a {@link LayerGraph} as an ONNX model (IR version {@value #IR_VERSION}, default-domain
 * opset {@value #OPSET}, or {@value #OPSET_LAYER_NORM} when it has a layer norm), float32
 * throughout. Input {@code features} [N, d] (raw, unscaled, an image's C·H·W values in
 * (channel, row, column) order);
 * outputs {@code score} [N, 1] = f~(x) and {@code label} [N, 1] = +1 where score ≥ 0, else -1.
 * A multi-class model (K outputs) has {@code score} [N, K] = f~(x), {@code probabilities} [N, K]
 * = Softmax(a·score) along the classes, a = 1/T the model's temperature calibration (1 without one;
 * what {@code oneneuron predict} writes as p_CLASS) and
 * {@code label} [N, 1] int64 = ArgMax(score), the index of the class in the metadata's
 * {@code label_names} (the first on a tie, as OneNeuron counts it). A regression model has one
 * output, {@code value} [N, 1] = f~(x), or μ + σ·f~(x) for a model trained on standardized targets
 * (what {@code oneneuron predict} writes as value).
 * Each layer maps to its own nodes:
 *
 * <ul>
 *   <li>standardize: Sub(x, mean), Div(·, scale)</li>
 *   <li>dense: Gemm(x, W, b, transB = 1)</li>
 *   <li>activation: Tanh, Relu, LeakyRelu(alpha = slope), Sigmoid, Softplus, Elu(alpha = 1), Identity</li>
 *   <li>a regression's target scaling: Mul(score, σ), Add(·, μ)</li>
 *   <li>special neuron (one per output): u = Gemm(s, w, b, transB = 1), then score = f + a·φ(u); for φ = exp in
 *       the engine's stable form, E = Exp(u), Where(MIN_NORMAL ≤ E ≤ MAX, a·E,
 *       sign(a)·Exp(u + log|a|)), so a·exp(u) stays finite where a → 0 and u → ∞ (it overflows
 *       only where the product itself exceeds float32's 3.4e38); a = 0 adds nothing</li>
 *   <li>a layer graph's other layers: Reshape to [N, C, H, W], Conv, MaxPool, AveragePool,
 *       Flatten, LayerNormalization, Add for a residual block ({@link ImageLayerNodes})</li>
 * </ul>
 *
 * The protobuf messages are written by hand ({@link ProtoWriter}); see docs/ARCHITECTURE.md.
 */
public final class OnnxExporter {

    /** ONNX IR version written. */
    public static final long IR_VERSION = 8;
    /** Opset of the default domain. */
    public static final long OPSET = 13;
    /** Opset of the default domain for a graph with layer norm (LayerNormalization is opset 17). */
    public static final long OPSET_LAYER_NORM = 17;
    /** The ±1 class output (binary) or the class index (multi-class). */
    public static final String LABEL = "label";
    /** The one output of a regression model: the predicted value f~(x). */
    public static final String VALUE = "value";
    /** The class probabilities output of a multi-class model. */
    public static final String PROBABILITIES = "probabilities";

    private OnnxExporter() {
    }

    /** Writes the stored model's layers to {@code file} atomically. */
    public static void write(Model model, Path file) {
        write(LayerGraphs.of(model), file);
    }

    /** Writes the layer graph to {@code file} atomically. */
    public static void write(LayerGraph graph, Path file) {
        AtomicFiles.write(file, toBytes(graph));
    }

    /** The ONNX ModelProto bytes of the layer graph. */
    public static byte[] toBytes(LayerGraph graph) {
        OnnxGraphWriter g = new OnnxGraphWriter();
        g.input(graph.input(), graph.inputDim());
        for (Layer layer : graph.layers()) {
            if (layer instanceof Layer.Standardize s) {
                standardize(g, s);
            } else if (layer instanceof Layer.Dense d) {
                g.node("Gemm", d.output(), List.of(d.input(),
                        g.constant("W", floats(d.weight()), d.outputs(), d.inputs()),
                        g.constant("b", floats(d.bias()), d.outputs())),
                        OnnxGraphWriter.intAttribute("transB", 1));
            } else if (layer instanceof Layer.Activate a) {
                activate(g, a);
            } else if (layer instanceof Layer.SpecialNeuron n) {
                SpecialNeuronNodes.add(g, n);
            } else if (layer instanceof Layer.Rescale r) {
                String scaled = g.node("Mul", g.fresh("scaled"), List.of(r.input(),
                        g.scalar("target_scale", (float) r.scale())));
                g.node("Add", r.output(), List.of(scaled, g.scalar("target_mean", (float) r.shift())));
            } else if (!ImageLayerNodes.add(g, layer)) {
                throw new IllegalArgumentException("no ONNX mapping for layer " + layer);
            }
        }
        String doc;
        if (graph.regression()) {
            g.node("Identity", VALUE, List.of(graph.score()));
            g.output(VALUE, 1);
            doc = "OneNeuron regression model: value = " + (graph.score().equals(LayerGraphs.TARGET)
                    ? "mu + sigma*f~(x), the target's standardization undone," : "f~(x)")
                    + " on raw features (standardized inside)";
        } else if (graph.outputs() > 1) {
            String logits = graph.probabilitySlope() == 1 ? graph.score() : g.node("Mul", g.fresh("tempered"),
                    List.of(graph.score(), g.scalar("temperature_slope", (float) graph.probabilitySlope())));
            g.node("Softmax", PROBABILITIES, List.of(logits), OnnxGraphWriter.intAttribute("axis", 1));
            g.node("ArgMax", LABEL, List.of(graph.score()), OnnxGraphWriter.intAttribute("axis", 1),
                    OnnxGraphWriter.intAttribute("keepdims", 1));
            g.output(graph.score(), graph.outputs());
            g.output(PROBABILITIES, graph.outputs());
            g.output(LABEL, 1, OnnxGraphWriter.INT64);
            doc = "OneNeuron model: score = f~(x), K = " + graph.outputs() + " class scores, on raw features"
                    + " (standardized inside), probabilities = softmax(" + (graph.probabilitySlope() == 1 ? ""
                    : graph.probabilitySlope() + "·") + "score), label = index of the largest score"
                    + " in the classes " + String.join(",", graph.labelNames());
        } else {
            String positive = g.scalar("plus_one", 1f);
            String negative = g.scalar("minus_one", -1f);
            String nonNegative = g.node("GreaterOrEqual", g.fresh("non_negative"),
                    List.of(graph.score(), g.scalar("zero", 0f)));
            g.node("Where", LABEL, List.of(nonNegative, positive, negative));
            g.output(graph.score(), 1);
            g.output(LABEL, 1);
            doc = "OneNeuron model: score = f~(x) on raw features (standardized inside), label = +1"
                    + " where score >= 0 (" + label(graph, 1) + "), else -1 (" + label(graph, 0) + ")";
        }
        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)                          // ir_version
                .string(2, "oneneuron")                         // producer_name
                .string(3, Provenance.currentLibraryVersion())  // producer_version
                .string(4, "org.oneneuron")                     // domain
                .varint(5, 1)                                   // model_version
                .string(6, doc)                                 // doc_string
                .message(7, g.graph("oneneuron", doc))          // graph
                .message(8, new ProtoWriter().string(1, "").varint(2, opset(graph))); // opset_import
        for (Map.Entry<String, String> e : graph.metadata().entrySet()) {
            model.message(14, new ProtoWriter().string(1, e.getKey()).string(2, e.getValue()));
        }
        return model.toByteArray();
    }

    /** {@value #OPSET}, or {@value #OPSET_LAYER_NORM} when the graph has a layer norm. */
    static long opset(LayerGraph graph) {
        return graph.layers().stream().anyMatch(l -> l instanceof Layer.LayerNorm) ? OPSET_LAYER_NORM : OPSET;
    }

    private static String label(LayerGraph graph, int index) {
        return graph.labelNames().size() == 2 ? graph.labelNames().get(index) : (index == 1 ? "+1" : "-1");
    }

    private static void standardize(OnnxGraphWriter g, Layer.Standardize s) {
        int d = s.mean().length;
        String centred = g.node("Sub", g.fresh("centred"), List.of(s.input(),
                g.constant("mean", floats(s.mean()), d)));
        g.node("Div", s.output(), List.of(centred, g.constant("scale", floats(s.scale()), d)));
    }

    private static void activate(OnnxGraphWriter g, Layer.Activate a) {
        Activation act = a.activation();
        List<String> in = List.of(a.input());
        switch (act.kind()) {
            case RELU -> g.node("Relu", a.output(), in);
            case LEAKY_RELU -> g.node("LeakyRelu", a.output(), in,
                    OnnxGraphWriter.floatAttribute("alpha", (float) act.slope()));
            case TANH -> g.node("Tanh", a.output(), in);
            case SIGMOID -> g.node("Sigmoid", a.output(), in);
            case SOFTPLUS -> g.node("Softplus", a.output(), in);
            case ELU -> g.node("Elu", a.output(), in, OnnxGraphWriter.floatAttribute("alpha", 1f));
            case LINEAR -> g.node("Identity", a.output(), in);
        }
    }

    static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
