package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.ThetaPasses;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/** The float32 objective against the float64 {@link NetworkObjective} it is built over. */
class Float32NetworkObjectiveTest {

    private static Dataset data(int n, int d, String lossWord, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble(-1, 1);
        }
        boolean margin = Losses.parseAny(lossWord) instanceof MarginLoss;
        for (int i = 0; i < n; i++) {
            y[i] = margin ? (rng.nextBoolean() ? 1 : -1) : rng.nextDouble(-1, 1);
        }
        return new Dataset("random", x, y, d, Collections.nCopies(d, "f"),
                margin ? List.of("-1", "+1") : List.of());
    }

    private static double[] theta(int dim, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[dim];
        for (int k = 0; k < dim; k++) {
            t[k] = scale * rng.nextDouble(-1, 1);
        }
        return t;
    }

    private static double relativeError(double[] a, double[] b) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < a.length; k++) {
            num += (a[k] - b[k]) * (a[k] - b[k]);
            den += b[k] * b[k];
        }
        return Math.sqrt(num / Math.max(den, 1e-300));
    }

    private static NetworkObjective reference(String act, String neuron, String lossWord, String reduction,
                                              boolean weighted, int n, int d, List<Integer> hidden, long seed) {
        NetworkSpec spec = new NetworkSpec(d, hidden, Activation.parse(act), NeuronKind.parse(neuron));
        Dataset data = data(n, d, lossWord, seed);
        double[] w = null;
        if (weighted) {
            w = theta(n, 1, seed + 7);
            for (int i = 0; i < n; i++) {
                w[i] = Math.abs(w[i]) + 0.1;
            }
        }
        return NetworkObjective.builder(spec, data).loss(Losses.parseAny(lossWord))
                .reduction(Reduction.parse(reduction)).lambda(0.3).weights(w).build();
    }

    @ParameterizedTest
    @CsvSource({
        "relu, skip-exp, cubic-hinge, sum, false",
        "leaky_relu:0.1, none, logistic, mean, true",
        "tanh, per-layer-exp, smooth-hinge, sum, true",
        "sigmoid, no-skip, squared, mean, false",
        "softplus, quadratic, hinge-p:2.5, sum, false",
        "elu, sigmoid, cubic-hinge, mean, true",
        "linear, relu, target-squared, sum, false",
        "tanh, linear, logistic, sum, false",
    })
    void valueAndGradientAgreeWithFloat64(String act, String neuron, String lossWord, String reduction,
                                          boolean weighted) {
        NetworkObjective f64 = reference(act, neuron, lossWord, reduction, weighted, 40, 6, List.of(9, 5), 11);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.6, 3);
        double[] g64 = new double[th.length];
        double[] g32 = new double[th.length];
        double v64 = f64.valueAndGradient(th, g64);
        double v32 = f32.valueAndGradient(th, g32);
        assertEquals(v64, v32, 1e-4 * Math.abs(v64) + 1e-6);
        assertEquals(v64, f32.value(th), 1e-4 * Math.abs(v64) + 1e-6);
        assertTrue(relativeError(g32, g64) < 1e-4, "gradient relative error " + relativeError(g32, g64));
    }

    @Test
    void minibatchMatchesFloat64IncludingRepeatedIndicesAndPenalty() {
        NetworkObjective f64 = reference("relu", "skip-exp", "cubic-hinge", "sum", true, 30, 4, List.of(8, 8), 5);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.5, 9);
        int[] idx = {3, 17, 3, 29, 0, 12, 8};
        double[] g64 = new double[th.length];
        double[] g32 = new double[th.length];
        double v64 = f64.batchValueAndGradient(th, idx, 1, 6, g64);
        double v32 = f32.batchValueAndGradient(th, idx, 1, 6, g32);
        assertEquals(v64, v32, 1e-4 * Math.abs(v64));
        assertTrue(relativeError(g32, g64) < 1e-4, "minibatch gradient error " + relativeError(g32, g64));
        int a = f64.layout().neuronAOffset();
        assertEquals(g64[a], g32[a], 1e-4 * Math.abs(g64[a]) + 1e-9);
    }

    @Test
    void fullPassOverSeveralBlocksMatchesFloat64() {
        int n = 2 * Float32NetworkObjective.BLOCK + 37;
        NetworkObjective f64 = reference("tanh", "skip-exp", "logistic", "mean", false, n, 3, List.of(4), 21);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.8, 2);
        double[] g64 = new double[th.length];
        double[] g32 = new double[th.length];
        double v64 = f64.valueAndGradient(th, g64);
        assertEquals(v64, f32.valueAndGradient(th, g32), 1e-4 * Math.abs(v64));
        assertTrue(relativeError(g32, g64) < 1e-4, "gradient error " + relativeError(g32, g64));
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = n - 1 - i;
        }
        double[] gb = new double[th.length];
        assertEquals(v64, f32.batchValueAndGradient(th, all, 0, n, gb), 1e-4 * Math.abs(v64));
        assertTrue(relativeError(gb, g64) < 1e-4, "whole-set batch error " + relativeError(gb, g64));
    }

    @Test
    void scoresOverSeveralBlocksMatchFloat64() {
        int n = Float32NetworkObjective.BLOCK + 77;
        for (String act : List.of("relu", "tanh")) {
            NetworkObjective f64 = reference(act, "skip-exp", "cubic-hinge", "mean", false, n, 5, List.of(6, 4), 8);
            double[] th = theta(f64.dimension(), 0.7, 9);
            double[] want = f64.scores(th);
            double[] got = Float32NetworkObjective.over(f64).scores(th);
            assertEquals(n, got.length);
            assertTrue(relativeError(got, want) < 1e-5, act + " score error " + relativeError(got, want));
        }
    }

    @Test
    void threeThreadsAgreeWithOneAndRepeatThemselvesBitForBit() {
        int n = 2 * Float32NetworkObjective.BLOCK + 5;
        NetworkObjective one = reference("tanh", "skip-exp", "cubic-hinge", "mean", true, n, 4, List.of(7, 5), 12);
        NetworkObjective three = NetworkObjective.builder(one.spec(), one.data()).loss(one.loss())
                .reduction(one.reduction()).lambda(one.lambda()).weights(one.weights()).threads(3).minChunkWork(1).build();
        Float32NetworkObjective f1 = Float32NetworkObjective.over(one);
        Float32NetworkObjective f3 = Float32NetworkObjective.over(three);
        double[] th = theta(one.dimension(), 0.6, 13);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) ((i * 7919L) % n);
        }
        idx[5] = idx[6];
        double[] g1 = new double[th.length];
        double[] g3 = new double[th.length];
        double[] again = new double[th.length];
        for (int[] range : new int[][] {{0, 128}, {3, 5}, {0, n}}) {
            double v1 = f1.batchValueAndGradient(th, idx, range[0], range[1], g1);
            double v3 = f3.batchValueAndGradient(th, idx, range[0], range[1], g3);
            assertEquals(v1, v3, 1e-5 * Math.abs(v1), "batch " + range[0] + ".." + range[1]);
            assertTrue(relativeError(g3, g1) < 1e-5, "gradient error " + relativeError(g3, g1));
            assertEquals(Double.doubleToRawLongBits(v3), Double.doubleToRawLongBits(
                    f3.copy().batchValueAndGradient(th, idx, range[0], range[1], again)));
            assertArrayEquals(g3, again, 0.0, "three threads, run to run");
        }
        double full1 = f1.valueAndGradient(th, g1);
        double full3 = f3.valueAndGradient(th, g3);
        assertEquals(full1, full3, 1e-5 * Math.abs(full1));
        assertTrue(relativeError(g3, g1) < 1e-5, "full gradient error " + relativeError(g3, g1));
        assertEquals(f1.neuron(th).orElseThrow().networkOnlyLoss(), f3.neuron(th).orElseThrow().networkOnlyLoss(),
                1e-5 * full1);
    }

    @Test
    void resultsAreBitIdenticalAcrossCallsAndCopies() {
        NetworkObjective f64 = reference("relu", "skip-exp", "cubic-hinge", "mean", false, 50, 7, List.of(12, 6), 4);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.5, 1);
        int[] idx = {4, 9, 44, 1, 0, 23};
        double[] g1 = new double[th.length];
        double[] g2 = new double[th.length];
        double[] g3 = new double[th.length];
        double v1 = f32.batchValueAndGradient(th, idx, 0, idx.length, g1);
        f32.valueAndGradient(th, g2);
        double v2 = f32.batchValueAndGradient(th, idx, 0, idx.length, g2);
        double v3 = f32.copy().batchValueAndGradient(th, idx, 0, idx.length, g3);
        assertEquals(Double.doubleToRawLongBits(v1), Double.doubleToRawLongBits(v2));
        assertEquals(Double.doubleToRawLongBits(v1), Double.doubleToRawLongBits(v3));
        assertArrayEquals(g1, g2);
        assertArrayEquals(g1, g3);
    }

    @Test
    void rememberedFullPassIsNeverStaleWhenThetaChangesInPlace() {
        NetworkObjective f64 = reference("tanh", "skip-exp", "cubic-hinge", "sum", false, 25, 3, List.of(5), 14);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.5, 15);
        double[] g1 = new double[th.length];
        double v1 = f32.valueAndGradient(th, g1);
        th[0] += 0.25;
        double[] g2 = new double[th.length];
        double v2 = f32.valueAndGradient(th, g2);
        double[] fresh = new double[th.length];
        double vFresh = f32.copy().valueAndGradient(th, fresh);
        assertTrue(v1 != v2, "value did not change with θ");
        assertEquals(vFresh, v2);
        assertArrayEquals(fresh, g2);
        assertEquals(v2, f32.value(th));
        double[] g3 = new double[th.length];
        assertEquals(v2, f32.valueAndGradient(th, g3));
        assertArrayEquals(g2, g3);
        th[0] -= 0.25;
        assertEquals(f64.value(th), f32.value(th), 1e-4 * Math.abs(f64.value(th)));
    }

    @Test
    void minibatchStepsAllocateNothingOnceBuilt() {
        // Widths <= Graph.TINY_WIDTH run on the plain loops and ranges this short on the scalar
        // element-wise kernels, so no Vector API code runs: the count does not depend on what the
        // JIT has compiled (the same zero under -Xint), and this test passes alone or in the suite.
        NetworkObjective f64 = reference("relu", "skip-exp", "cubic-hinge", "mean", true, 64, 6, List.of(8, 8), 19);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.5, 20);
        double[] g = new double[th.length];
        int[] idx = new int[64];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = (i * 37) % 64;
        }
        f32.batchValueAndGradient(th, idx, 0, 16, g);
        long bytes = allocatedBy(() -> {
            for (int s = 0; s < 200; s++) {
                int from = (s % 4) * 16;
                f32.batchValueAndGradient(th, idx, from, from + 16, g);
            }
        });
        // Less than one byte per call: no object is made per call (the smallest takes 16 bytes).
        assertTrue(bytes < 200, bytes + " bytes allocated by 200 minibatch calls (least of three runs)");
        for (OptimizerKind kind : List.of(OptimizerKind.SGD, OptimizerKind.ADAM)) {
            Optimizer opt = TrainConfig.defaults().toBuilder().optimizer(kind).learningRate(1e-3).batchSize(16)
                    .momentum(kind == OptimizerKind.SGD ? 0.9 : 0).seed(3).build().newOptimizer(f32);
            double[] point = th.clone();
            double[] next = new double[th.length];
            opt.start(point);
            opt.stepInto(point, next);
            long stepBytes = allocatedBy(() -> {
                for (int s = 0; s < 100; s++) {
                    opt.stepInto(next, point);      // as the trainer does: into the other array
                    opt.stepInto(point, next);
                }
            });
            assertTrue(stepBytes < 200, stepBytes + " bytes allocated by 200 " + kind + " steps (least of three runs)");
        }
    }

    /**
     * Bytes the thread allocates running {@code work}: the least of three runs, so that a one-off
     * (a class or call site resolved on first use) does not count; an allocation in every call
     * shows in all three.
     */
    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            work.run();
            least = Math.min(least, mx.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }

    @Test
    void hessianVectorIsTheExactFloat64Product() {
        NetworkObjective f64 = reference("tanh", "skip-exp", "cubic-hinge", "sum", false, 20, 3, List.of(5), 8);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.5, 5);
        double[] v = theta(f64.dimension(), 1, 6);
        double[] h64 = new double[th.length];
        double[] h32 = new double[th.length];
        f64.hessianVector(th, v, h64);
        f32.hessianVector(th, v, h32);
        assertArrayEquals(h64, h32);
    }

    @Test
    void neuronSnapshotAgreesWithFloat64() {
        NetworkObjective f64 = reference("relu", "skip-exp", "cubic-hinge", "sum", false, 30, 4, List.of(6), 12);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.7, 13);
        NeuronSnapshot s64 = f64.neuron(th).orElseThrow();
        NeuronSnapshot s32 = f32.neuron(th).orElseThrow();
        assertEquals(s64.a(), s32.a());
        assertEquals(s64.b(), s32.b());
        assertEquals(s64.wNorm(), s32.wNorm(), 1e-12 * s64.wNorm());
        assertEquals(s64.maxContribution(), s32.maxContribution(), 1e-4 * s64.maxContribution());
        assertEquals(s64.networkOnlyLoss(), s32.networkOnlyLoss(), 1e-4 * s64.networkOnlyLoss());
        NetworkObjective plain = reference("relu", "none", "logistic", "sum", false, 10, 2, List.of(3), 1);
        assertEquals(Optional.empty(), Float32NetworkObjective.over(plain).neuron(theta(plain.dimension(), 1, 1)));
    }

    @Test
    void exponentialOverflowIsReportedNotReturned() {
        NetworkObjective f64 = reference("relu", "skip-exp", "cubic-hinge", "sum", false, 10, 3, List.of(4), 2);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.1, 3);
        th[f64.layout().neuronBOffset()] = 800;
        th[f64.layout().neuronAOffset()] = -1;
        double[] g = new double[th.length];
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> f32.valueAndGradient(th, g));
        assertTrue(e.getMessage().contains("exp"), e.getMessage());
        th[f64.layout().neuronBOffset()] = 0;
        th[0] = 1e39;
        NonFiniteException range = assertThrows(NonFiniteException.class, () -> f32.value(th));
        assertTrue(range.getMessage().contains("float"), range.getMessage());
        th[0] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> f32.value(th));
    }

    @Test
    void gradientBeyondTheFloatRangeIsReportedWhereFloat64StaysFinite() {
        NetworkObjective f64 = reference("relu", "skip-exp", "logistic", "sum", false, 12, 3, List.of(4), 6);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.1, 7);
        th[f64.layout().neuronBOffset()] = 690;
        th[f64.layout().neuronAOffset()] = 1;
        double[] g = new double[th.length];
        f64.valueAndGradient(th, g);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> f32.valueAndGradient(th, g));
        assertTrue(e.getMessage().contains("float32") && e.getMessage().contains("w["), e.getMessage());
    }

    /**
     * A loss derivative past the float range at a finite score (the cubic hinge's 3·(1 − y·f~)² at a
     * neuron term near −5e21, as W5 reached in its sixth epoch) is named with its sample and
     * score before the float32 reverse pass would turn it into NaN parameters; float64 stays finite.
     */
    @Test
    void lossDerivativeBeyondTheFloatRangeIsNamedWithItsScore() {
        NetworkObjective f64 = reference("relu", "skip-exp", "cubic-hinge", "sum", false, 12, 3, List.of(4), 6);
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] th = theta(f64.dimension(), 0.1, 7);
        th[f64.layout().neuronBOffset()] = 50;
        th[f64.layout().neuronAOffset()] = -1;
        double[] g = new double[th.length];
        double loss = f64.valueAndGradient(th, g);
        assertTrue(Double.isFinite(loss) && Double.isFinite(ThetaPasses.sumOfSquares(g)), "float64 stays finite");
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> f32.valueAndGradient(th, g));
        assertTrue(e.getMessage().startsWith("loss derivative δf~(x_i) (float32) at sample ")
                && e.getMessage().contains("past the float32 range") && e.getMessage().contains("neuron's"),
                e.getMessage());
    }

    @Test
    void sgdThroughTheTrainerSeparatesASeparableSet() {
        int n = 200;
        int d = 2;
        SplittableRandom rng = new SplittableRandom(17);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a;
            double b;
            do {
                a = rng.nextDouble(-1, 1);
                b = rng.nextDouble(-1, 1);
            } while (Math.abs(a + b) < 0.2);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = a + b > 0 ? 1 : -1;
        }
        Dataset data = new Dataset("separable", x, y, d, List.of("a", "b"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(d, List.of(16), Activation.RELU, NeuronKind.SKIP_EXP);
        NetworkObjective f64 = NetworkObjective.builder(spec, data).reduction(Reduction.MEAN).lambda(1e-2).build();
        Float32NetworkObjective f32 = f64Builder(spec, data);
        double[] theta0 = theta(f32.dimension(), 0.5, 4);
        theta0[f64.layout().neuronAOffset()] = 0;
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(0.1)
                .batchSize(16).momentum(0.9).maxSteps(1500).gradientTolerance(0).lossTolerance(0)
                .historyStride(500).seed(3).build();
        TrainingResult result = Trainer.train(f32, theta0, config);
        assertTrue(result.monitoringSeconds() > 0 && result.monitoringSeconds() < result.seconds(),
                "full-data history evaluations are part of the loop's time: " + result.monitoringSeconds()
                        + " of " + result.seconds() + " s");
        double[] scores = f64.scores(result.theta());
        int correct = 0;
        for (int i = 0; i < n; i++) {
            correct += Math.signum(scores[i]) == y[i] ? 1 : 0;
        }
        assertEquals(n, correct, "training accuracy " + correct + "/" + n);
    }

    private static Float32NetworkObjective f64Builder(NetworkSpec spec, Dataset data) {
        return NetworkObjective.builder(spec, data).reduction(Reduction.MEAN).lambda(1e-2).buildFloat32();
    }
}
