package org.oneneuron.study;

import java.util.Objects;

/**
 * One line of the journal: the run's spec and its outcome.
 *
 * @param run     the run (its runIndex is the journal key)
 * @param outcome what it reported
 */
public record JournalEntry(RunSpec run, RunOutcome outcome) {

    public JournalEntry {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The run index. */
    public int runIndex() {
        return run.runIndex();
    }
}
