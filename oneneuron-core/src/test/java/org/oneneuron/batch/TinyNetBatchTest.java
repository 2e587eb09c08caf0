package org.oneneuron.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/** The batched tiny-net trainer gives the engine's numbers, run by run, whatever its batch. */
class TinyNetBatchTest {

    private static final double[] X = {-1, -1, -1, 1, 1, -1, 1, 1, 0.3, -0.7};
    private static final double[] Y = {-1, 1, 1, -1, 1};
    private static final Dataset DATA = new Dataset("t", X, Y, 2, List.of("x0", "x1"), List.of("-1", "+1"));
    private static final double LAMBDA = 1e-2;

    private static NetworkSpec spec(String act, int h, NeuronKind kind) {
        return new NetworkSpec(2, List.of(h), Activation.parse(act), kind);
    }

    private static TinyNetProblem problem(NetworkSpec spec, MarginLoss loss, Reduction reduction,
                                          double lr, double clip, int stride) {
        return new TinyNetProblem(spec, DATA, loss, reduction, LAMBDA, lr, clip, 1e6, stride);
    }

    private static NetworkObjective objective(NetworkSpec spec, MarginLoss loss, Reduction reduction) {
        return NetworkObjective.builder(spec, DATA).loss(loss).reduction(reduction).lambda(LAMBDA)
                .allowZeroLambda(true).build();
    }

    private static double[][] rows(int runs, int p, long seed, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[runs][p];
        for (double[] row : rows) {
            for (int i = 0; i < p; i++) {
                row[i] = scale * rnd.nextDouble(-1, 1);
            }
        }
        return rows;
    }

    @Test
    void lossAndGradientEqualTheEnginesBitForBit() {
        for (String act : List.of("tanh", "relu", "leaky_relu:0.1", "sigmoid", "softplus", "elu", "linear")) {
            for (NeuronKind kind : List.of(NeuronKind.NONE, NeuronKind.SKIP_EXP, NeuronKind.PER_LAYER_EXP,
                    NeuronKind.RELU, NeuronKind.LINEAR, NeuronKind.QUADRATIC, NeuronKind.SIGMOID)) {
                for (Reduction reduction : Reduction.values()) {
                    MarginLoss loss = reduction == Reduction.SUM ? Losses.CUBIC_HINGE : Losses.LOGISTIC;
                    NetworkSpec spec = spec(act, 3, kind);
                    NetworkObjective objective = objective(spec, loss, reduction);
                    int p = objective.dimension();
                    double[][] rows = rows(11, p, 5, 1.5);
                    TinyNetBatch batch = new TinyNetBatch(problem(spec, loss, reduction, 0.1, 0, 1), rows);
                    double[] losses = new double[rows.length];
                    double[][] grads = batch.gradientsAtCurrentPoint(losses);
                    for (int r = 0; r < rows.length; r++) {
                        double[] g = new double[p];
                        double value = objective.valueAndGradient(rows[r], g);
                        String where = act + " " + kind.word() + " " + reduction.word() + " run " + r;
                        assertEquals(value, losses[r], 0.0, where);
                        assertArrayEquals(g, grads[r], 0.0, where);
                    }
                }
            }
        }
    }

    @Test
    void theFusedPassEqualsTheManyNetworksModeBitForBit() {
        for (String act : List.of("tanh", "relu", "leaky_relu:0.1", "sigmoid", "linear")) {
            for (NeuronKind kind : List.of(NeuronKind.NONE, NeuronKind.SKIP_EXP, NeuronKind.PER_LAYER_EXP)) {
                NetworkSpec spec = spec(act, 3, kind);
                TinyNetProblem problem = problem(spec, Losses.CUBIC_HINGE, Reduction.MEAN, 0.1, 0, 1);
                assertTrue(TinyNetPass.takes(problem), act + " " + kind.word());
                double[][] rows = rows(70, spec.layout().dimension(), 13, 2.0);
                double[][] theta = new double[rows[0].length][rows.length];
                for (int r = 0; r < rows.length; r++) {
                    for (int p = 0; p < rows[r].length; p++) {
                        theta[p][r] = rows[r][p];
                    }
                }
                BatchPass fused = new TinyNetPass(problem, rows.length);
                BatchPass lanes = new LaneBatchPass(problem, rows.length);
                double[][] g1 = new double[theta.length][rows.length];
                double[][] g2 = new double[theta.length][rows.length];
                fused.evaluate(theta, g1, true);
                lanes.evaluate(theta, g2, true);
                String where = act + " " + kind.word();
                assertArrayEquals(fused.value(), lanes.value(), 0.0, where);
                assertArrayEquals(fused.networkOnly(), lanes.networkOnly(), 0.0, where);
                for (int p = 0; p < theta.length; p++) {
                    assertArrayEquals(g1[p], g2[p], 0.0, where + " parameter " + p);
                }
                if (kind.present()) {
                    assertArrayEquals(fused.maxContribution(), lanes.maxContribution(), 0.0, where);
                    assertArrayEquals(fused.largestExponent(), lanes.largestExponent(), 0.0, where);
                }
            }
        }
    }

    @Test
    void trainingEqualsTheTrainerOnTheEngineBitForBit() {
        for (NeuronKind kind : List.of(NeuronKind.NONE, NeuronKind.SKIP_EXP)) {
            for (String act : List.of("tanh", "relu")) {
                NetworkSpec spec = kind == NeuronKind.NONE ? spec(act, 2, kind)
                        : new NetworkSpec(2, List.of(3, 2), Activation.parse(act), kind);
                NetworkObjective objective = objective(spec, Losses.CUBIC_HINGE, Reduction.SUM);
                double[][] rows = rows(6, objective.dimension(), 9, 1.0);
                int steps = 400;
                List<TinyRun> runs = TinyNetBatch.train(problem(spec, Losses.CUBIC_HINGE, Reduction.SUM,
                        0.02, 1.0, 7), rows, steps);
                TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD)
                        .learningRate(0.02).clipNorm(1.0).maxSteps(steps).gradientTolerance(0)
                        .historyStride(7).build();
                for (int r = 0; r < rows.length; r++) {
                    TrainingResult engine = Trainer.train(objective, rows[r], config);
                    TinyRun ours = runs.get(r);
                    assertTrue(ours.clean(), ours.trouble());
                    String where = kind.word() + " " + spec.architecture() + " run " + r;
                    assertArrayEquals(engine.theta(), ours.theta(), 0.0, where);
                    assertEquals(engine.finalLoss(), ours.finalLoss(), 0.0, where);
                    long[] engineSteps = engine.history().steps();
                    assertArrayEquals(Arrays.copyOf(engineSteps, ours.steps().length), ours.steps(),
                            "recorded at the trainer's history steps");
                    double[] engineGrad = engine.history().gradientNorm();
                    for (int k = 0; k < ours.steps().length; k++) {
                        assertEquals(engineGrad[k], ours.gradientNorm()[k], 0.0, where + " step " + k);
                        if (kind != NeuronKind.NONE) {
                            assertEquals(engine.history().maxContribution()[k], ours.maxContribution()[k], 0.0);
                            assertEquals(engine.history().networkOnlyLoss()[k], ours.networkOnlyLoss()[k], 0.0);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aRunHasTheSameBitsAloneAndInAnyBatchAtAnyPosition() {
        NetworkSpec spec = spec("tanh", 2, NeuronKind.SKIP_EXP);
        TinyNetProblem problem = problem(spec, Losses.CUBIC_HINGE, Reduction.MEAN, 0.05, 10, 9);
        double[][] rows = rows(100, spec.layout().dimension(), 21, 1.0);
        List<TinyRun> all = TinyNetBatch.train(problem, rows, 120);
        for (int[] cut : new int[][] {{0, 1}, {3, 4}, {5, 8}, {1, 18}, {7, 41}, {30, 95}, {0, 100}}) {
            List<TinyRun> part = TinyNetBatch.train(problem, Arrays.copyOfRange(rows, cut[0], cut[1]), 120);
            for (int r = cut[0]; r < cut[1]; r++) {
                assertSameBits(all.get(r), part.get(r - cut[0]), "run " + r + " in [" + cut[0] + ", " + cut[1] + ")");
            }
        }
    }

    private static void assertSameBits(TinyRun expected, TinyRun actual, String where) {
        assertArrayEquals(expected.theta(), actual.theta(), where);
        assertEquals(Double.doubleToRawLongBits(expected.finalLoss()), Double.doubleToRawLongBits(actual.finalLoss()), where);
        assertArrayEquals(expected.loss(), actual.loss(), where);
        assertArrayEquals(expected.gradientNorm(), actual.gradientNorm(), where);
        assertArrayEquals(expected.networkOnlyLoss(), actual.networkOnlyLoss(), where);
        assertArrayEquals(expected.maxContribution(), actual.maxContribution(), where);
        assertArrayEquals(expected.thetaNorm(), actual.thetaNorm(), where);
    }

    @Test
    void aRunInTroubleIsFlaggedAndLeavesTheOthersAlone() {
        NetworkSpec spec = spec("relu", 2, NeuronKind.SKIP_EXP);
        TinyNetProblem problem = problem(spec, Losses.CUBIC_HINGE, Reduction.SUM, 0.01, 10, 5);
        double[][] rows = rows(3, spec.layout().dimension(), 4, 1.0);
        double[][] wild = rows.clone();
        wild[1] = rows[1].clone();
        int w = spec.layout().neuronWOffset();
        wild[1][w] = 400;
        wild[1][spec.layout().neuronAOffset()] = 1;
        List<TinyRun> runs = TinyNetBatch.train(problem, wild, 30);
        assertFalse(runs.get(1).clean());
        assertTrue(runs.get(1).trouble().contains("step"), runs.get(1).trouble());
        List<TinyRun> calm = TinyNetBatch.train(problem, new double[][] {rows[0], rows[2]}, 30);
        assertTrue(runs.get(0).clean() && runs.get(2).clean(), runs.get(0).trouble() + runs.get(2).trouble());
        assertSameBits(calm.get(0), runs.get(0), "run 0");
        assertSameBits(calm.get(1), runs.get(2), "run 2");
        for (double v : runs.get(1).theta()) {
            assertTrue(Double.isFinite(v), "a run in trouble keeps a finite θ");
        }
        double[][] far = {rows[0].clone()};
        far[0][spec.layout().neuronBOffset()] = -750;
        TinyRun underflow = TinyNetBatch.train(problem, far, 3).get(0);
        assertTrue(underflow.trouble().contains("exp(u)"), "exp(u) below the normal range goes to the engine: "
                + underflow.trouble());
    }

    @Test
    void recordsEveryStrideStepAndTheLastWhenItFallsOnTheStride() {
        NetworkSpec spec = spec("tanh", 2, NeuronKind.NONE);
        double[][] rows = rows(2, spec.layout().dimension(), 3, 1.0);
        List<TinyRun> runs = TinyNetBatch.train(problem(spec, Losses.CUBIC_HINGE, Reduction.MEAN, 0.1, 0, 5), rows, 20);
        assertArrayEquals(new long[] {0, 5, 10, 15, 20}, runs.get(0).steps());
        assertEquals(0, runs.get(0).a().length, "no neuron columns for a plain network");
        List<TinyRun> odd = TinyNetBatch.train(problem(spec, Losses.CUBIC_HINGE, Reduction.MEAN, 0.1, 0, 5), rows, 22);
        assertArrayEquals(new long[] {0, 5, 10, 15, 20}, odd.get(0).steps());
    }

    @Test
    void refusesWhatItCannotTake() {
        assertTrue(TinyNetProblem.supports(new NetworkSpec(2, List.of(2, 2), Activation.TANH, NeuronKind.NONE)));
        assertTrue(TinyNetProblem.supports(new NetworkSpec(2, List.of(2), Activation.ELU, NeuronKind.QUADRATIC)));
        assertFalse(TinyNetProblem.supports(new NetworkSpec(30, List.of(2), Activation.TANH, NeuronKind.NONE)));
        assertFalse(TinyNetProblem.supports(new NetworkSpec(2, List.of(9), Activation.TANH, NeuronKind.NONE)));
        assertFalse(TinyNetProblem.supports(new NetworkSpec(2, List.of(2), Activation.TANH, NeuronKind.NO_SKIP)));
        assertTrue(TinyNetProblem.supports(new NetworkSpec(2, List.of(8), Activation.RELU, NeuronKind.PER_LAYER_EXP)));
        NetworkSpec conv = new NetworkSpec(org.oneneuron.data.Shape.parse("1x2x2"),
                org.oneneuron.model.Architecture.parse("conv:1x2x2,flatten,dense:1"), NeuronKind.NONE);
        assertFalse(TinyNetProblem.supports(conv));
        NetworkSpec wide = new NetworkSpec(2, List.of(12), Activation.TANH, NeuronKind.NONE);
        assertThrows(IllegalArgumentException.class, () -> new TinyNetProblem(wide, DATA, Losses.CUBIC_HINGE,
                Reduction.SUM, 0, 0.1, 0, 1e6, 1));
        NetworkSpec ok = spec("tanh", 2, NeuronKind.NONE);
        assertThrows(IllegalArgumentException.class, () -> new TinyNetProblem(ok, DATA, Losses.CUBIC_HINGE,
                Reduction.SUM, 0, -0.1, 0, 1e6, 1));
        assertThrows(IllegalArgumentException.class, () -> new TinyNetBatch(problem(ok, Losses.CUBIC_HINGE,
                Reduction.SUM, 0.1, 0, 1), new double[][] {{1, 2}}));
    }
}
