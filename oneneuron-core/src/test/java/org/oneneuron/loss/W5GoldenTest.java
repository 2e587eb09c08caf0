package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                theta[k] -= 1e-2 * grad[k];
            }
        }
        close(g.number("loss_after_50_gd_steps"), obj.value(theta), "loss after 50 GD steps");
    }

    static void close(double want, double got, String what) {
        assertEquals(want, got, 1e-9 * Math.abs(want), what);
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
