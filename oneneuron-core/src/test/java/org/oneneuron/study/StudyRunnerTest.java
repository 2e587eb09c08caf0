package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyRunnerTest {

    @TempDir
    Path dir;

    private final StudySpec spec = StudyFixtures.caseA(6, 1500);
    private final TrainerRunFunction function = new TrainerRunFunction();

    @Test
    void serialAndParallelJournalsAreIdenticalOrderAside() {
        StudyResult serial = new StudyRunner(function, 1, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("serial"));
        StudyResult parallel = new StudyRunner(function, 4, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("parallel"));
        assertEquals(12, serial.entries().size());
        assertTrue(serial.complete() && parallel.complete());
        assertEquals(StudyFixtures.withoutTiming(serial.entries()),
                StudyFixtures.withoutTiming(parallel.entries()));
        assertEquals(StudyFixtures.withoutTiming(serial.entries()), StudyFixtures.withoutTiming(
                Journal.open(dir.resolve("parallel").resolve(StudyRunner.JOURNAL)).entries()));
    }

    @Test
    void resumeRunsOnlyWhatIsMissingAndMatchesAnUninterruptedStudy() throws IOException {
        StudyResult full = new StudyRunner(function, 2, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("full"));
        Path part = dir.resolve("part");
        new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).run(spec, part);
        Path journal = part.resolve(StudyRunner.JOURNAL);
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, 5));
        AtomicInteger ran = new AtomicInteger();
        StudyResult resumed = new StudyRunner(function, 2, Duration.ZERO, new StudyListener() {
            @Override
            public void finished(JournalEntry entry, int done, int total) {
                ran.incrementAndGet();
            }
        }).run(spec, part);
        assertEquals(5, resumed.resumed());
        assertEquals(7, ran.get());
        assertEquals(12, Files.readAllLines(journal).size());
        assertEquals(StudyFixtures.withoutTiming(full.entries()),
                StudyFixtures.withoutTiming(resumed.entries()));
    }

    @Test
    void replayOfOneRunGivesItsJournalNumbers() {
        StudyResult full = new StudyRunner(function, 2, Duration.ZERO, StudyListener.none())
                .run(spec, dir);
        JournalEntry replayed = new StudyRunner(function, 1, Duration.ZERO, StudyListener.none())
                .replay(spec, 7);
        assertEquals(full.entries().get(7).run(), replayed.run());
        assertEquals(full.entries().get(7).outcome().withoutTiming(), replayed.outcome().withoutTiming());
        assertThrows(IllegalArgumentException.class, () -> new StudyRunner(function, 1,
                Duration.ZERO, StudyListener.none()).replay(spec, 12));
    }

    @Test
    void resumingWithAChangedSpecFailsClearly() {
        new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).run(spec, dir);
        StudySpec other = StudyFixtures.caseA(6, 1600);
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).run(other, dir));
        assertTrue(e.getMessage().contains("different study spec (steps: stored 1500, now 1600); resume only"),
                e.getMessage());
    }

    @Test
    void resumingAfterTheDataChangedFailsClearly() throws IOException {
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, "x1,x2,y\n1,0,-1\n0,1,-1\n0.5,0.5,1\n");
        StudySpec small = StudySpec.fromJson("{\"name\":\"csv\",\"data\":[\"" + csv + "\"],"
                + "\"hidden\":[[2]],\"neurons\":[\"none\"],\"restarts\":2,\"steps\":20}", "test");
        Path out = dir.resolve("out");
        new StudyRunner(new TrainerRunFunction(), 1, Duration.ZERO, StudyListener.none()).run(small, out);
        Files.writeString(csv, "x1,x2,y\n1,0,-1\n0,1,1\n0.5,0.5,1\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StudyRunner(
                new TrainerRunFunction(), 1, Duration.ZERO, StudyListener.none()).run(small, out));
        assertTrue(e.getMessage().contains("the data changed"), e.getMessage());
    }

    @Test
    void theManifestRecordsTheEngineAndRefusesAnotherOnResume() throws IOException {
        new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).run(spec, dir);
        assertTrue(Files.readString(dir.resolve("study.json")).contains(function.name()));
        RunFunction renamed = new RunFunction() {
            @Override
            public RunOutcome run(RunSpec run) {
                return function.run(run);
            }

            @Override
            public String name() {
                return "another-engine/1";
            }

            @Override
            public java.util.Map<String, String> dataHashes(StudySpec s) {
                return function.dataHashes(s);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                new StudyRunner(renamed, 2, Duration.ZERO, StudyListener.none()).run(spec, dir));
        assertTrue(e.getMessage().contains("another-engine/1"), e.getMessage());
    }

    @Test
    void spentBudgetStopsHandingOutRuns() {
        StudyResult r = new StudyRunner(function, 1, Duration.ofNanos(1), StudyListener.none())
                .run(spec, dir);
        assertFalse(r.complete());
        assertTrue(r.entries().size() <= 1, "at most the run already started finishes");
    }
}
