package org.oneneuron.onnx;

import java.util.List;

/**
 * The special neurons' ONNX nodes: u = Gemm(s, w, b, transB = 1) [N, K], then
 * output = network + a·φ(u) with a [K] broadcast over the rows (a scalar for K = 1). For φ = exp
 * the engine's stable form (engine.NeuronHead): a·E where E = exp(u) is a finite normal float, else
 * sign(a)·exp(u + log|a|) (0 where a_k = 0: log 0 = -∞ and exp(-∞) = 0).
 */
final class SpecialNeuronNodes {

    private SpecialNeuronNodes() {
    }

    static void add(OnnxGraphWriter g, Layer.SpecialNeuron n) {
        double[] a = n.a();
        if (java.util.Arrays.stream(a).allMatch(v -> v == 0)) {
            g.node("Identity", n.output(), List.of(n.network())); // a·φ(u) = 0 for every finite u
            return;
        }
        int k = n.outputs();
        String u = g.node("Gemm", g.fresh("u"), List.of(n.source(),
                g.constant("w", OnnxExporter.floats(n.w()), k, n.w().length / k),
                g.constant("neuron_b", OnnxExporter.floats(n.b()), k)),
                OnnxGraphWriter.intAttribute("transB", 1));
        String term = switch (n.kind()) {
            case SKIP_EXP, PER_LAYER_EXP, NO_SKIP -> stableExp(g, u, a);
            case RELU -> times(g, a, g.node("Relu", g.fresh("phi"), List.of(u)));
            case LINEAR -> times(g, a, u);
            case QUADRATIC -> times(g, a, g.node("Mul", g.fresh("phi"), List.of(u, u)));
            case SIGMOID -> times(g, a, g.node("Sigmoid", g.fresh("phi"), List.of(u)));
            case NONE -> throw new IllegalArgumentException("no special neuron to export");
        };
        g.node("Add", n.output(), List.of(n.network(), term));
    }

    /** a·φ for the ablations' φ. */
    private static String times(OnnxGraphWriter g, double[] a, String phi) {
        return g.node("Mul", g.fresh("a_phi"), List.of(phi, perOutput(g, "a", a)));
    }

    /** Where(MIN_NORMAL ≤ E ≤ MAX, a·E, sign(a)·exp(u + log|a|)) with E = exp(u). */
    private static String stableExp(OnnxGraphWriter g, String u, double[] a) {
        double[] logAbs = new double[a.length];
        double[] sign = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            logAbs[j] = Math.log(Math.abs(a[j]));
            sign[j] = Math.signum(a[j]);
        }
        String e = g.node("Exp", g.fresh("E"), List.of(u));
        String product = g.node("Mul", g.fresh("a_E"), List.of(e, perOutput(g, "a", a)));
        String normal = g.node("GreaterOrEqual", g.fresh("E_normal"),
                List.of(e, g.scalar("min_normal", Float.MIN_NORMAL)));
        String finite = g.node("LessOrEqual", g.fresh("E_finite"),
                List.of(e, g.scalar("max_value", Float.MAX_VALUE)));
        String useProduct = g.node("And", g.fresh("use_product"), List.of(normal, finite));
        String shifted = g.node("Add", g.fresh("u_log_a"), List.of(u, perOutput(g, "log_abs_a", logAbs)));
        String logForm = g.node("Mul", g.fresh("log_form"), List.of(
                g.node("Exp", g.fresh("exp_u_log_a"), List.of(shifted)), perOutput(g, "sign_a", sign)));
        return g.node("Where", g.fresh("a_exp_u"), List.of(useProduct, product, logForm));
    }

    /** One value per output: a scalar for K = 1 (as binary files always had), else a [K] vector. */
    private static String perOutput(OnnxGraphWriter g, String stem, double[] values) {
        return values.length == 1 ? g.scalar(stem, (float) values[0])
                : g.constant(stem, OnnxExporter.floats(values), values.length);
    }
}
