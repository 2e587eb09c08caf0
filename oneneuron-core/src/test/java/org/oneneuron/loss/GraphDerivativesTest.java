package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.FiniteDifferences;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.data.Shape;
import org.oneneuron.testing.Property;

/**
 * Every layer's gradient against central differences of the value, its Hessian-vector product
 * against central differences of exact gradients, and the symmetry uᵀ(Hv) = vᵀ(Hu), over random
 * graphs: case k puts layer type k mod 7 (convolution with a random kernel, stride and padding,
 * max and average pooling, layer norm, a residual block, a smooth activation, dense) between a
 * random input shape and a dense output, with a random special neuron; every fourth case stacks
 * several. Seeded through {@link Property}: a failure names the case, its seed and the graph.
 */
class GraphDerivativesTest {

    static final List<Activation> SMOOTH = List.of(Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS);

    @Test
    void gradientAndHessianVectorProductsMatchDifferences() {
        int[] counter = {0};
        Property.forAll(70, g -> check(counter[0]++, g.intIn("type", 0, 6), g.seed("graph")));
    }

    private static void check(int k, int type, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        NetworkSpec spec = randomSpec(rng, k < 7 ? k : type, k % 4 == 3);
        NeuronKind kind = NeuronKind.values()[rng.nextInt(NeuronKind.values().length)];
        spec = spec.withNeuron(kind);
        String where = spec.input() + " " + spec.architecture() + " + " + kind.word();
        int d = spec.inputDim();
        int n = 2 + rng.nextInt(3);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
        Dataset data = new Dataset("random", x, y, d, Collections.nCopies(d, "f"), List.of("-1", "+1"));
        NetworkObjective obj = NetworkObjective.builder(spec, data).loss(Losses.parse("logistic"))
                .reduction(Reduction.SUM).lambda(0.3).build();
        double[] theta = new double[obj.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = rng.nextDouble(-0.8, 0.8);
        }
        double[] g = new double[theta.length];
        double value = obj.valueAndGradient(theta, g);
        assertEquals(obj.value(theta), value, 0.0, where);
        double[] fd = FiniteDifferences.gradient(obj, theta, 1e-6);
        double gErr = FiniteDifferences.relativeError(g, fd, 1e-8);
        assertTrue(gErr <= 1e-6, where + ": relative gradient error " + gErr);
        double[] u = random(rng, theta.length);
        double[] v = random(rng, theta.length);
        double[] hv = new double[theta.length];
        double[] hu = new double[theta.length];
        obj.hessianVector(theta, v, hv);
        obj.hessianVector(theta, u, hu);
        double[] hvFd = FiniteDifferences.hessianVector(obj, theta, v, 1e-6);
        double hErr = FiniteDifferences.relativeError(hv, hvFd, 1e-6);
        assertTrue(hErr <= 1e-5, where + ": relative Hessian-vector error " + hErr);
        double uhv = dot(u, hv);
        double vhu = dot(v, hu);
        assertEquals(uhv, vhu, 1e-10 * Math.max(1, Math.abs(uhv)), where + ": uᵀHv ≠ vᵀHu");
    }

    /** A random input shape, layer type {@code type} (or several), flatten, dense, smooth σ, dense:1. */
    static NetworkSpec randomSpec(SplittableRandom rng, int type, boolean stack) {
        Shape in = new Shape(1 + rng.nextInt(2), 4 + rng.nextInt(3), 4 + rng.nextInt(3));
        List<LayerSpec> layers = new ArrayList<>();
        Shape s = in;
        int count = stack ? 2 + rng.nextInt(2) : 1;
        for (int i = 0; i < count; i++) {
            LayerSpec l = layer(rng, i == 0 ? type : rng.nextInt(6), s);
            layers.add(l);
            s = l.output(s);
        }
        layers.add(new LayerSpec.Flatten());
        layers.add(new LayerSpec.Dense(1 + rng.nextInt(3)));
        layers.add(new LayerSpec.Act(SMOOTH.get(rng.nextInt(SMOOTH.size()))));
        layers.add(new LayerSpec.Dense(1));
        return new NetworkSpec(in, layers, NeuronKind.NONE);
    }

    private static LayerSpec layer(SplittableRandom rng, int type, Shape s) {
        int small = Math.min(s.height(), s.width());
        if (s.isVector() || (small < 2 && type != 3 && type != 5)) {
            type = rng.nextBoolean() ? 3 : 5;
        }
        return switch (type) {
            case 0 -> {
                int k = 1 + rng.nextInt(Math.min(3, small));
                yield new LayerSpec.Conv(1 + rng.nextInt(3), k, 1 + rng.nextInt(Math.min(3, small)),
                        1 + rng.nextInt(2), rng.nextInt(2));
            }
            case 1 -> new LayerSpec.Pool(true, 2, 1 + rng.nextInt(2));
            case 2 -> new LayerSpec.Pool(false, 2, 1 + rng.nextInt(2));
            case 3 -> new LayerSpec.LayerNorm();
            case 4 -> new LayerSpec.Residual(List.of(new LayerSpec.Conv(s.channels(), 3, 3, 1, 1),
                    new LayerSpec.Act(SMOOTH.get(rng.nextInt(SMOOTH.size())))));
            case 5 -> new LayerSpec.Act(SMOOTH.get(rng.nextInt(SMOOTH.size())));
            default -> new LayerSpec.Flatten();
        };
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
