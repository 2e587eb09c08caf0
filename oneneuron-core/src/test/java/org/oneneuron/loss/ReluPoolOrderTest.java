package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * The engine runs "relu, maxpool" as pooling then relu (Graph.compile). leaky_relu:0 is the same
 * function but keeps the written order, so the two networks must agree in value, gradient and
 * Hessian-vector products on the same θ, data and direction, whatever windows are all negative.
 */
class ReluPoolOrderTest {

    private static NetworkObjective objective(String act, Dataset data) {
        NetworkSpec spec = new NetworkSpec(Shape.parse("2x9x9"), Architecture.parse(
                "conv:4x3x3:p1," + act + ",maxpool:2,conv:3x2x2," + act + ",maxpool:2:s1,flatten,dense:5,"
                        + act + ",dense:1"), NeuronKind.SKIP_EXP);
        return NetworkObjective.builder(spec, data).reduction(Reduction.MEAN).lambda(1e-2).build();
    }

    @Test
    void reluBeforeMaxPoolingEqualsTheWrittenOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 7;
            int d = 2 * 9 * 9;
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian() - 0.3;
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextBoolean() ? 1 : -1;
            }
            Dataset data = new Dataset("relu-pool", x, y, d, Collections.nCopies(d, "p"), List.of("-1", "+1"));
            NetworkObjective swapped = objective("relu", data);
            NetworkObjective written = objective("leaky_relu:0", data);
            double[] theta = Initializer.FAN_IN_UNIFORM.initialize(swapped.layout(), seed);
            theta[swapped.layout().neuronAOffset()] = 0.1;
            double[] v = new double[theta.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextGaussian();
            }
            int p = theta.length;
            double[] g1 = new double[p];
            double[] g2 = new double[p];
            double l1 = swapped.valueAndGradient(theta, g1);
            double l2 = written.valueAndGradient(theta, g2);
            assertEquals(l2, l1, 1e-14 * Math.abs(l2), "loss, seed " + seed);
            double[] h1 = new double[p];
            double[] h2 = new double[p];
            swapped.hessianVector(theta, v, h1);
            written.hessianVector(theta, v, h2);
            double gs = norm(g2);
            double hs = norm(h2);
            assertTrue(gs > 0 && hs > 0);
            for (int i = 0; i < p; i++) {
                assertEquals(g2[i], g1[i], 1e-13 * gs, "∂θ[" + i + "], seed " + seed);
                assertEquals(h2[i], h1[i], 1e-13 * hs, "(Hv)[" + i + "], seed " + seed);
            }
        }
    }

    private static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
