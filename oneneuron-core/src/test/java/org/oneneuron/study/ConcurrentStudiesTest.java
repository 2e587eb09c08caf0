package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.io.ChildProcesses;
import org.oneneuron.io.InUseException;

/**
 * Acceptance (issue 13): two studies on one folder at once. The second (here in this JVM, while a
 * child JVM runs the first) is refused at once, naming the folder and the child's pid, and writes
 * nothing; the first runs to the end, and its journal equals an uninterrupted study's.
 */
class ConcurrentStudiesTest {

    private static final int RESTARTS = 6;
    private static final int STEPS = 1500;

    @TempDir
    Path dir;

    @Test
    void theSecondStudyIsRefusedAndTheFirstEqualsAnUninterruptedOne() throws Exception {
        StudySpec spec = StudyFixtures.caseA(RESTARTS, STEPS);
        Path shared = dir.resolve("shared");
        Path journal = shared.resolve(StudyRunner.JOURNAL);
        Process first = new ProcessBuilder(ChildProcesses.java(KillableStudyMain.class.getName(),
                shared.toString(), Integer.toString(RESTARTS), Integer.toString(STEPS)))
                .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "child.log")).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (first.isAlive() && System.nanoTime() < deadline
                    && (!Files.exists(journal) || Files.size(journal) == 0)) {
                Thread.sleep(5);
            }
            assertTrue(first.isAlive(), "the first study still runs: " + Files.readString(dir.resolve("child.log")));
            byte[] manifest = Files.readAllBytes(shared.resolve("study.json"));
            StudyRunner second = new StudyRunner(new TrainerRunFunction(), 1, Duration.ZERO, StudyListener.none());
            InUseException refused = assertThrows(InUseException.class, () -> second.run(spec, shared));
            assertTrue(refused.getMessage().startsWith(shared + " is in use: another oneneuron process holds its"
                    + " lock (pid " + first.pid() + " on host "), refused.getMessage());
            assertArrayEquals(manifest, Files.readAllBytes(shared.resolve("study.json")), "study.json untouched");
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the first study finishes");
        } finally {
            first.destroyForcibly();
        }
        assertEquals(0, first.exitValue(), Files.readString(dir.resolve("child.log")));
        StudyResult uninterrupted = new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO,
                StudyListener.none()).run(spec, dir.resolve("whole"));
        try (Journal j = Journal.open(journal)) {
            assertEquals(0, j.droppedTornLines(), "only whole lines");
            assertEquals(spec.runCount(), Files.readAllLines(journal).size(), "no run missing or duplicated");
            assertEquals(StudyFixtures.withoutTiming(uninterrupted.entries()),
                    StudyFixtures.withoutTiming(j.entries()));
        }
    }
}
