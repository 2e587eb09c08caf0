package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The zero claims on the end points: "no bad local minimum" speaks only of runs that ended at a
 * finite point, so a variant whose runs mostly escape to infinity has too few runs behind it (the
 * demo's case A: 17 of 20 skip-exp runs escaping, 2 at a finite point, 1 not converged, read
 * "supported, 0 of 19 decided runs" before).
 */
class EndPointClaimsTest {

    private static RunOutcome outcome(String verdict) {
        return new RunOutcome(0.5, 0.5, 1e-3, 0.0, 0.0, 1.0, 0.0, 1.0, Double.NaN, verdict, "", 10, 0.0, "",
                List.of());
    }

    /** Case A's 20 plain runs at global minima and 20 skip-exp runs with the given verdicts, in order. */
    private static List<JournalEntry> study(List<String> skipExp) {
        List<JournalEntry> entries = new ArrayList<>();
        int k = 0;
        for (RunSpec run : StudyFixtures.caseA(skipExp.size(), 100).expand()) {
            entries.add(new JournalEntry(run, outcome(run.neuron().equals("none") ? "global_minimum"
                    : skipExp.get(k++))));
        }
        return entries;
    }

    private static Claim claim(StudySummary s, String start) {
        return s.claims().stream().filter(c -> c.claim().startsWith(start)).findFirst().orElseThrow();
    }

    private static List<String> verdicts(int escaping, int finite, int notConverged) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < escaping; i++) {
            v.add("escaping_to_infinity");
        }
        for (int i = 0; i < finite; i++) {
            v.add("global_minimum");
        }
        for (int i = 0; i < notConverged; i++) {
            v.add("not_converged");
        }
        return v;
    }

    @Test
    void runsOffToInfinityDoNotSupportNoBadLocalMinimum() {
        StudySummary s = StudySummary.of(study(verdicts(17, 2, 1)));
        Claim bad = claim(s, "skip-exp runs end at no bad local minimum");
        assertEquals(Claim.TOO_FEW_RUNS, bad.verdict(), bad.evidence());
        assertTrue(bad.evidence().contains("(0/2) of the runs that ended at a finite point"), bad.evidence());
        assertTrue(bad.evidence().contains("of 20 runs, 2 ended at a finite point, 17 escaping to infinity"),
                bad.evidence());
        assertTrue(bad.evidence().contains("1 not converged"), bad.evidence());
        Claim drift = claim(s, "skip-exp runs settle at finite points");
        assertEquals(Claim.CONTRADICTED, drift.verdict(), "17 of 19 decided runs drift: " + drift.evidence());
    }

    @Test
    void noRunAtAFinitePointIsNeverSupported() {
        Claim bad = claim(StudySummary.of(study(verdicts(20, 0, 0))), "skip-exp runs end at no bad local minimum");
        assertEquals(Claim.TOO_FEW_RUNS, bad.verdict(), bad.evidence());
        assertTrue(bad.evidence().contains("n/a (0 runs) of the runs that ended at a finite point"), bad.evidence());
    }

    @Test
    void enoughFiniteEndsStillSupportIt() {
        Claim bad = claim(StudySummary.of(study(verdicts(5, 12, 3))), "skip-exp runs end at no bad local minimum");
        assertEquals(Claim.SUPPORTED, bad.verdict(), bad.evidence());
        assertTrue(bad.evidence().contains("(0/12)"), bad.evidence());
    }
}
