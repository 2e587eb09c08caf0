package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The θ path in the journal: what a run stores, its round trip, and older lines without it. */
class ThetaPathJournalTest {

    private final TrainerRunFunction function = new TrainerRunFunction();

    @Test
    void aRunStoresItsStartAndExactEndAndTheLineReadsBackEqual() {
        for (RunSpec run : StudyFixtures.caseA(1, 200).expand()) {
            RunOutcome outcome = function.run(run);
            ThetaPath path = outcome.thetaPath();
            int[] steps = path.steps();
            assertEquals(0, steps[0], "first point is the start, run " + run.runIndex());
            assertEquals(run.steps(), steps[steps.length - 1], "last point is the end");
            for (int k = 1; k < steps.length; k++) {
                assertTrue(steps[k] > steps[k - 1], "ascending steps " + java.util.Arrays.toString(steps));
            }
            assertTrue(path.size() <= ThetaPath.pointsFor(path.theta(0).length) + 1, "budget " + path.size());
            assertArrayEquals(function.start(run), path.theta(0), 1e-6, "start within float rounding");
            assertEquals(outcome.loss(), function.objective(run).value(path.end()), 0.0,
                    "the end point is exact: it gives the journal's final loss");
            JournalEntry entry = new JournalEntry(run, outcome);
            assertEquals(entry, JournalCodec.fromLine(JournalCodec.toLine(entry)), "round trip");
        }
    }

    @Test
    void aLineWithoutAThetaPathReadsAsAnEmptyOne() throws Exception {
        RunSpec run = StudyFixtures.caseA(1, 100).expand().get(1);
        JournalEntry entry = new JournalEntry(run, function.run(run));
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(JournalCodec.toLine(entry));
        assertTrue(node.has("theta_path"));
        node.remove("theta_path");
        JournalEntry old = JournalCodec.fromLine(json.writeValueAsString(node));
        assertTrue(old.outcome().thetaPath().isEmpty());
        assertEquals(entry.outcome().loss(), old.outcome().loss(), 0.0);
        assertFalse(JournalCodec.toLine(old).contains("theta_path"), "nothing invented on rewrite");
    }

    @Test
    void largerNetworksStoreFewerPoints() {
        assertEquals(ThetaPath.MAX_POINTS, ThetaPath.pointsFor(13));
        assertEquals(10, ThetaPath.pointsFor(289));
        assertEquals(3, ThetaPath.pointsFor(100_000));
        List<Integer> sizes = List.of(1, 50, 150, 300, 1000, 5000);
        for (int n : sizes) {
            assertTrue(ThetaPath.pointsFor(n) * n <= Math.max(ThetaPath.NUMBER_BUDGET, 3 * n), "n " + n);
        }
    }
}
