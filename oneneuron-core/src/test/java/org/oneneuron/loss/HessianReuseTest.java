package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.engine.Graph;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * Repeated Hessian-vector products at one θ reuse the forward pass and adjoints (only the tangent
 * and second-order passes run) and give the bits of a fresh objective's product, for every layer
 * kind (dense, conv, max pooling, residual, layer norm; the neuron reading the input or the
 * representation), K outputs, one and two threads, and through the float32 objective (whose HVPs
 * are float64). A chunk of more rows than one workspace block holds recomputes every product
 * (the memory bound), with the same bits as a fresh one.
 */
class HessianReuseTest {

    private static final Shape IMAGE = new Shape(1, 10, 10);
    private static final String CONV =
            "conv:4x3x3:p1,relu,maxpool:2,res(conv:4x3x3:p1,tanh),layernorm,flatten,dense:6,relu,dense:3";
    /** Wide enough rows that one workspace block holds about a hundred. */
    private static final Shape BIG = new Shape(1, 28, 28);
    private static final String WIDE = "conv:16x3x3:p1,relu,maxpool:2,flatten,dense:3";

    @Test
    void productsAtOnePointReuseTheForwardPassWithTheBitsOfAFreshProduct() {
        NetworkSpec mlp = NetworkSpec.mlp(12, List.of(9, 7), Activation.RELU, NeuronKind.SKIP_EXP, 3);
        NetworkSpec hidden = NetworkSpec.mlp(12, List.of(9), Activation.TANH, NeuronKind.NO_SKIP, 3);
        NetworkSpec conv = new NetworkSpec(IMAGE, Architecture.parse(CONV), NeuronKind.SKIP_EXP);
        for (int threads : new int[] {1, 2}) {
            check("mlp relu, neuron on x", mlp, data(40, 12, null), threads, threads);
            check("mlp tanh, neuron on the representation", hidden, data(40, 12, null), threads, threads);
            check("conv, pool, residual, layernorm", conv, data(24, IMAGE.size(), IMAGE), threads, threads);
        }
    }

    @Test
    void aChunkLargerThanOneBlockRecomputesEveryProduct() {
        NetworkSpec conv = new NetworkSpec(BIG, Architecture.parse(WIDE), NeuronKind.SKIP_EXP);
        long rowsPerBlock = SamplePasses.WORKSPACE_VALUES / new Graph(conv).valuesPerRow();
        int n = (int) rowsPerBlock + 5;
        check("conv over " + n + " rows, " + rowsPerBlock + " per block", conv, data(n, BIG.size(), BIG), 1, 0);
    }

    private static void check(String what, NetworkSpec spec, Dataset data, int threads, int reusingChunks) {
        NetworkObjective obj = NetworkObjective.builder(spec, data).loss(Losses.SOFTMAX_CE).lambda(0.05)
                .threads(threads).minChunkWork(1).build();
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 3);
        for (int k = 0; k < spec.outputs(); k++) {
            theta[spec.layout().neuronAOffset() + k] = 0.3 - 0.2 * k;
        }
        double[] u = Initializer.STANDARD_NORMAL.initialize(spec.layout(), 4);
        double[] v = Initializer.STANDARD_NORMAL.initialize(spec.layout(), 5);
        String where = what + ", " + threads + " thread(s)";
        double[] hu = new double[obj.dimension()];
        double[] hv = new double[obj.dimension()];
        obj.hessianVector(theta, u, hu);
        assertEquals(0, obj.reusedChunks(), where + ": the first product has nothing to reuse");
        obj.hessianVector(theta, v, hv);
        assertEquals(reusingChunks, obj.reusedChunks(), where + ": chunks reusing the forward pass");
        double[] fresh = new double[obj.dimension()];
        obj.copy().hessianVector(theta, v, fresh);
        assertArrayEquals(fresh, hv, 0.0, where + ": reused product against a fresh objective's");
        // θ changed in place: nothing stale is reused.
        theta[1] += 0.25;
        obj.hessianVector(theta, v, hv);
        assertEquals(0, obj.reusedChunks(), where + ": θ changed in place");
        obj.copy().hessianVector(theta, v, fresh);
        assertArrayEquals(fresh, hv, 0.0, where + ": after θ changed");
        // A gradient between two products at the same θ invalidates nothing wrongly.
        obj.valueAndGradient(theta, new double[obj.dimension()]);
        obj.hessianVector(theta, u, hu);
        double[] freshU = new double[obj.dimension()];
        obj.copy().hessianVector(theta, u, freshU);
        assertArrayEquals(freshU, hu, 0.0, where + ": after a gradient");
        Float32NetworkObjective f32 = Float32NetworkObjective.over(obj);
        double[] hv32 = new double[obj.dimension()];
        f32.hessianVector(theta, v, hv32);
        f32.hessianVector(theta, u, hv32);
        assertArrayEquals(freshU, hv32, 0.0, where + ": float32 objective's HVP (float64)");
    }

    /** n samples of d values in [-1, 1), classes 0..2 from the first two features. */
    private static Dataset data(int n, int d, Shape shape) {
        SplittableRandom rnd = new SplittableRandom(n * 31L + d);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i * d] + x[i * d + 1] > 0.4 ? 2 : x[i * d] > 0 ? 1 : 0;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        Dataset data = new Dataset("reuse", x, y, d, names, List.of("a", "b", "c"));
        return shape == null ? data : data.withShape(shape);
    }
}
