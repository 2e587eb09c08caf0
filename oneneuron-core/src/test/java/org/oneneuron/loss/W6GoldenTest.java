package org.oneneuron.loss;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.testing.GoldenCase;

/**
 * The W6 golden case (MLP 784-128-10 ReLU, one exponential neuron per output, mean softmax
 * cross-entropy + (λ/2)Σa_k², PyTorch float64): loss, gradient, a Hessian-vector product and 50
 * gradient-descent steps (lr 5e-2) agree to 1e-9 relative.
 */
class W6GoldenTest {

    @Test
    void multiClassMatchesPyTorchToOneInABillion() throws IOException {
        GoldenCase g = GoldenCase.of("w6-golden");
        NetworkSpec spec = new NetworkSpec(Shape.vector(784), Architecture.parse("dense:128,relu,dense:10"),
                NeuronKind.SKIP_EXP);
        double[] x = g.csv("X.csv");
        double[] y = g.csv("y.csv");
        List<String> classes = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        Dataset data = new Dataset("w6-golden", x, y, 784, Collections.nCopies(784, "p"), classes);
        NetworkObjective obj = NetworkObjective.of(spec, data, Losses.SOFTMAX_CE, Reduction.MEAN, 1e-2);
        double[] theta = g.parameters(List.of("W1", "b1", "W2", "b2", "Wn", "a", "bn"), obj.dimension());
        GoldenFigures.check(g, obj, theta, 5e-2);
    }
}
