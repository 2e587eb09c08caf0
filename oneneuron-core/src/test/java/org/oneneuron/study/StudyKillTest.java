package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: a study killed with SIGKILL part-way, then re-run, equals an uninterrupted one. */
class StudyKillTest {

    @TempDir
    Path dir;

    static StudySpec spec() {
        return StudyFixtures.caseA(20, 4000);
    }

    @Test
    void killedAndResumedStudyEqualsUninterruptedStudy() throws IOException, InterruptedException {
        Path killed = dir.resolve("killed");
        Files.createDirectories(killed);
        Path journal = killed.resolve(StudyRunner.JOURNAL);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KillableStudyMain.class.getName());
        command.add(killed.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), "child.log")).start();
        int linesAtKill = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline) {
            linesAtKill = Files.exists(journal) ? Files.readAllLines(journal).size() : 0;
            if (linesAtKill >= 4) {
                break;
            }
            Thread.sleep(5);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        int total = spec().runCount();
        int afterKill = Files.readAllLines(journal).size();
        assertTrue(afterKill >= 4 && afterKill < total, "killed part-way: " + afterKill + " of " + total
                + " runs journaled; child log: " + Files.readString(dir.resolve("child.log")));
        assertEquals(137, child.exitValue(), "SIGKILL");

        // The resume takes the folder's lock the killed child held: SIGKILL left no stale lock.
        StudyResult resumed = new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO,
                StudyListener.none()).run(spec(), killed);
        StudyResult uninterrupted = new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO,
                StudyListener.none()).run(spec(), dir.resolve("whole"));
        assertEquals(total, Files.readAllLines(journal).size(), "no run missing or duplicated");
        assertTrue(resumed.resumed() >= afterKill - 1);
        assertEquals(StudyFixtures.withoutTiming(uninterrupted.entries()),
                StudyFixtures.withoutTiming(Journal.open(journal).entries()));
    }
}
