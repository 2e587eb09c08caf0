package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.Timings;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingHistory;

/**
 * What a fit records and reports around the optimizer (issue 19): the automatic history stride
 * changes neither θ nor the figures at the steps it records, the trainer's phases are all timed,
 * and the certificate that leaves out the curvature at a non-stationary point gives the same
 * verdict.
 */
class BookkeepingTest {

    private static final Dataset MOONS = Datasets.builtin("moons:n=300,seed=5");

    private static Problem problem(Precision precision) {
        NetworkSpec spec = new NetworkSpec(MOONS.d(), List.of(8), Activation.TANH, NeuronKind.SKIP_EXP);
        return Problem.builder(spec, MOONS).lambda(0.1).precision(precision).seed(7).build();
    }

    private static TrainConfig minibatch(OptimizerKind optimizer, int stride) {
        return TrainConfig.defaults().toBuilder().optimizer(optimizer).learningRate(0.01).maxSteps(600)
                .batchSize(32).gradientTolerance(0).historyStride(stride).seed(3).build();
    }

    @Test
    void theAutomaticStrideKeepsThetaAndTheRecordedFiguresBitForBit() {
        for (Precision precision : Precision.values()) {
            for (OptimizerKind optimizer : List.of(OptimizerKind.ADAM, OptimizerKind.SGD)) {
                String what = precision.word() + " " + optimizer.word();
                Problem problem = problem(precision);
                FitResult every = Fit.run(problem, minibatch(optimizer, 1));
                FitResult auto = Fit.run(problem, minibatch(optimizer, 0));
                assertArrayEquals(every.theta(), auto.theta(), 0.0, what + ": θ, bit for bit");
                assertEquals(every.training().finalLoss(), auto.training().finalLoss(), 0.0, what);
                TrainingHistory all = every.training().history();
                TrainingHistory some = auto.training().history();
                // 300 samples, batches of 32, 600 steps: min(⌈10·300/32⌉, 600/6) = 94 steps.
                assertEquals(94, minibatch(optimizer, 0).effectiveHistoryStride(300, true), what);
                assertArrayEquals(new long[] {0, 94, 188, 282, 376, 470, 564, 600}, some.steps(), what);
                for (int k = 0; k < some.size(); k++) {
                    int at = Arrays.binarySearch(all.steps(), some.steps()[k]);
                    String step = what + ", step " + some.steps()[k];
                    assertEquals(all.loss()[at], some.loss()[k], 0.0, step);
                    assertEquals(all.gradientNorm()[at], some.gradientNorm()[k], 0.0, step);
                    assertEquals(all.thetaNorm()[at], some.thetaNorm()[k], 0.0, step);
                    assertEquals(all.networkOnlyLoss()[at], some.networkOnlyLoss()[k], 0.0, step);
                    assertEquals(all.maxContribution()[at], some.maxContribution()[k], 0.0, step);
                }
            }
        }
    }

    @Test
    void recordsWithoutAGradientToleranceSkipOnlyTheGradientNorm() {
        for (Precision precision : Precision.values()) {
            String what = precision.word();
            Problem problem = problem(precision);
            // A tolerance no run reaches: every record evaluates the full gradient to judge it.
            FitResult judged = Fit.run(problem, minibatch(OptimizerKind.ADAM, 100).toBuilder()
                    .gradientTolerance(Double.MIN_VALUE).build());
            FitResult plain = Fit.run(problem, minibatch(OptimizerKind.ADAM, 100));
            assertArrayEquals(judged.theta(), plain.theta(), 0.0, what + ": θ, bit for bit");
            TrainingHistory full = judged.training().history();
            TrainingHistory forward = plain.training().history();
            assertArrayEquals(full.steps(), forward.steps(), what);
            assertArrayEquals(full.loss(), forward.loss(), 0.0, what + ": full-data losses");
            assertArrayEquals(full.networkOnlyLoss(), forward.networkOnlyLoss(), 0.0, what);
            assertArrayEquals(full.maxContribution(), forward.maxContribution(), 0.0, what);
            int last = forward.size() - 1;
            for (int k = 0; k < last; k++) {
                assertTrue(full.gradientNorm()[k] > 0, what + " step " + full.steps()[k]);
                assertTrue(Double.isNaN(forward.gradientNorm()[k]), what + ": no gradient pass at step "
                        + forward.steps()[k] + ", got " + forward.gradientNorm()[k]);
            }
            assertEquals(full.gradientNorm()[last], forward.gradientNorm()[last], 0.0, what + ": the end is exact");
            assertEquals(plain.training().finalGradientNorm(), forward.gradientNorm()[last], 0.0, what);
            assertEquals(judged.training().infinity(), plain.training().infinity(), what);
        }
    }

    @Test
    void theAutomaticStrideFollowsItsRule() {
        TrainConfig adam = minibatch(OptimizerKind.ADAM, 0).toBuilder().batchSize(256).maxSteps(2000).build();
        assertEquals(333, adam.effectiveHistoryStride(11791, true), "at least six records: ⌊2000/6⌋");
        assertEquals(40, adam.effectiveHistoryStride(1000, true), "every ten epochs: ⌈10·1000/256⌉");
        assertEquals(10, adam.effectiveHistoryStride(100, true), "never below 10");
        assertEquals(10, adam.effectiveHistoryStride(11791, false), "full batch: every 10 steps");
        assertEquals(7, adam.toBuilder().historyStride(7).build().effectiveHistoryStride(11791, true),
                "a stride that is set is kept");
    }

    @Test
    void theTrainersPhasesAreTimedInOrder() {
        FitResult fit = Fit.run(problem(Precision.FLOAT32), minibatch(OptimizerKind.ADAM, 0));
        Timings t = fit.timings();
        assertEquals(List.of(Trainer.START, Trainer.OPTIMIZER, Trainer.HISTORY, Trainer.FINAL),
                t.phases().stream().map(Timings.Phase::name).toList());
        assertTrue(t.seconds(Trainer.OPTIMIZER) > 0, t.toString());
        assertEquals(t.totalSeconds(), t.phases().stream().mapToDouble(Timings.Phase::seconds).sum(), 0.0);
    }

    @Test
    void leavingOutTheCurvatureAwayFromStationaryPointsKeepsTheVerdict() {
        Problem problem = problem(Precision.FLOAT64);
        FitResult fit = Fit.run(problem, minibatch(OptimizerKind.ADAM, 0).toBuilder().maxSteps(50).build());
        CertifyConfig always = CertifyConfig.defaults().withPerturbations(0).withDenseLimit(10);
        Assessment figures = Assessment.of(problem, fit.theta());
        Certificate full = figures.certified(problem, fit.theta(), java.util.Optional.empty(), always)
                .certificate().orElseThrow();
        Certificate lean = figures.certified(problem, fit.theta(), java.util.Optional.empty(),
                always.withCurvatureWhenStationary(true)).certificate().orElseThrow();
        assertTrue(full.gradNorm() > always.gradientTolerance(), "the end point is not stationary");
        assertEquals("lanczos", full.hessianMethod());
        assertEquals("skipped", lean.hessianMethod());
        assertTrue(Double.isNaN(lean.hessEigMin()) && Double.isNaN(lean.hessEigMax()));
        assertEquals(full.verdict(), lean.verdict());
        assertEquals(full.reason(), lean.reason());
        assertEquals(full.gradNorm(), lean.gradNorm(), 0.0);
    }
}
