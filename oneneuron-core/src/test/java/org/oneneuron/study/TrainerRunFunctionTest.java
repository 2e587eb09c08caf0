package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
