package org.oneneuron.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;
import org.oneneuron.linalg.ConvKernels;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.run.Problem;

/**
 * A convolutional model gives the same bits on the Vector API back-end and on its scalar twin
 * (what a JVM started without {@code --add-modules jdk.incubator.vector} runs): value, gradient
 * and Hessian-vector product in float64, value and gradient in float32, over a network whose
 * convolutions take both kinds of layout (one filter bank fits a vector, one does not).
 */
class ConvBackEndBitsTest {

    private static final String ARCH = "conv:3x3x3:p1,relu,maxpool:2,conv:12x3x3,tanh,flatten,dense:5,relu,dense:1";
    private static final Shape INPUT = new Shape(2, 12, 11);

    @Test
    void bothBackEndsGiveTheSameBits() {
        assumeTrue(ConvKernels.available(), "no Vector API");
        Blas before = Backends.active();
        try {
            Backends.use(Backends.VECTOR);
            Figures onVector = figures();
            Backends.use(Backends.VECTOR_SCALAR);
            assertTrue(ConvKernels.suits(Backends.active()), "the scalar back-end runs the kernels' twin");
            Figures onScalar = figures();
            assertEquals(onVector.value, onScalar.value, 0.0, "float64 value");
            assertArrayEquals(onVector.gradient, onScalar.gradient, 0.0, "float64 gradient");
            assertArrayEquals(onVector.hv, onScalar.hv, 0.0, "float64 Hessian-vector product");
            assertEquals(onVector.value32, onScalar.value32, 0.0, "float32 value");
            assertArrayEquals(onVector.gradient32, onScalar.gradient32, 0.0, "float32 gradient");
        } finally {
            Backends.use(before.name().equals("plain") ? "plain" : "auto");
        }
    }

    private record Figures(double value, double[] gradient, double[] hv, double value32, double[] gradient32) {
    }

    private static Figures figures() {
        int n = 23;
        int d = INPUT.size();
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        double[] y = new double[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? -1 : 1;
        }
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        Dataset data = new Dataset("conv-bits", x, y, d, names, List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(INPUT, Architecture.parse(ARCH), NeuronKind.SKIP_EXP);
        Problem.Builder b = Problem.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(1e-2).threads(1).seed(3);
        Problem exact = b.build();
        double[] theta = exact.initialPoint();
        double[] v = new double[theta.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        double[] gradient = new double[theta.length];
        double value = exact.objective().valueAndGradient(theta, gradient);
        double[] hv = new double[theta.length];
        exact.objective().hessianVector(theta, v, hv);
        SampledObjective single = b.precision(Precision.FLOAT32).build().descendedObjective();
        double[] gradient32 = new double[theta.length];
        double value32 = single.valueAndGradient(theta, gradient32);
        return new Figures(value, gradient, hv, value32, gradient32);
    }
}
