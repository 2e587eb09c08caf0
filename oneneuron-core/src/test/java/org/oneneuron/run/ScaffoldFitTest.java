package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.TrainConfig;

/** Scaffold training (issue 17, points 2 and 6): the neuron is gone by the end unless kept explicitly. */
class ScaffoldFitTest {

    private static final ClassifierConfig SMALL = ClassifierConfig.defaults().withHidden(List.of(4)).withHeldOut(0.25)
            .withTrain(TrainConfig.defaults().toBuilder().maxSteps(120).lossTolerance(1e-12).build());

    @Test
    void theDefaultFitShipsAPlainModelAndSaysHowItWasMade() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, SMALL);
        assertEquals(NeuronKind.NONE, model.spec().neuron(), "the neuron is a scaffold, gone by the end");
        assertEquals(Scaffold.DEFAULT.word(), model.provenance().get("scaffold"));
        assertTrue(model.provenance().get("scaffold_schedule").startsWith(Scaffold.DEFAULT.word()),
                model.provenance().toString());
        assertTrue(model.provenance().containsKey("scaffold_max_contribution"));
        Assessment a = model.assess(wdbc);
        assertTrue(a.neuron().isEmpty(), "no neuron, so no a·exp(wᵀx + b) to explode out of distribution");
        assertTrue(a.accuracy() > 0.95, "accuracy " + a.accuracy());
        double[] far = new double[30];
        Arrays.fill(far, 1e3);
        assertTrue(Double.isFinite(model.score(far)));
    }

    @Test
    void keepingTheNeuronIsExplicitAndMatchesThePlainFitOfTheAugmentedProblem() {
        Dataset wdbc = Datasets.wdbc();
        Model kept = Classifier.fit(wdbc, SMALL, Scaffold.of(Scaffold.Mode.KEEP));
        assertEquals(NeuronKind.SKIP_EXP, kept.spec().neuron());
        assertEquals("keep", kept.provenance().get("scaffold"));
        TrainingData data = TrainingData.prepare(wdbc, SMALL);
        FitResult fit = Fit.run(SMALL.problem(data.scaledTrain()), SMALL.train());
        assertArrayEquals(fit.theta(), kept.theta(), 0.0, "keep is the old augmented fit, bit for bit");
    }

    @Test
    void theLambdaScheduleRaisesLambdaUntilTheNeuronIsNegligibleWithinTheStepBudget() {
        Dataset wdbc = Datasets.wdbc();
        TrainingData data = TrainingData.prepare(wdbc, SMALL);
        Problem augmented = SMALL.withLambda(1e-3).problem(data.scaledTrain());
        Scaffold schedule = Scaffold.of(Scaffold.Mode.LAMBDA).withRounds(3).withGrowth(100).withShare(0.75);
        ScaffoldFit fit = ScaffoldFit.run(augmented, SMALL.train(), schedule);
        assertFalse(fit.plain().problem().spec().neuron().present());
        List<Double> lambdas = fit.lambdas();
        for (int i = 1; i < lambdas.size(); i++) {
            assertEquals(lambdas.get(i - 1) * 100, lambdas.get(i), 1e-12 * lambdas.get(i), "λ x growth per round");
            assertTrue(fit.contribution().get(i - 1) >= schedule.tolerance(), "a round only follows a visible neuron");
        }
        assertTrue(fit.augmentedSteps() <= 90, "the augmented phase keeps to its share: " + fit.augmentedSteps());
        assertTrue(fit.augmentedSteps() + fit.plain().training().steps() <= 120, "within the budget");
        double[] start = augmented.initialPoint();
        double[] plainStart = fit.plain().problem().withSeed(augmented.seed()).initialPoint();
        assertArrayEquals(Arrays.copyOf(start, plainStart.length), plainStart, 0.0,
                "the plain network's θ₀ is the augmented θ₀ without the neuron (pairs share their start)");
    }

    @Test
    void theWholeScheduleKeepsToTheStepBudgetEvenWhenTheAugmentedShareIsAll() {
        Dataset wdbc = Datasets.wdbc();
        TrainingData data = TrainingData.prepare(wdbc, SMALL);
        Problem augmented = SMALL.problem(data.scaledTrain());
        TrainConfig gd = TrainConfig.defaults().toBuilder().optimizer(org.oneneuron.optim.OptimizerKind.GD)
                .learningRate(0.01).gradientTolerance(0).maxSteps(8).build();
        for (Scaffold.Mode mode : new Scaffold.Mode[] {Scaffold.Mode.DROP, Scaffold.Mode.LAMBDA}) {
            ScaffoldFit fit = ScaffoldFit.run(augmented, gd, Scaffold.of(mode).withShare(1.0));
            assertEquals(8, fit.augmentedSteps() + fit.fineTuneSteps(), mode + ": the budget, not one more");
            assertTrue(fit.fineTuneSteps() >= 1, mode + ": the fine-tune keeps at least one step");
        }
    }

    @Test
    void aMinibatchRoundRecordsOnlyItsEndsAndEndsAtTheBitsOfAFullyRecordedOne() {
        TrainConfig sgd = TrainConfig.defaults().toBuilder().optimizer(org.oneneuron.optim.OptimizerKind.SGD)
                .batchSize(32).learningRate(0.05).maxSteps(200).gradientTolerance(0).build();
        assertEquals(70, ScaffoldFit.roundConfig(sgd, 70).historyStride(), "start and end only");
        assertEquals(70, ScaffoldFit.roundConfig(sgd, 70).maxSteps());
        TrainConfig everyStep = sgd.toBuilder().historyStride(1).build();
        assertEquals(1, ScaffoldFit.roundConfig(everyStep, 70).historyStride(), "an explicit stride is kept");
        TrainConfig fullBatch = TrainConfig.defaults();
        assertEquals(0, ScaffoldFit.roundConfig(fullBatch, 70).historyStride(), "full-batch records cost nothing");

        TrainingData data = TrainingData.prepare(Datasets.wdbc(), SMALL);
        Problem augmented = SMALL.withLambda(1e-3).problem(data.scaledTrain());
        Scaffold schedule = Scaffold.of(Scaffold.Mode.LAMBDA).withRounds(3).withGrowth(10).withShare(0.75);
        ScaffoldFit sparse = ScaffoldFit.run(augmented, sgd, schedule);
        ScaffoldFit dense = ScaffoldFit.run(augmented, everyStep, schedule);
        assertArrayEquals(dense.theta(), sparse.theta(), 0.0, "records do not touch θ");
        assertEquals(dense.lambdas(), sparse.lambdas());
        assertEquals(dense.contribution(), sparse.contribution(), "the float64 contribution at each round's end");
        assertEquals(dense.augmentedSteps(), sparse.augmentedSteps());
    }

    @Test
    void aScheduleThatNeedsANeuronRefusesAPlainNetwork() {
        TrainingData data = TrainingData.prepare(Datasets.wdbc(), SMALL);
        Problem plain = SMALL.withNeuron(NeuronKind.NONE).problem(data.scaledTrain());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScaffoldFit.run(plain, SMALL.train(), Scaffold.of(Scaffold.Mode.DROP)));
        assertTrue(e.getMessage().contains("needs a special neuron"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scaffold.parse("sometimes"));
    }
}
