package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Problem;

/**
 * Per-output infinity diagnostics (PAPER.md §10: one neuron per output): a K-output run in which
 * one output's neuron runs off and another's settles is told apart, and the claim is checked
 * against what continued training does to each neuron.
 */
class OutputRoadTest {

    /**
     * One feature, three classes: class a in two clumps on both sides of class b (no linear score
     * gives a a convex region containing both), class c far right. A linear model (hidden 0) with a
     * neuron per output: a's neuron must carry a's second clump, b's is not needed.
     */
    private static Dataset clumps() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[80];
        double[] y = new double[80];
        for (int i = 0; i < 20; i++) {
            x[4 * i] = rng.nextDouble(-2.2, -1.8);
            x[4 * i + 1] = rng.nextDouble(1.8, 2.2);
            x[4 * i + 2] = rng.nextDouble(-0.3, 0.3);
            x[4 * i + 3] = rng.nextDouble(5, 6);
            y[4 * i] = 0;
            y[4 * i + 1] = 0;
            y[4 * i + 2] = 1;
            y[4 * i + 3] = 2;
        }
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - mean) / Math.sqrt(var);
        }
        return new Dataset("clumps", x, y, 1, null, List.of("a", "b", "c"));
    }

    private static TrainConfig gd(long steps) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(0.05)
                .maxSteps(steps).gradientTolerance(0).historyStride(100).build();
    }

    @Test
    void oneOutputsNeuronRunsOffWhileAnothersSettlesAndContinuedTrainingAgrees() {
        NetworkSpec spec = NetworkSpec.mlp(1, List.of(), Activation.TANH, NeuronKind.SKIP_EXP, 3);
        Problem problem = Problem.builder(spec, clumps()).loss(Losses.MULTI_SQUARED_HINGE)
                .reduction(Reduction.MEAN).lambda(0.01).seed(0).build();
        NetworkObjective objective = problem.objective();
        TrainingResult result = Trainer.train(objective, problem.initialPoint(), gd(20_000));
        List<OutputRoad> roads = result.infinity().outputs();
        assertEquals(3, roads.size(), result.infinity().evidence());
        OutputRoad a = roads.get(0);
        OutputRoad b = roads.get(1);
        assertTrue(a.runningOff() && a.growing().contains("b") && a.aShrinking(), a.evidence());
        assertFalse(b.runningOff(), b.evidence());
        assertTrue(b.growing().isEmpty(), b.evidence());
        assertTrue(b.evidence().endsWith("no growth"), b.evidence());
        assertTrue(result.infinity().outputsRunningOff().contains(0)
                && !result.infinity().outputsRunningOff().contains(1), result.infinity().outputsRunningOff().toString());

        // the trends end where θ ends
        var layout = objective.layout();
        double[] end = result.theta();
        for (OutputRoad road : roads) {
            int k = road.output();
            assertEquals(Math.abs(end[layout.neuronBOffset() + k]), road.b().end(), 0.0, road.evidence());
            assertEquals(Math.abs(end[layout.neuronAOffset() + k]), road.a().end(), 0.0, road.evidence());
        }

        // what the diagnostics said, continued five times as long: a's neuron keeps going, b's stays
        TrainingResult longer = Trainer.train(objective, end, gd(80_000));
        double[] later = longer.theta();
        double b0 = Math.abs(end[layout.neuronBOffset()]);
        double b0Later = Math.abs(later[layout.neuronBOffset()]);
        assertTrue(b0Later > 1.8 * b0, "output 0's |b| " + b0 + " -> " + b0Later);
        double b1 = end[layout.neuronBOffset() + 1];
        double b1Later = later[layout.neuronBOffset() + 1];
        assertEquals(b1, b1Later, 0.05 * Math.abs(b1), "output 1's b");
        assertTrue(longer.infinity().outputs().get(0).runningOff(), longer.infinity().outputs().get(0).evidence());
        assertFalse(longer.infinity().outputs().get(1).runningOff(), longer.infinity().outputs().get(1).evidence());
    }

    /** Output 0's b grows like 2 ln t while a_0 shrinks; output 1 is flat; steps up to 40·stride. */
    private static TrainingHistory twoOutputs(long stride) {
        int n = 40;
        long[] steps = new long[n];
        double[] one = new double[n];
        double[][] outputs = new double[n][];
        for (int i = 0; i < n; i++) {
            steps[i] = stride * (i + 1);
            one[i] = 1;
            double t = Math.log(steps[i]);
            outputs[i] = new double[] {Math.exp(-t), 0.5, 2 * t, 0.2, 1.0, 1.0};
        }
        return new TrainingHistory(steps, one, one, one, one, one, one, one, one, new double[0][], outputs);
    }

    @Test
    void growthCountsAsRunningOffOnlyOverTheHorizon() {
        InfinityDiagnostics diagnostics = InfinityDiagnostics.defaults();
        long horizon = InfinityThresholds.defaults().horizonSteps();
        List<OutputRoad> shortRun = diagnostics.assess(twoOutputs(horizon / 100)).outputs();
        assertEquals(2, shortRun.size());
        assertEquals(List.of("b"), shortRun.get(0).growing(), shortRun.get(0).evidence());
        assertFalse(shortRun.get(0).runningOff(), shortRun.get(0).evidence());
        assertTrue(shortRun.get(0).evidence().contains("run longer to tell"), shortRun.get(0).evidence());
        assertTrue(shortRun.get(1).growing().isEmpty() && !shortRun.get(1).runningOff(), shortRun.get(1).evidence());

        InfinityAssessment longRun = diagnostics.assess(twoOutputs(horizon));
        OutputRoad off = longRun.outputs().get(0);
        assertTrue(off.runningOff() && off.aShrinking(), off.evidence());
        assertTrue(off.evidence().contains("running off to infinity") && off.evidence().contains("a_0 shrinks"),
                off.evidence());
        assertEquals(List.of(0), longRun.outputsRunningOff());
        assertEquals(0.0, longRun.outputs().get(1).b().perEfold(), 1e-12);
    }

    @Test
    void aQuantityThatRoseAndLevelledOffIsSaidToLevelOffNotJustNoGrowth() {
        long horizon = InfinityThresholds.defaults().horizonSteps();
        int n = 40;
        long[] steps = new long[n];
        double[] one = new double[n];
        double[][] outputs = new double[n][];
        for (int i = 0; i < n; i++) {
            steps[i] = horizon * (i + 1);
            one[i] = 1;
            double w = Math.min(3.4 + 0.5 * i, 8.0); // ‖w_1‖ climbs fast over the first entries, then stays
            outputs[i] = new double[] {0.5, 0.5, 0.2, 0.2, 1.0, w};
        }
        OutputRoad road = InfinityDiagnostics.defaults().assess(new TrainingHistory(steps, one, one, one, one, one,
                one, one, one, new double[0][], outputs)).outputs().get(1);
        assertTrue(road.growing().isEmpty(), road.evidence());
        assertTrue(road.wNorm().perEfold() > 0.5, "it rose fast over the window: " + road.evidence());
        assertTrue(road.evidence().contains(": no growth; ‖w_1‖ rose, but its later half's slope is"), road.evidence());
        assertTrue(road.evidence().endsWith("it levels off)"), road.evidence());
        assertFalse(road.evidence().contains("|b_1| rose"), "b stayed where it was: " + road.evidence());
    }

    @Test
    void outputRowsMustHoldThreeValuesPerOutputForEveryEntry() {
        long[] steps = {1, 2};
        double[] c = {1, 1};
        assertThrows(IllegalArgumentException.class, () -> new TrainingHistory(steps, c, c, c, c, c, c, c, c,
                new double[0][], new double[][] {{1, 2, 3, 4, 5, 6}}));
        assertThrows(IllegalArgumentException.class, () -> new TrainingHistory(steps, c, c, c, c, c, c, c, c,
                new double[0][], new double[][] {{1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}}));
        assertThrows(IllegalArgumentException.class, () -> new TrainingHistory(steps, c, c, c, new double[0],
                new double[0], new double[0], new double[0], new double[0], new double[0][],
                new double[][] {{1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6}}));
    }
}
