package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.train.Verdict;

class TrainerRunFunctionTest {

    @TempDir
    Path dir;

    @Test
    void engineRunsAreReproducibleAcrossSchedulesAndCarryTheCertificate() {
        StudySpec spec = StudyFixtures.caseA(3, 400);
        TrainerRunFunction function = new TrainerRunFunction();
        StudyResult serial = new StudyRunner(function, 1, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("serial"));
        StudyResult parallel = new StudyRunner(function, 3, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("parallel"));
        assertEquals(StudyFixtures.withoutTiming(serial.entries()),
                StudyFixtures.withoutTiming(parallel.entries()));
        for (JournalEntry e : serial.entries()) {
            RunOutcome o = e.outcome();
            Verdict.ofWord(o.verdict());
            assertFalse(o.verdictReason().isBlank());
            assertEquals(400, o.steps());
            assertTrue(o.trajectory().size() > 10);
            assertEquals(e.run().augmented(), Double.isFinite(o.a()));
        }
    }

    @Test
    void perLayerExpMatchesSkipExpOnOneHiddenLayer() {
        StudySpec spec = StudySpec.fromJson("{\"data\":[\"case-a\"],\"hidden\":[[2]],\"activations\":[\"tanh\"],"
                + "\"neurons\":[\"skip-exp\",\"per-layer-exp\"],\"reduction\":\"sum\",\"restarts\":1,"
                + "\"steps\":300,\"learning_rate\":0.05,\"init\":\"normal\",\"optimizers\":[\"gd\"],"
                + "\"clip\":10,\"lambdas\":[0.1]}", "test");
        List<RunSpec> runs = spec.expand();
        TrainerRunFunction function = new TrainerRunFunction();
        RunOutcome skip = function.run(runs.get(0));
        RunOutcome perLayer = function.run(runs.get(1));
        assertEquals(skip.loss(), perLayer.loss(), 1e-9 * Math.max(1, skip.loss()));
        assertEquals(skip.a(), perLayer.a(), 1e-9);
        assertEquals(skip.networkOnlyLoss(), perLayer.networkOnlyLoss(), 1e-9 * Math.max(1, skip.networkOnlyLoss()));
    }

    /**
     * A run's certificate leaves out the curvature (up to 40 Hessian-vector products) exactly where
     * it cannot change the verdict, away from a stationary point; verdict and reason, all a journal
     * line keeps, are those of the certificate that always computes it. Case A with gd: at 60 steps
     * every run is still moving, at 20,000 some stop at a stationary point above zero loss.
     */
    @Test
    void theCurvatureIsLeftOutOnlyWhereItCannotChangeTheVerdict() {
        TrainerRunFunction function = new TrainerRunFunction();
        int skipped = 0;
        int computed = 0;
        for (StudySpec spec : List.of(StudyFixtures.caseA(2, 60), StudyFixtures.caseA(6, 20000))) {
            for (RunSpec run : spec.expand()) {
                RunProblems.Trained trained = function.train(run);
                CertifyConfig study = TrainerRunFunction.certifyConfig(run);
                Certificate lean = TrainerRunFunction.certificate(trained, 0.0, study);
                Certificate full = TrainerRunFunction.certificate(trained, 0.0, study.withCurvatureWhenStationary(false));
                String which = "run " + run.runIndex() + " of " + run.steps() + " steps (" + run.neuron() + ")";
                assertEquals(full.verdict(), lean.verdict(), which);
                assertEquals(full.reason(), lean.reason(), which);
                assertEquals("lanczos", full.hessianMethod(), which);
                if (lean.gradNorm() > study.gradientTolerance()) {
                    assertEquals("skipped", lean.hessianMethod(), which);
                    skipped++;
                } else {
                    assertEquals(full.hessEigMin(), lean.hessEigMin(), 0.0, which);
                    computed++;
                }
            }
        }
        assertTrue(skipped >= 4 && computed >= 1, skipped + " runs skipped the curvature, " + computed + " computed it");
    }
}
