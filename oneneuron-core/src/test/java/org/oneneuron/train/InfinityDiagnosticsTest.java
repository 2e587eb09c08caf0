package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneneuron.objective.Objective;
import org.oneneuron.constructions.ToyConstruction;
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

    /** The engine's case C with its neuron figures, or the test copy without them. */
    private static TrainingResult caseC(boolean reportNeuron) {
        ToyConstruction c = new ToyConstruction();
        Objective objective = reportNeuron ? c.augmentedObjective(1e-3) : new CaseC(1e-3, false);
        return Trainer.train(objective, c.augmentedBadPoint(), gd(0.01, 100_000, 100));
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
        ToyConstruction c = new ToyConstruction();
        TrainingResult result = Trainer.train(c.augmentedObjective(1e-3), c.augmentedBadPoint(),
                gd(0.01, 1000, 100));
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

    /** A synthetic run: b = log t, a = 1/t, total loss 1/t, network-only loss as given. */
    private static TrainingHistory neuronRunningOff(double networkOnly) {
        int n = 100;
        long[] steps = new long[n];
        double[] loss = new double[n];
        double[] gradient = new double[n];
        double[] norm = new double[n];
        double[] alone = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] w = new double[n];
        double[] contribution = new double[n];
        for (int i = 0; i < n; i++) {
            long t = 100L * (i + 1);
            steps[i] = t;
            loss[i] = 1.0 / t;
            gradient[i] = 1.0 / t;
            a[i] = 1.0 / t;
            b[i] = Math.log(t);
            w[i] = 1;
            norm[i] = Math.hypot(b[i], 1);
            alone[i] = networkOnly;
            contribution[i] = 1;
        }
        return new TrainingHistory(steps, loss, gradient, norm, alone, a, b, w, contribution,
                new double[0][]);
    }

    @Test
    void neuronCarryingTheFitToZeroLossIsEscapingNotNoMinimum() {
        InfinityAssessment infinity = InfinityDiagnostics.defaults().assess(neuronRunningOff(0.8));
        assertEquals(Verdict.ESCAPING_TO_INFINITY, infinity.verdict(), infinity.evidence());
        assertTrue(infinity.evidence().contains("carries the fit"), infinity.evidence());
        assertEquals(1.0, infinity.trend("b").orElseThrow().perEfold(), 1e-9);
    }

    @Test
    void growthWithTheNetworkAloneAlsoFittingIsNoAttainedMinimum() {
        InfinityAssessment infinity = InfinityDiagnostics.defaults().assess(neuronRunningOff(0));
        assertEquals(Verdict.NO_ATTAINED_MINIMUM, infinity.verdict(), infinity.evidence());
    }

    @Test
    void aShortRunIsNotAssessedForGrowth() {
        TrainingResult result = Trainer.train(new Quadratic(3, 4, 1), new double[3],
                gd(0.01, 2, 1));
        assertTrue(result.infinity().evidence().startsWith("short trajectory"),
                result.infinity().evidence());
        assertEquals(Verdict.NOT_STATIONARY, result.infinity().verdict());
        TrainingResult lbfgs = Trainer.train(new Quadratic(3, 4, 1), new double[3],
                TrainConfig.defaults());
        assertTrue(lbfgs.steps() < 100);
        assertEquals(Verdict.CONVERGED_FINITE, lbfgs.infinity().verdict(),
                lbfgs.infinity().evidence());
    }
}
