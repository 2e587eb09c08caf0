package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.StopReason;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/** Studies train tiny GD runs together; a run's journal numbers do not depend on its batch. */
class StudyBatchTest {

    private final TrainerRunFunction function = new TrainerRunFunction();

    private static StudySpec spec(String optimizer, double lr, double clip) {
        return StudySpec.fromJson("{\"name\":\"b\",\"data\":[\"case-a\"],\"hidden\":[[2]],"
                + "\"activations\":[\"relu\"],\"neurons\":[\"none\",\"skip-exp\",\"per-layer-exp\"],"
                + "\"reduction\":\"sum\",\"optimizers\":[\"" + optimizer + "\"],\"learning_rate\":" + lr
                + ",\"clip\":" + clip + ",\"steps\":700,\"init\":\"normal\",\"restarts\":5,\"seed\":11,\"lambdas\":[0.1]}", "test");
    }

    private List<RunOutcome> batch(List<RunSpec> runs) {
        List<RunOutcome> out = new ArrayList<>();
        function.runBatch(runs, (run, outcome) -> out.add(outcome.withoutTiming()), () -> true);
        assertEquals(runs.size(), out.size());
        return out;
    }

    @Test
    void tasksBatchRunsOfOneConfigurationAndLeaveOthersAlone() {
        List<RunSpec> runs = spec("gd", 0.01, 10).expand();
        List<List<RunSpec>> tasks = new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).tasks(runs);
        assertEquals(6, tasks.size(), "3 configurations of 5 runs in batches of at most 3");
        for (List<RunSpec> task : tasks) {
            assertTrue(task.size() <= 3);
            assertTrue(task.stream().allMatch(r -> r.configKey().equals(task.get(0).configKey())));
        }
        assertEquals(runs.size(), tasks.stream().mapToInt(List::size).sum());
        List<RunSpec> lbfgs = spec("lbfgs", 0.01, 10).expand();
        assertTrue(function.batchKey(lbfgs.get(0)).isEmpty(), "L-BFGS runs go to the engine");
        assertEquals(lbfgs.size(), new StudyRunner(function, 2, Duration.ZERO, StudyListener.none())
                .tasks(lbfgs).size());
    }

    @Test
    void aRunsOutcomeIsTheSameAloneAndInBatchesOfAnySizeOrOffset() {
        for (List<RunSpec> group : List.of(spec("gd", 0.01, 10).expand().subList(5, 10),
                spec("gd", 0.01, 10).expand().subList(0, 5))) {
            List<RunOutcome> whole = batch(group);
            List<RunOutcome> middle = batch(group.subList(1, 4));
            for (int i = 1; i < 4; i++) {
                assertEquals(whole.get(i), middle.get(i - 1), "run " + group.get(i).runIndex());
            }
            assertEquals(whole.get(4), function.run(group.get(4)).withoutTiming());
            assertEquals(whole.get(0), batch(group.subList(0, 1)).get(0));
        }
    }

    @Test
    void batchedRunsAgreeWithTheEngineUpToSummationOrder() {
        List<RunSpec> runs = spec("gd", 0.01, 10).expand();
        for (RunSpec run : List.of(runs.get(0), runs.get(3), runs.get(6), runs.get(9))) {
            RunOutcome ours = function.run(run);
            TrainingResult engine = engine(run);
            String where = "run " + run.runIndex() + " " + run.neuron();
            assertEquals(engine.finalLoss(), ours.loss(), 1e-9 * (1 + engine.finalLoss()), where);
            assertEquals(engine.finalGradientNorm(), ours.gradNorm(), 1e-8 * (1 + engine.finalGradientNorm()), where);
            assertEquals(engine.history().size(), ours.trajectory().size(), where);
            double[] loss = engine.history().loss();
            for (int k = 0; k < loss.length; k++) {
                assertEquals(engine.history().steps()[k], ours.trajectory().get(k).step());
                assertEquals(loss[k], ours.trajectory().get(k).loss(), 1e-9 * (1 + loss[k]), where + " point " + k);
            }
            if (run.augmented()) {
                double a = engine.theta()[new NetworkSpec(2, List.of(2), Activation.RELU,
                        NeuronKind.parse(run.neuron())).layout().neuronAOffset()];
                assertEquals(a, ours.a(), 1e-9 * (1 + Math.abs(a)), where);
            }
        }
    }

    @Test
    void runsInTroubleAreRedoneOnTheEngineAndReportItsStop() {
        List<RunSpec> runs = spec("gd", 50, 0).expand().subList(5, 10);
        List<RunOutcome> outcomes = batch(runs);
        int troubled = 0;
        for (int i = 0; i < runs.size(); i++) {
            TrainingResult engine = engine(runs.get(i));
            boolean trouble = engine.stop().reason() == StopReason.DIVERGED
                    || engine.stop().reason() == StopReason.NON_FINITE;
            if (trouble) {
                troubled++;
                assertEquals(engine.stop().message(), outcomes.get(i).diagnostic());
                assertEquals(engine.steps(), outcomes.get(i).steps());
                assertEquals(engine.finalLoss(), outcomes.get(i).loss(), 0.0, "the engine's own run");
            }
        }
        assertTrue(troubled > 0, "lr 50 without clipping sends some runs off");
        assertFalse(outcomes.isEmpty());
    }

    private static TrainingResult engine(RunSpec run) {
        NetworkSpec spec = new NetworkSpec(2, List.of(2), Activation.parse(run.activation()),
                NeuronKind.parse(run.neuron()));
        NetworkObjective objective = NetworkObjective.builder(spec, StudyData.caseA())
                .loss(Losses.parse(run.loss())).reduction(Reduction.parse(run.reduction()))
                .lambda(run.lambda()).allowZeroLambda(true).build();
        double[] theta0 = Initializer.STANDARD_NORMAL.initialize(spec.layout(), run.runSeed());
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD)
                .learningRate(run.learningRate()).maxSteps(run.steps()).clipNorm(run.clip())
                .gradientTolerance(0).seed(run.runSeed())
                .historyStride(Math.max(1, run.steps() / RunProblems.TRAJECTORY_POINTS)).build();
        return Trainer.train(objective, theta0, config);
    }
}
