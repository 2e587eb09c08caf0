package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.Verdict;

/**
 * The logistic loss log(1 + e^z) never attains its infimum 0, although it rounds to 0 at z = -1000:
 * a logistic point at zero loss is no minimum (descent goes on towards infinity, PAPER.md §5), so
 * neither certify nor the escape certificate may call it global. The hinge family and the squared
 * losses reach 0 at finite margins and keep their minimum 0.
 */
class UnattainedMinimumTest {

    /** Case A's global point with the output layer scaled by 1000: scores (-1000, -1000, 1000). */
    private static final double[] FAR = {1, -1, -1, 1, 0, 0, -2000, -2000, 1000};

    @Test
    void theMinimumIsWhatTheLossStatesNotWhatItsValuesRoundTo() {
        assertEquals(0.0, Losses.LOGISTIC.value(-1000), "log1p(e^-1000) rounds to 0");
        assertTrue(Double.isNaN(NetworkPoints.minimumLoss(Losses.LOGISTIC)));
        assertTrue(Double.isNaN(NetworkPoints.minimumLoss(Losses.SOFTMAX_CE)));
        for (OutputLoss attained : List.of(Losses.CUBIC_HINGE, Losses.parse("hinge-p:2.5"), Losses.SMOOTH_HINGE,
                Losses.SQUARED, Losses.TARGET_SQUARED, Losses.HUBER, Losses.MULTI_SQUARED_HINGE)) {
            assertEquals(0.0, NetworkPoints.minimumLoss(attained), attained.word());
        }
    }

    @Test
    void aLogisticNetworkAtZeroLossIsNoAttainedMinimumNotGlobal() {
        NetworkObjective logistic = NetworkObjective.of(new NetworkSpec(2, List.of(2), Activation.RELU,
                NeuronKind.NONE), Constructions.caseAData(), Losses.LOGISTIC, Reduction.SUM, 0.0);
        Certificate cert = Certifier.certify(logistic, FAR, NetworkPoints.context(logistic, FAR),
                CertifyConfig.defaults());
        assertEquals(0.0, cert.loss(), "the loss rounds to 0");
        assertEquals(0.0, cert.gradNorm(), "and so does the gradient");
        assertEquals(Verdict.NO_ATTAINED_MINIMUM, cert.verdict(), cert.reason());
        assertTrue(cert.reason().contains("never attains"), cert.reason());
    }

    @Test
    void theEscapeAtALogisticZeroLossIsNotAlreadyGlobal() {
        EscapeProblem problem = new EscapeProblem(Constructions.caseAData(), new double[] {-1000, -1000, 1000},
                Losses.LOGISTIC, 0.01);
        EscapeCertificate cert = Escape.certify(problem, null, 0.0, EscapeConfig.defaults());
        assertEquals(0.0, cert.loss());
        assertFalse(cert.alreadyGlobal(), "logistic never attains 0");
        assertTrue(cert.atInfimum());
        assertFalse(cert.escapes(), "no bad point to escape from");
        assertFalse(cert.descentDirectionOnly());
        assertEquals("no_attained_minimum", cert.outcome());
    }

    @Test
    void theSameScoresUnderTheCubicHingeAreAlreadyGlobal() {
        EscapeProblem problem = new EscapeProblem(Constructions.caseAData(), new double[] {-1000, -1000, 1000},
                Losses.CUBIC_HINGE, 0.01);
        EscapeCertificate cert = Escape.certify(problem, null, 0.0, EscapeConfig.defaults());
        assertTrue(cert.alreadyGlobal());
        assertFalse(cert.atInfimum());
        assertEquals("already_global", cert.outcome());
    }
}
