package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value at W1's initial point matches PyTorch's (bench/w1-golden/README.md). */
class W1GoldenTest {

    private static final double PYTORCH_INITIAL_LOSS = 0.9714286605672776;

    static W1Golden golden() throws Exception {
        Optional<Path> dir = W1Golden.locate();
        assertTrue(dir.isPresent(), "bench/w1-golden is missing from the repository");
        return W1Golden.load(dir.get());
    }

    @Test
    void initialValueMatchesPyTorch() throws Exception {
        W1Golden g = golden();
        NetworkObjective obj = NetworkObjective.of(W1Golden.SPEC, g.data, Losses.CUBIC_HINGE, Reduction.MEAN, 1e-2);
        double value = obj.value(g.theta);
        assertEquals(PYTORCH_INITIAL_LOSS, value, 1e-12 * PYTORCH_INITIAL_LOSS);
        double[] grad = new double[obj.dimension()];
        assertEquals(value, obj.valueAndGradient(g.theta, grad), 0.0, "value pass and gradient pass agree");
    }

    @Test
    void threadedChunksAgreeWithOneChunkAndAreDeterministic() throws Exception {
        W1Golden g = golden();
        NetworkObjective one = NetworkObjective.of(W1Golden.SPEC, g.data, Losses.CUBIC_HINGE, Reduction.MEAN, 1e-2);
        NetworkObjective three = NetworkObjective.builder(W1Golden.SPEC, g.data).reduction(Reduction.MEAN)
                .lambda(1e-2).threads(3).minChunkWork(1).build();
        double[] g1 = new double[one.dimension()];
        double[] g3 = new double[one.dimension()];
        double[] g3again = new double[one.dimension()];
        double v1 = one.valueAndGradient(g.theta, g1);
        double v3 = three.valueAndGradient(g.theta, g3);
        three.valueAndGradient(g.theta, g3again);
        assertEquals(v1, v3, 1e-14 * Math.abs(v1));
        assertTrue(org.oneneuron.objective.FiniteDifferences.relativeError(g1, g3, 1e-8) < 1e-13);
        org.junit.jupiter.api.Assertions.assertArrayEquals(g3, g3again, "bitwise identical for 3 threads");
    }
}
