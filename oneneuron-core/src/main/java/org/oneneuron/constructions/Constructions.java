package org.oneneuron.constructions;

import java.util.List;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * The registry of PAPER.md §6 cases. Inputs of A and B: x_1 = (1, 0), x_2 = (0, 1),
 * x_3 = (1/2, 1/2) (collinear). Networks 2-2-1, f(x) = vᵀσ(Wx + c) + d, θ in
 * {@link org.oneneuron.model.ParameterLayout} order: W (row-major), c, v, d.
 */
public final class Constructions {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT_E = Math.exp(0.5);
    private static final double[] X = {1, 0, 0, 1, 0.5, 0.5};
    private static final double[] W_GLOBAL = {1, -1, -1, 1};

    /** The registry names in order. */
    public static final List<String> NAMES = List.of("A1", "A2", "B", "B-leaky", "C");

    private Constructions() {
    }

    /** The case with this name ({@code A1}, {@code A2}, {@code B}, {@code B-leaky}, {@code C}; case-insensitive). */
    public static Construction byName(String name) {
        for (String n : NAMES) {
            if (n.equalsIgnoreCase(name.trim())) {
                return switch (n) {
                    case "A1" -> caseA1();
                    case "A2" -> caseA2();
                    case "B" -> caseB(0);
                    case "B-leaky" -> caseB(0.1);
                    default -> new ToyConstruction();
                };
            }
        }
        throw new IllegalArgumentException("unknown construction '" + name + "'; expected one of " + NAMES);
    }

    /** Every case, in registry order. */
    public static List<Construction> all() {
        return NAMES.stream().map(Constructions::byName).toList();
    }

    /** Case A data: labels y = (-1, -1, +1). */
    public static Dataset caseAData() {
        return new Dataset("case-A", X.clone(), new double[] {-1, -1, 1}, 2, List.of("x1", "x2"),
                List.of("-1", "+1"));
    }

    /** Case B data: real targets t = (0, 0, 1). */
    public static Dataset caseBData() {
        return new Dataset("case-B", X.clone(), new double[] {0, 0, 1}, 2, List.of("x1", "x2"), List.of());
    }

    /** Summed cubic-hinge loss 48 - 32√2 at A1 and A2. */
    public static double caseABadLoss() {
        return 48 - 32 * SQRT2;
    }

    /** A1: W = 0, c = (-1, -1), v = (1, 1), d = 2√2 - 3 (every hidden unit dead). */
    public static NetworkConstruction caseA1() {
        return caseA("A1", "dead ReLU bad local minimum: output is the best constant 2√2 - 3",
                new double[] {0, 0, 0, 0, -1, -1, 1, 1, 2 * SQRT2 - 3});
    }

    /** A2: W = 0, c = (1, 1), v = (1, 1), d = 2√2 - 5 (active but locally affine). */
    public static NetworkConstruction caseA2() {
        return caseA("A2", "active bad local minimum: locally affine, collinear data, same outputs as A1",
                new double[] {0, 0, 0, 0, 1, 1, 1, 1, 2 * SQRT2 - 5});
    }

    private static NetworkConstruction caseA(String name, String description, double[] bad) {
        NetworkSpec spec = new NetworkSpec(2, List.of(2), Activation.RELU, NeuronKind.NONE);
        double[] global = {1, -1, -1, 1, 0, 0, -2, -2, 1};
        double slope = (36 - 24 * SQRT2) * (SQRT_E - 1) * (SQRT_E - 1);
        return new NetworkConstruction(name, description, caseAData(), spec, Losses.CUBIC_HINGE, bad, global,
                caseABadLoss(), 0, new double[] {1, 0}, slope);
    }

    /**
     * B: regression t = (0, 0, 1), ½Σ(f - t)², ReLU (slope 0) or leaky ReLU (slope 0.1).
     * Bad: W = 0, c = (4/3, 1), v = (1, 0), d = -1 (output 1/3, risk 1/3). Global: W = [[1, -1],
     * [-1, 1]], c = 0, v = -(1, 1)/(1 - s), d = 1 (risk 0). ∂L~/∂a = (√e - 1)²/3 at a = 0, w = (1, 0), b = 0.
     */
    public static NetworkConstruction caseB(double leakySlope) {
        Activation act = leakySlope == 0 ? Activation.RELU : Activation.leakyRelu(leakySlope);
        NetworkSpec spec = new NetworkSpec(2, List.of(2), act, NeuronKind.NONE);
        double[] bad = {0, 0, 0, 0, 4.0 / 3, 1, 1, 0, -1};
        double vg = -1 / (1 - leakySlope);
        double[] global = {W_GLOBAL[0], W_GLOBAL[1], W_GLOBAL[2], W_GLOBAL[3], 0, 0, vg, vg, 1};
        String name = leakySlope == 0 ? "B" : "B-leaky";
        return new NetworkConstruction(name, "regression bad local minimum of Yun, Sra and Jadbabaie (output 1/3, "
                + "risk 1/3), " + act.word(), caseBData(), spec, Losses.TARGET_SQUARED, bad, global, 1.0 / 3, 0,
                new double[] {1, 0}, (SQRT_E - 1) * (SQRT_E - 1) / 3);
    }
}
