package org.oneneuron.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small studies for tests: case A, plain vs skip-exp, few steps. */
final class StudyFixtures {

    private StudyFixtures() {
    }

    /** 2 variants x {@code restarts} runs of {@code steps} GD steps on case A. */
    static StudySpec caseA(int restarts, int steps) {
        return StudySpec.fromJson("{\"name\":\"fixture\",\"data\":[\"case-a\"],\"hidden\":[[2]],"
                + "\"activations\":[\"relu\"],\"neurons\":[\"none\",\"skip-exp\"],\"reduction\":\"sum\","
                + "\"learning_rate\":0.01,\"steps\":" + steps + ",\"init\":\"normal\",\"restarts\":"
                + restarts + ",\"seed\":3,\"optimizers\":[\"gd\"],\"clip\":10,\"lambdas\":[0.1]}", "fixture");
    }

    /** Entries by run index with wall times zeroed, for comparing reproducible numbers. */
    static List<JournalEntry> withoutTiming(Map<Integer, JournalEntry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries.values()) {
            out.add(new JournalEntry(e.run(), e.outcome().withoutTiming()));
        }
        return out;
    }

    static List<JournalEntry> withoutTiming(List<JournalEntry> entries) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            out.add(new JournalEntry(e.run(), e.outcome().withoutTiming()));
        }
        return out;
    }
}
