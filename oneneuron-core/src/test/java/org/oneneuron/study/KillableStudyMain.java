package org.oneneuron.study;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Child-process entry for {@link StudyKillTest} and {@link ConcurrentStudiesTest}: runs the fixture
 * study slowly (to be killed, or raced); arguments: the study folder, then optionally restarts and
 * steps of {@link StudyFixtures#caseA}.
 */
public final class KillableStudyMain {

    private KillableStudyMain() {
    }

    public static void main(String[] args) {
        StudySpec spec = args.length > 1 ? StudyFixtures.caseA(Integer.parseInt(args[1]), Integer.parseInt(args[2]))
                : StudyKillTest.spec();
        new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO, new StudyListener() {
            @Override
            public void finished(JournalEntry entry, int done, int total) {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }).run(spec, Path.of(args[0]));
    }
}
