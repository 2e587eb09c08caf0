package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;

/**
 * {@link Fit#together(List, TrainConfig, int)} keeps θ every k steps, θ₀ first, on the batched
 * path and on the trainer's path alike (what a study's journal stores as its theta_path).
 */
class FitKeepingTest {

    private static final Dataset MOONS = Datasets.builtin("moons:n=200,seed=3");

    private static List<Problem> problems() {
        NetworkSpec spec = new NetworkSpec(MOONS.d(), List.of(3), Activation.TANH, NeuronKind.SKIP_EXP);
        Problem base = Problem.builder(spec, MOONS).lambda(0.1).build();
        return List.of(base.withSeed(1), base.withSeed(2), base.withSeed(3));
    }

    private static TrainConfig gd(int stride) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(0.1).maxSteps(40)
                .clipNorm(10).gradientTolerance(0).historyStride(stride).build();
    }

    @Test
    void theBatchedPathKeepsTheStepsAndPointsTheTrainerKeeps() {
        List<Problem> problems = problems();
        TrainConfig config = gd(4);
        assertTrue(problems.get(0).batchable(config), "the problems go to the batched path");
        List<FitResult> together = Fit.together(problems, config, 8);
        for (int i = 0; i < problems.size(); i++) {
            ThetaTrace batched = together.get(i).kept();
            ThetaTrace alone = Fit.keeping(problems.get(i), config, 8).kept();
            assertArrayEquals(new long[] {0, 8, 16, 24, 32, 40}, batched.steps(), "problem " + i);
            assertArrayEquals(alone.steps(), batched.steps(), "problem " + i);
            assertArrayEquals(problems.get(i).initialPoint(), batched.thetas()[0], 0.0, "θ₀ first, exact");
            for (int k = 0; k < batched.size(); k++) {
                assertArrayEquals(alone.thetas()[k], batched.thetas()[k], 1e-9,
                        "problem " + i + ", step " + batched.steps()[k] + ": same point up to the order of sums");
            }
            assertArrayEquals(together.get(i).theta(), batched.thetas()[batched.size() - 1], 0.0,
                    "the last kept step is the end point");
        }
    }

    @Test
    void theTrainersPathKeepsEveryMultipleOfKAndNothingIsKeptUnlessAsked() {
        TrainConfig adam = gd(4).toBuilder().optimizer(OptimizerKind.ADAM).learningRate(0.01).maxSteps(20).build();
        Problem problem = problems().get(0);
        FitResult fit = Fit.together(List.of(problem), adam, 6).get(0);
        assertArrayEquals(new long[] {0, 6, 12, 18}, fit.kept().steps());
        assertArrayEquals(problem.initialPoint(), fit.kept().thetas()[0], 0.0);
        assertEquals(0, Fit.together(List.of(problem), adam).get(0).kept().size());
        assertEquals(0, Fit.run(problem, adam).kept().size());
    }

    @Test
    void anIntervalTheBatchedPathCannotKeepIsRefused() {
        IllegalArgumentException notMultiple = assertThrows(IllegalArgumentException.class,
                () -> Fit.together(problems(), gd(4), 6));
        assertTrue(notMultiple.getMessage().contains("history stride"), notMultiple.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fit.together(problems(), gd(4), 0));
    }
}
