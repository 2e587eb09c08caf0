package org.oneneuron.loss;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.testing.GoldenCase;

/**
 * The W5 golden case (a CNN with the special neuron on the raw pixels, PyTorch float64): loss,
 * gradient, a Hessian-vector product and 50 gradient-descent steps agree to 1e-9 relative.
 */
class W5GoldenTest {

    static final String ARCH = "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1";

    @Test
    void cnnMatchesPyTorchToOneInABillion() throws IOException {
        GoldenCase g = GoldenCase.of("w5-golden");
        NetworkSpec spec = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(ARCH), NeuronKind.SKIP_EXP);
        double[] x = g.csv("X.csv");
        double[] y = g.csv("y.csv");
        Dataset data = new Dataset("w5-golden", x, y, 784, Collections.nCopies(784, "p"), List.of("-1", "+1"));
        NetworkObjective obj = NetworkObjective.of(spec, data, Losses.CUBIC_HINGE, Reduction.MEAN, 1e-2);
        double[] theta = g.parameters(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
                "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "w", "a", "b"), obj.dimension());
        GoldenFigures.check(g, obj, theta, 1e-2);
    }
}
