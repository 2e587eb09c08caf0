package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.SampleLoss;

/** The escape certificate at PAPER.md §6 A1: outputs d = 2√2 - 3 everywhere, cubic hinge. */
class EscapeTest {

    private static final double D = 2 * Math.sqrt(2) - 3;
    private static final double LAMBDA = 0.01;
    private static final Dataset DATA = new Dataset("A", new double[] {1, 0, 0, 1, 0.5, 0.5},
            new double[] {-1, -1, 1}, 2, List.of("x1", "x2"), List.of("-1", "+1"));
    private static final SampleLoss LOSS = Losses.CUBIC_HINGE;

    private static EscapeProblem atA1() {
        return new EscapeProblem(DATA, new double[] {D, D, D}, LOSS, LAMBDA);
    }

    @Test
    void a1WithTheCoordinateDirectionMatchesThePaper() {
        EscapeCertificate cert = Escape.certify(atA1(), new double[] {1, 0}, 0.0, EscapeConfig.defaults());
        EscapeStep s = cert.chosen();
        double sqrtE = Math.sqrt(Math.E);
        double g = (36 - 24 * Math.sqrt(2)) * (sqrtE - 1) * (sqrtE - 1);
        double[] e = {Math.E, 1.0, sqrtE};
        double[] z = {D, D, -D};
        double kappa = LAMBDA;
        for (int i = 0; i < 3; i++) {
            kappa += 6 * (z[i] + 1) * e[i] * e[i];
        }
        assertEquals(g, s.g(), 1e-6 * g);
        assertEquals(0.866455, s.g(), 1e-6);
        assertEquals(kappa, s.kappa(), 1e-6 * kappa);
        assertTrue(s.kappa() >= 60.81 && s.kappa() < 60.82, "paper: κ = 60.81…, got " + s.kappa());
        double predicted = g * g / (2 * kappa);
        assertEquals(predicted, s.predictedDecrease(), 1e-6 * predicted);
        assertTrue(s.predictedDecrease() >= 0.00617 && s.predictedDecrease() < 0.00618,
                "paper: 0.00617…, got " + s.predictedDecrease());
        assertEquals(-g / kappa, s.step(), 1e-6 * g / kappa);
        assertEquals(s.predictedDecrease(), s.measuredDecrease(), 0.05 * s.predictedDecrease());
        assertEquals(48 - 32 * Math.sqrt(2), cert.loss(), 1e-12);
        assertFalse(cert.alreadyGlobal());
        assertTrue(cert.escapes());
        assertTrue(cert.best().predictedDecrease() >= s.predictedDecrease());
        assertTrue(cert.best().measuredDecrease() > 0.0);
    }

    @Test
    void theRandomSearchAloneFindsADirectionAtLeastAsGood() {
        EscapeCertificate cert = Escape.certify(atA1(), null, 0.0, EscapeConfig.defaults());
        EscapeStep reference = Escape.step(atA1(), new double[] {1, 0}, 0.0);
        assertTrue(cert.requested().isEmpty());
        assertTrue(cert.best().predictedDecrease() >= reference.predictedDecrease(),
                cert.best().predictedDecrease() + " < " + reference.predictedDecrease());
        assertTrue(cert.best().measuredDecrease() > 0.0);
        assertEquals(64, cert.directionsTried());
    }

    @Test
    void momentTestAlongTheFirstCoordinateIsNonzeroAtOrderTwo() {
        EscapeCertificate cert = Escape.certify(atA1(), new double[] {1, 0}, 0.0, EscapeConfig.defaults());
        MomentTest m = cert.moments();
        double k = 36 - 24 * Math.sqrt(2);
        assertEquals(0.0, m.moments()[0], 1e-12, "Σc_i = 0: d is the best constant");
        assertEquals(0.0, m.moments()[1], 1e-12);
        assertEquals(-2 * k, m.moments()[2], 1e-12);
        assertEquals(2, m.firstNonzero());
        assertFalse(m.degenerate());
    }

    @Test
    void aDirectionWithConstantProjectionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Escape.certify(atA1(), new double[] {1, 1}, 0.0, EscapeConfig.defaults()));
        assertTrue(e.getMessage().contains("constant over the data"), e.getMessage());
        assertEquals(0.0, Escape.step(atA1(), new double[] {1, 1}, 0.0).g(), 1e-12,
                "G(w) vanishes along (1, 1): the saddle pitfall");
    }

    @Test
    void atTheGlobalMinimumCVanishes() {
        EscapeProblem global = new EscapeProblem(DATA, new double[] {-1, -1, 1}, LOSS, LAMBDA);
        EscapeCertificate cert = Escape.certify(global, new double[] {1, 0}, 0.0, EscapeConfig.defaults());
        assertTrue(cert.alreadyGlobal());
        assertFalse(cert.escapes());
        assertEquals(0.0, cert.chosen().g());
        assertEquals(0.0, cert.chosen().measuredDecrease(), 0.0);
    }

    @Test
    void caseBRegressionSlopeMatchesThePaper() {
        Dataset b = new Dataset("B", DATA.x(), new double[] {0, 0, 1}, 2, List.of("x1", "x2"), List.of());
        SampleLoss halfSquare = Losses.TARGET_SQUARED;
        EscapeProblem atBad = new EscapeProblem(b, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, halfSquare, LAMBDA);
        EscapeStep s = Escape.step(atBad, new double[] {1, 0}, 0.0);
        double expected = (Math.sqrt(Math.E) - 1) * (Math.sqrt(Math.E) - 1) / 3;
        assertEquals(expected, s.g(), 1e-12);
        assertEquals(0.140280, s.g(), 1e-6);
        assertEquals(LAMBDA + Math.E * Math.E + 1 + Math.E, s.kappa(), 1e-12);
        assertEquals(s.predictedDecrease(), s.measuredDecrease(), 1e-12, "exactly quadratic in a");
    }

    @Test
    void anOverflowingExponentIsReportedWithTheSample() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Escape.step(atA1(), new double[] {800, 0}, 0.0));
        assertEquals("w·x_0 + b = 800.0 overflows exp; choose a smaller w or b", e.getMessage());
    }

    /**
     * Logistic loss, x = 0 badly misclassified (slope near 1, curvature e^-10), x = 1 confidently
     * right: the quadratic model along a has curvature κ ≈ 1.4e-3, so a = -g/κ ≈ 700 overshoots far
     * (the prediction, ≈ 360, exceeds the loss itself, ≈ 10). The certificate halves the step until
     * the loss falls and says escapes only for that exhibited decrease.
     */
    @Test
    void anOvershootingStepIsHalvedUntilTheLossFalls() {
        Dataset data = new Dataset("overshoot", new double[] {0, 1}, new double[] {1, -1}, 1, List.of("x"),
                List.of("-1", "+1"));
        EscapeProblem problem = new EscapeProblem(data, new double[] {-10, -10}, Losses.LOGISTIC, 1e-3);
        EscapeCertificate cert = Escape.certify(problem, new double[] {1}, 0.0, EscapeConfig.defaults());
        EscapeStep s = cert.chosen();
        assertTrue(s.predictedDecrease() > cert.loss(), "the quadratic model promises more than the loss: "
                + s.predictedDecrease() + " vs " + cert.loss());
        assertTrue(s.measuredDecrease() < 0, "the full step raises the loss: " + s.measuredDecrease());
        assertTrue(s.halvings() > 0 && s.halvings() < Escape.MAX_HALVINGS, "halvings " + s.halvings());
        assertEquals(s.step() / Math.pow(2, s.halvings()), s.stepUsed(), 0.0);
        double[] e = {1, Math.E};
        double measured = problem.augmentedLoss(0, e) - problem.augmentedLoss(s.stepUsed(), e);
        assertEquals(measured, s.decreaseUsed(), 1e-12, "the decrease reported is the one measured at the step used");
        assertTrue(s.decreaseUsed() > 0);
        double once = problem.augmentedLoss(0, e) - problem.augmentedLoss(2 * s.stepUsed(), e);
        assertTrue(once <= cert.roundOff(), "one halving fewer did not lower the loss: " + once);
        assertTrue(cert.escapes());
        assertEquals("escapes", cert.outcome());
    }

    /**
     * Sample 3 short of the margin by 0.1 (loss 1e-3, c_3 = 0.03, so m_0 = Σc_i is clearly nonzero:
     * a descent direction exists), but a penalty λ = 1e40 that makes every step in a lower the loss by
     * at most g²/(2λ) < 1e-25, far below round-off. A nonzero moment is not an exhibited escape.
     */
    @Test
    void aNonzeroMomentWithoutADecreasingStepIsNotAnEscape() {
        EscapeProblem problem = new EscapeProblem(DATA, new double[] {-2, -2, 0.9}, LOSS, 1e40);
        EscapeCertificate cert = Escape.certify(problem, new double[] {1, 0}, 0.0, EscapeConfig.defaults());
        assertEquals(1e-3, cert.loss(), 1e-12);
        assertTrue(cert.moments().certifiesEscape(), "m_0 = Σc_i != 0");
        assertFalse(cert.alreadyGlobal(), "loss 1e-3 above its minimum 0");
        assertTrue(cert.best().decreaseUsed() <= cert.roundOff(), "decrease " + cert.best().decreaseUsed());
        assertFalse(cert.escapes(), "no step lowered the loss by more than round-off");
        assertTrue(cert.descentDirectionOnly());
        assertEquals("descent_direction_only", cert.outcome());
    }

    /**
     * Sample 3 short of the margin by r = 2.7e-5: loss r³ ≈ 2e-14, |c_3| = 3r² ≈ 2.2e-9 (the WDBC
     * model certify calls global_minimum at loss 5e-13). Escape says already global by certify's own
     * rule (loss within 1e-6 of its minimum), not "escapes" on a decrease of round-off size.
     */
    @Test
    void alreadyGlobalIsCertifysRule() {
        double r = 2.7e-5;
        EscapeProblem problem = new EscapeProblem(DATA, new double[] {-2, -2, 1 - r}, LOSS, LAMBDA);
        EscapeCertificate cert = Escape.certify(problem, null, 0.0, EscapeConfig.defaults());
        assertTrue(cert.maxAbsC() > 2e-9, "c is not zero to 1e-9: " + cert.maxAbsC());
        assertEquals(Certifier.atMinimum(cert.loss(), 0.0, CertifyConfig.defaults().lossTolerance()),
                cert.alreadyGlobal());
        assertTrue(cert.alreadyGlobal());
        assertFalse(cert.escapes());
        assertEquals("already_global", cert.outcome());
        EscapeProblem above = new EscapeProblem(DATA, new double[] {-2, -2, 0.9}, LOSS, LAMBDA);
        assertFalse(Escape.certify(above, null, 0.0, EscapeConfig.defaults()).alreadyGlobal(), "loss 1e-3");
    }
}
