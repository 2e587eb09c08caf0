package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.oneneuron.testing.GoldenCase;

/**
 * The figures every objective golden case (bench/w5-golden, w6-golden) holds, checked to one in a
 * billion: loss, gradient norm, g·v, |Hv|, v·Hv, Hv's first eight entries at θ, and the loss after
 * 50 gradient-descent steps of the case's rate from θ.
 */
final class GoldenFigures {

    private GoldenFigures() {
    }

    static void check(GoldenCase g, NetworkObjective obj, double[] theta, double learningRate)
            throws IOException {
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
        double[] walk = theta.clone();
        for (int step = 0; step < 50; step++) {
            obj.valueAndGradient(walk, grad);
            for (int k = 0; k < walk.length; k++) {
                walk[k] -= learningRate * grad[k];
            }
        }
        close(g.number("loss_after_50_gd_steps"), obj.value(walk), "loss after 50 GD steps");
    }

    static void close(double want, double got, String what) {
        assertEquals(want, got, 1e-9 * Math.abs(want), what);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
