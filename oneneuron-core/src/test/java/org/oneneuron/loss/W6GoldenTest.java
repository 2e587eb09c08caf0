package org.oneneuron.loss;

import static org.oneneuron.loss.W5GoldenTest.close;
import static org.oneneuron.loss.W5GoldenTest.dot;
import static org.oneneuron.loss.W5GoldenTest.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals((int) g.number("n_params"), obj.dimension());
        double[] v = g.csv("v.csv");
        double[] grad = new double[theta.length];
        double loss = obj.valueAndGradient(theta, grad);
        double[] hv = new double[theta.length];
        obj.hessianVector(theta, v, hv);
        close(g.number("loss"), loss, "loss");
        close(g.number("grad_norm"), norm(grad), "gradient norm");
        close(g.number("grad_dot_v"), dot(grad, v), "g·v");
        close(g.number("hv_norm"), norm(hv), "|Hv|");
        close(g.number("v_hv"), dot(v, hv), "v·Hv");
        for (int i = 0; i < 8; i++) {
            close(g.golden().get("hv_first8").get(i).asDouble(), hv[i], "Hv[" + i + "]");
        }
        for (int step = 0; step < 50; step++) {
            obj.valueAndGradient(theta, grad);
            for (int k = 0; k < theta.length; k++) {
                theta[k] -= 5e-2 * grad[k];
            }
        }
        close(g.number("loss_after_50_gd_steps"), obj.value(theta), "loss after 50 GD steps");
    }
}
