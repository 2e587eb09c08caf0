package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneneuron.optim.CaseC;
import org.oneneuron.optim.Logistic;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.optim.Quadratic;

class InfinityDiagnosticsTest {

    private static TrainConfig gd(double learningRate, long steps, int stride) {
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD)
                .learningRate(learningRate).maxSteps(steps).gradientTolerance(0)
                .historyStride(stride).build();
    }

    private static TrainingResult caseC(boolean reportNeuron) {
        return Trainer.train(new CaseC(1e-3, reportNeuron), new double[] {CaseC.THETA0, 0, 0},
                gd(0.01, 100_000, 100));
    }

    @Test
    void caseCIsEscapingAlthoughTheGradientIsBelowOneInAThousand() {
        TrainingResult result = caseC(true);
        TrainingHistory h = result.history();
        long[] steps = h.steps();
        double[] gradient = h.gradientNorm();
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= 1000) {
                assertTrue(gradient[i] < 1e-3, "gradient norm " + gradient[i] + " at " + steps[i]);
            }
        }
        InfinityAssessment infinity = result.infinity();
        assertEquals(Verdict.ESCAPING_TO_INFINITY, infinity.verdict(), infinity.evidence());
        assertTrue(infinity.growing().contains("b"), infinity.growing().toString());
        assertTrue(infinity.trend("a").orElseThrow().end() < infinity.trend("a").orElseThrow().start(),
                "|a| shrinks");
        assertTrue(infinity.trend("b").orElseThrow().perEfold() > 0.1, infinity.trends().toString());
        assertTrue(infinity.lossRelativeDecrease() < 1e-2, "loss only creeps");
        assertEquals(0.38994, result.finalLoss(), 1e-4);
    }

    @Test
    void caseCWithoutNeuronFiguresNamesTheBiasCoordinate() {
        InfinityAssessment infinity = caseC(false).infinity();
        assertEquals(Verdict.ESCAPING_TO_INFINITY, infinity.verdict(), infinity.evidence());
        assertTrue(infinity.growing().contains("theta_2"), infinity.growing().toString());
        assertTrue(!infinity.growing().contains("theta_0"), infinity.growing().toString());
    }

    @Test
    void caseCStoppedAtOneThousandStepsMatchesThePaper() {
        TrainingResult result = Trainer.train(new CaseC(1e-3, true),
                new double[] {CaseC.THETA0, 0, 0}, gd(0.01, 1000, 100));
        double[] theta = result.theta();
        assertEquals(CaseC.THETA0, theta[0], 1e-6);
        assertEquals(0.749, theta[1], 2e-3);
        assertEquals(0.29, theta[2], 1e-2);
        assertEquals(9.0e-4, result.finalGradientNorm(), 1e-4);
    }

    @Test
    void convergingQuadraticIsConvergedFinite() {
        TrainingResult result = Trainer.train(new Quadratic(5, 10, 3), new double[5],
                gd(0.02, 5000, 10));
        InfinityAssessment infinity = result.infinity();
        assertEquals(Verdict.CONVERGED_FINITE, infinity.verdict(), infinity.evidence());
        assertTrue(infinity.growing().isEmpty());
    }

    @Test
    void logisticRegressionOnSeparableDataHasNoAttainedMinimum() {
        TrainingResult result = Trainer.train(Logistic.separable(), new double[2],
                gd(0.5, 20_000, 20));
        InfinityAssessment infinity = result.infinity();
        assertEquals(Verdict.NO_ATTAINED_MINIMUM, infinity.verdict(), infinity.evidence());
        assertTrue(infinity.growing().contains("theta_norm"), infinity.growing().toString());
    }

    @Test
    void logisticRegressionOnOverlappingDataConverges() {
        TrainingResult result = Trainer.train(Logistic.overlapping(), new double[2],
                gd(0.5, 20_000, 20));
        assertEquals(Verdict.CONVERGED_FINITE, result.infinity().verdict(),
                result.infinity().evidence());
    }

    @Test
    void aShortRunIsNotAssessedForGrowth() {
        TrainingResult result = Trainer.train(new Quadratic(3, 4, 1), new double[3],
                gd(0.01, 2, 1));
        assertTrue(result.infinity().evidence().startsWith("short trajectory"),
                result.infinity().evidence());
        assertEquals(Verdict.NOT_STATIONARY, result.infinity().verdict());
    }
}
