package org.oneneuron.study;

import java.util.List;
import java.util.Objects;

/**
 * The finished runs of a study, by run index.
 *
 * @param spec      the study
 * @param entries   finished runs, ascending run index
 * @param planned   runs in the spec
 * @param resumed   runs found already finished in the journal when this invocation started
 */
public record StudyResult(StudySpec spec, List<JournalEntry> entries, int planned, int resumed) {

    public StudyResult {
        Objects.requireNonNull(spec, "spec");
        entries = List.copyOf(entries);
    }

    /** True when every planned run finished (false after a spent time budget). */
    public boolean complete() {
        return entries.size() == planned;
    }
}
