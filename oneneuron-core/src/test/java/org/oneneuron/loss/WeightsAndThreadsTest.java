package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.FiniteDifferences;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/** Per-sample weights, the helpers the trainer and certificate read, and chunked threads. */
class WeightsAndThreadsTest {

    private final Dataset data = randomData(40, 3, 11);
    private final NetworkSpec spec = new NetworkSpec(3, List.of(12, 9), Activation.TANH, NeuronKind.SKIP_EXP);
    private final double[] theta = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 5);

    static Dataset randomData(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : -1;
        }
        return new Dataset("random", x, y, d, java.util.Collections.nCopies(d, "f"), List.of("-1", "+1"));
    }

    @Test
    void weightedLossIsTheWeightedSumAndItsGradientIsExact() {
        theta[spec.layout().neuronAOffset()] = 0.3;
        double[] w = SampleWeights.balanced(data);
        NetworkObjective obj = NetworkObjective.builder(spec, data).weights(w).reduction(Reduction.MEAN)
                .lambda(0.1).build();
        double[] f = obj.scores(theta);
        double sum = 0;
        for (int i = 0; i < data.n(); i++) {
            sum += w[i] * Losses.CUBIC_HINGE.valueAt(f[i], data.y()[i]);
        }
        assertEquals(sum / data.n(), obj.dataLoss(theta), 1e-14);
        assertEquals(sum / data.n() + 0.05 * 0.09, obj.value(theta), 1e-14);
        double[] g = new double[obj.dimension()];
        obj.valueAndGradient(theta, g);
        assertTrue(FiniteDifferences.relativeError(g, FiniteDifferences.gradient(obj, theta, 1e-5), 1e-8) < 1e-6);
        // ∂L~/∂a = -s Σ c_i E_i + λa with c_i = ω_i ℓ'(z_i) y_i.
        double[] c = obj.coefficients(theta);
        double[] z = obj.margins(theta);
        double expected = 0.1 * 0.3;
        int wOff = spec.layout().neuronWOffset();
        for (int i = 0; i < data.n(); i++) {
            assertEquals(w[i] * Losses.CUBIC_HINGE.d1(z[i]) * data.y()[i], c[i], 1e-13);
            double u = theta[spec.layout().neuronBOffset()];
            for (int j = 0; j < 3; j++) {
                u += theta[wOff + j] * data.x(i, j);
            }
            expected -= c[i] * Math.exp(u) / data.n();
        }
        assertEquals(expected, g[spec.layout().neuronAOffset()], 1e-12);
        double weightSum = 0;
        for (double v : w) {
            weightSum += v;
        }
        assertEquals(data.n(), weightSum, 1e-12);
    }

    @Test
    void badWeightsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> NetworkObjective.builder(spec, data).weights(new double[3]));
        double[] w = new double[data.n()];
        w[4] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkObjective.builder(spec, data).weights(w));
        assertTrue(e.getMessage().contains("weight 4"), e.getMessage());
    }

    @Test
    void chunkedThreadsAgreeWithOneChunkForEveryPass() {
        theta[spec.layout().neuronAOffset()] = -0.2;
        NetworkObjective one = NetworkObjective.builder(spec, data).lambda(0.1).build();
        NetworkObjective four = NetworkObjective.builder(spec, data).lambda(0.1).threads(4).minChunkWork(1).build();
        double[] g1 = new double[one.dimension()];
        double[] g4 = new double[one.dimension()];
        assertEquals(one.valueAndGradient(theta, g1), four.valueAndGradient(theta, g4), 1e-13);
        assertTrue(FiniteDifferences.relativeError(g1, g4, 1e-8) < 1e-13);
        double[] v = Initializer.STANDARD_NORMAL.initialize(spec.layout(), 9);
        double[] h1 = new double[one.dimension()];
        double[] h4 = new double[one.dimension()];
        double[] h4again = new double[one.dimension()];
        one.hessianVector(theta, v, h1);
        four.hessianVector(theta, v, h4);
        four.copy().hessianVector(theta, v, h4again);
        assertTrue(FiniteDifferences.relativeError(h1, h4, 1e-8) < 1e-13);
        assertArrayEquals(h4, h4again, 0.0);
        int[] idx = {5, 17, 2, 33, 8, 21, 39};
        double[] b1 = new double[one.dimension()];
        double[] b4 = new double[one.dimension()];
        assertEquals(one.batchValueAndGradient(theta, idx, 1, 7, b1),
                four.batchValueAndGradient(theta, idx, 1, 7, b4), 1e-13);
        assertTrue(FiniteDifferences.relativeError(b1, b4, 1e-8) < 1e-13);
        // Row results may differ in the last bit: BLAS kernels treat edge tiles of other sizes differently.
        assertTrue(FiniteDifferences.relativeError(one.scores(theta), four.scores(theta), 1e-8) < 1e-14);
        assertEquals(one.neuron(theta).orElseThrow().maxContribution(),
                four.neuron(theta).orElseThrow().maxContribution(), 1e-14);
    }

    @Test
    void repeatedProductsAtOnePointReuseTheForwardPassWithoutChangingResults() {
        theta[spec.layout().neuronAOffset()] = 0.4;
        NetworkObjective obj = NetworkObjective.builder(spec, data).lambda(0.1).threads(2).minChunkWork(1).build();
        double[] u = Initializer.STANDARD_NORMAL.initialize(spec.layout(), 1);
        double[] v = Initializer.STANDARD_NORMAL.initialize(spec.layout(), 2);
        double[] hu = new double[obj.dimension()];
        double[] hv = new double[obj.dimension()];
        double[] g = new double[obj.dimension()];
        obj.hessianVector(theta, u, hu);
        obj.hessianVector(theta, v, hv);
        double[] freshHv = new double[obj.dimension()];
        obj.copy().hessianVector(theta, v, freshHv);
        assertArrayEquals(freshHv, hv, 0.0);
        double[] moved = theta.clone();
        moved[0] += 0.5;
        obj.valueAndGradient(moved, g);
        double[] again = new double[obj.dimension()];
        obj.hessianVector(moved, v, again);
        double[] freshMoved = new double[obj.dimension()];
        obj.copy().hessianVector(moved, v, freshMoved);
        assertArrayEquals(freshMoved, again, 0.0);
        // θ changed in place between products must not reuse the stale pass.
        double[] point = theta.clone();
        obj.hessianVector(point, v, hv);
        point[1] -= 0.3;
        obj.hessianVector(point, v, hv);
        obj.copy().hessianVector(point, v, freshHv);
        assertArrayEquals(freshHv, hv, 0.0);
    }
}
