package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What a study stopped part-way (Ctrl-C) says: the line its shutdown hook prints. */
class StudyInterruptTest {

    @Test
    void theLineCountsTheFinishedRunsIncludingResumedOnesAndSaysHowToResume() {
        StringWriter err = new StringWriter();
        StudyProgress progress = new StudyProgress(new PrintWriter(err, true), "study", true);
        Path journal = Path.of("runs", "s1", "journal.jsonl");
        assertNull(progress.interrupted(journal), "nothing to say before the study started");
        progress.started(40, 5);
        for (int done = 6; done <= 21; done++) {
            progress.finished(null, done, 40);
        }
        assertEquals("interrupted with 21 of 40 runs finished (kept in " + journal
                + "); run the same command again to resume", progress.interrupted(journal));
    }
}
