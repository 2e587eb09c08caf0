package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Standardizer;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * The kink report skips its forward pass for networks without a kinked activation: the answer it
 * gives without the scan is the one the scan gives, for every activation, and a kinked one is
 * still scanned (its units counted).
 */
class NetworkPointsKinksTest {

    private static final Dataset WDBC = Standardizer.fit(Datasets.wdbc()).apply(Datasets.wdbc());

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky_relu:0.1", "tanh", "sigmoid", "softplus", "elu", "linear"})
    void theReportIsTheScansAnswerForEveryActivation(String word) {
        Activation activation = Activation.parse(word);
        NetworkObjective objective = NetworkObjective.of(new NetworkSpec(30, List.of(8, 4), activation,
                NeuronKind.SKIP_EXP), WDBC, Losses.CUBIC_HINGE, Reduction.MEAN, 0.1);
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(objective.layout(), 3L);
        int[] scan = objective.network().kinks(theta, WDBC.x(), WDBC.n(), NetworkPoints.KINK_TOLERANCE);
        KinkReport report = NetworkPoints.kinks(objective, theta);
        assertEquals(scan[1], report.unitsChecked(), word);
        assertEquals(scan[0], report.unitsAtKink(), word);
        if (activation.hasKink()) {
            assertEquals(12, report.unitsChecked(), "both hidden layers' units are checked");
            assertTrue(report.tolerance() > 0);
        } else {
            assertEquals(KinkReport.smooth(), report);
        }
    }
}
