package org.oneneuron.onnx;

import java.util.List;

/**
 * The special neuron's ONNX nodes: u = Gemm(s, w, b, transB = 1) [N, 1], then
 * output = network + a·φ(u). For φ = exp the engine's stable form (engine.NeuronHead): a·E where
 * E = exp(u) is a finite normal float, else sign(a)·exp(u + log|a|).
 */
final class SpecialNeuronNodes {

    private SpecialNeuronNodes() {
    }

    static void add(OnnxGraphWriter g, Layer.SpecialNeuron n) {
        if (n.a() == 0) {
            g.node("Identity", n.output(), List.of(n.network())); // a·φ(u) = 0 for every finite u
            return;
        }
        String u = g.node("Gemm", g.fresh("u"), List.of(n.source(),
                g.constant("w", OnnxExporter.floats(n.w()), 1, n.w().length),
                g.constant("neuron_b", new float[] {(float) n.b()}, 1)),
                OnnxGraphWriter.intAttribute("transB", 1));
        String a = g.scalar("a", (float) n.a());
        String term = switch (n.kind()) {
            case SKIP_EXP, PER_LAYER_EXP, NO_SKIP -> stableExp(g, u, n.a());
            case RELU -> g.node("Mul", g.fresh("a_phi"), List.of(g.node("Relu", g.fresh("phi"), List.of(u)), a));
            case LINEAR -> g.node("Mul", g.fresh("a_phi"), List.of(u, a));
            case QUADRATIC -> g.node("Mul", g.fresh("a_phi"),
                    List.of(g.node("Mul", g.fresh("phi"), List.of(u, u)), a));
            case SIGMOID -> g.node("Mul", g.fresh("a_phi"),
                    List.of(g.node("Sigmoid", g.fresh("phi"), List.of(u)), a));
            case NONE -> throw new IllegalArgumentException("no special neuron to export");
        };
        g.node("Add", n.output(), List.of(n.network(), term));
    }

    /** Where(MIN_NORMAL ≤ E ≤ MAX, a·E, sign(a)·exp(u + log|a|)) with E = exp(u), a ≠ 0. */
    private static String stableExp(OnnxGraphWriter g, String u, double a) {
        String e = g.node("Exp", g.fresh("E"), List.of(u));
        String product = g.node("Mul", g.fresh("a_E"), List.of(e, g.scalar("a", (float) a)));
        String normal = g.node("GreaterOrEqual", g.fresh("E_normal"),
                List.of(e, g.scalar("min_normal", Float.MIN_NORMAL)));
        String finite = g.node("LessOrEqual", g.fresh("E_finite"),
                List.of(e, g.scalar("max_value", Float.MAX_VALUE)));
        String useProduct = g.node("And", g.fresh("use_product"), List.of(normal, finite));
        String shifted = g.node("Add", g.fresh("u_log_a"),
                List.of(u, g.scalar("log_abs_a", (float) Math.log(Math.abs(a)))));
        String logForm = g.node("Mul", g.fresh("log_form"), List.of(
                g.node("Exp", g.fresh("exp_u_log_a"), List.of(shifted)),
                g.scalar("sign_a", (float) Math.signum(a))));
        return g.node("Where", g.fresh("a_exp_u"), List.of(useProduct, product, logForm));
    }
}
