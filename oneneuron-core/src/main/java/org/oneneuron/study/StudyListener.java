package org.oneneuron.study;

/** Progress of a running study; called from worker threads, so implementations synchronize. */
public interface StudyListener {

    /** Before any run: {@code total} runs in the study, {@code alreadyDone} found in the journal. */
    default void started(int total, int alreadyDone) {
    }

    /** After each finished run; {@code done} counts resumed runs too. */
    default void finished(JournalEntry entry, int done, int total) {
    }

    /** A listener that ignores everything. */
    static StudyListener none() {
        return new StudyListener() {
        };
    }
}
