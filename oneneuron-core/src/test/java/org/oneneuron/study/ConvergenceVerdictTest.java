package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 4: plain runs stopped by a 300-step budget on a separable set are not findings
 * about infinity. Before, WDBC's plain runs at 300 GD steps were labelled no_attained_minimum
 * ("theta_norm growing"); the cubic hinge attains its minimum at finite parameters and 300 steps
 * are below the infinity test's horizon, so they are not_converged, with the evidence.
 */
class ConvergenceVerdictTest {

    @Test
    void plainRunsStoppedAtThreeHundredStepsAreNotConvergedNotNoAttainedMinimum() {
        StudySpec spec = StudySpec.fromJson("{\"data\":[\"wdbc\"],\"hidden\":[[8]],\"activations\":[\"tanh\"],"
                + "\"neurons\":[\"none\"],\"losses\":[\"cubic-hinge\"],\"reduction\":\"mean\",\"restarts\":3,"
                + "\"steps\":300,\"learning_rate\":0.3,\"init\":\"fan_in\",\"optimizers\":[\"gd\"],"
                + "\"clip\":10,\"lambdas\":[0.1],\"held_out_fraction\":0,\"seed\":1}", "test");
        List<RunSpec> runs = spec.expand();
        TrainerRunFunction function = new TrainerRunFunction();
        for (RunSpec run : runs) {
            RunOutcome o = function.run(run);
            assertNotEquals("no_attained_minimum", o.verdict(), o.verdictReason());
            assertNotEquals("escaping_to_infinity", o.verdict(), o.verdictReason());
            if (!o.verdict().equals("global_minimum")) {
                assertEquals("not_converged", o.verdict(), o.verdictReason());
                assertTrue(o.verdictReason().contains("horizon") || o.verdictReason().contains("still moving"),
                        "the evidence is stated: " + o.verdictReason());
            }
            assertTrue(o.loss() < 0.1, "the runs do train (loss " + o.loss() + ")");
        }
    }
}
