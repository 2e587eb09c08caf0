package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Datasets;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;

/** Checkpoints of a scaffold schedule resume to the uninterrupted run's bits, in every phase (issue 17). */
class ScaffoldResumeTest {

    private static final TrainConfig GD = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD)
            .learningRate(0.05).maxSteps(48).lossTolerance(1e-30).gradientTolerance(1e-30).build();

    private record Saved(Problem phase, double[] theta, ScaffoldState state) {
    }

    private static Problem augmented() {
        ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of(3)).withLambda(1e-3).withTrain(GD);
        return config.problem(TrainingData.prepare(Datasets.wdbc(), config).scaledTrain());
    }

    @Test
    void everyCheckpointOfTheLambdaScheduleResumesToTheSameBits() {
        Problem problem = augmented();
        // 4 rounds of 6 steps, a tolerance no round reaches: λ rises every round; checkpoints every
        // 4 steps fall mid-round, on a round's last step (12, 24 = the drop) and in the fine-tune.
        Scaffold schedule = Scaffold.of(Scaffold.Mode.LAMBDA).withTolerance(1e-12).withRounds(4);
        List<Saved> saved = new ArrayList<>();
        ScaffoldFit whole = ScaffoldFit.resume(problem, GD, schedule, null, problem.initialPoint(), 4,
                (phase, theta, state) -> saved.add(new Saved(phase, theta, state)));
        assertEquals(4, whole.lambdas().size(), "λ raised in every round: " + whole.lambdas());
        assertEquals(24, whole.augmentedSteps());
        assertEquals(24, whole.fineTuneSteps());
        assertArrayEquals(ScaffoldFit.run(problem, GD, schedule).theta(), whole.theta(), 0.0,
                "checkpointing changes nothing");
        assertEquals(12, saved.size(), "a checkpoint every 4 steps up to the last, 48: " + saved.size());
        boolean sawFineTune = false;
        boolean sawRoundEnd = false;
        for (Saved s : saved) {
            ScaffoldState read = ScaffoldState.fromProvenance(s.state().toProvenance(schedule), schedule);
            assertEquals(s.state(), read, "the state reads back exactly");
            assertEquals(read.fineTune(), !s.phase().spec().neuron().present(), "the phase's network");
            if (!read.fineTune()) {
                assertEquals(read.lambda(), s.phase().lambda(), "the round's λ");
            }
            ScaffoldFit resumed = ScaffoldFit.resume(problem, GD, schedule, read, s.theta(), 0, null);
            String where = "resumed at step " + read.stepsDone() + " (" + (read.fineTune() ? "fine-tune"
                    : "round " + read.round()) + ")";
            assertArrayEquals(whole.theta(), resumed.theta(), 0.0, where);
            assertEquals(whole.provenance(), resumed.provenance(), where);
            sawFineTune |= read.fineTune();
            sawRoundEnd |= !read.fineTune() && read.stepsDone() == read.roundStart() + 6;
        }
        assertTrue(sawFineTune && sawRoundEnd, "checkpoints in the fine-tune and at a round's end");
    }

    @Test
    void theDropScheduleResumesToo() {
        Problem problem = augmented();
        Scaffold schedule = Scaffold.of(Scaffold.Mode.DROP).withShare(0.25);
        List<Saved> saved = new ArrayList<>();
        ScaffoldFit whole = ScaffoldFit.resume(problem, GD, schedule, null, problem.initialPoint(), 5,
                (phase, theta, state) -> saved.add(new Saved(phase, theta, state)));
        for (Saved s : saved) {
            ScaffoldFit resumed = ScaffoldFit.resume(problem, GD, schedule, s.state(), s.theta(), 0, null);
            assertArrayEquals(whole.theta(), resumed.theta(), 0.0, "resumed at step " + s.state().stepsDone());
        }
    }

    @Test
    void aCheckpointOfAnotherScheduleOrWithoutOneIsRefusedInWords() {
        Scaffold lambda = Scaffold.of(Scaffold.Mode.LAMBDA);
        ScaffoldState state = new ScaffoldState(3, false, 0, 0, 1.0, List.of(), List.of(), 3, Double.NaN, 0.1);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> ScaffoldState.fromProvenance(state.toProvenance(lambda), Scaffold.of(Scaffold.Mode.DROP)));
        assertTrue(other.getMessage().contains("written by the schedule 'lambda:"), other.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ScaffoldState.fromProvenance(Map.of("steps_done", "3"), lambda));
        assertTrue(none.getMessage().contains("without a scaffold schedule"), none.getMessage());
        Problem problem = augmented();
        assertThrows(IllegalArgumentException.class, () -> ScaffoldFit.resume(problem, GD, lambda, state,
                new double[3], 0, null), "θ of the wrong size");
    }
}
