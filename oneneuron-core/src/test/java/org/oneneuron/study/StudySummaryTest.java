package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudySummaryTest {

    @TempDir
    Path dir;

    /** PAPER.md §5 protocol on case A, 40 starts and 5000 steps instead of 200 and 2·10⁴. */
    @Test
    void caseAReproducesTheQualitativeFinding() {
        StudyResult r = new StudyRunner(new TrainerRunFunction(), 2, Duration.ZERO,
                StudyListener.none()).run(StudyFixtures.caseA(40, 5000), dir);
        StudySummary s = StudySummary.of(r.entries());
        assertEquals(2, s.configurations().size());
        ConfigurationSummary plain = s.configurations().get(0);
        ConfigurationSummary aug = s.configurations().get(1);
        assertEquals("none", plain.neuron());
        assertEquals(40, aug.runs());
        assertTrue(aug.nearZero().lower() > plain.nearZero().upper(),
                aug.nearZero().describe() + " vs " + plain.nearZero().describe());
        assertTrue(aug.networkOnlyNearZero().share() < aug.nearZero().share() / 2,
                "the neuron carries most fits: " + aug.networkOnlyNearZero().describe());
        Claim first = s.claims().get(0);
        assertEquals(Claim.SUPPORTED, first.verdict(), first.evidence());
        PairedComparison total = s.comparisons().get(0);
        assertEquals(40, total.pairs());
        assertTrue(total.pValue() < 1e-3);
    }
}
