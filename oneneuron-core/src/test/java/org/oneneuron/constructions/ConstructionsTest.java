package org.oneneuron.constructions;

import org.oneneuron.model.NeuronKind;
import org.oneneuron.loss.Reduction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.objective.FiniteDifferences;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.ParameterLayout;

/** The PAPER.md §6 numbers, checked against the engine. */
class ConstructionsTest {

    private static final double SQRT_E = Math.exp(0.5);
    private static final double LAMBDA = 0.01;

    private static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1", "A2"})
    void caseABadPointHasTheKnownLossAndZeroGradient(String name) {
        NetworkConstruction c = (NetworkConstruction) Constructions.byName(name);
        NetworkObjective plain = NetworkObjective.of(c.plainSpec(), c.data(), c.loss(), Reduction.SUM, 0);
        double expected = 48 - 32 * Math.sqrt(2);
        double[] g = new double[plain.dimension()];
        assertEquals(expected, plain.valueAndGradient(c.badPoint(), g), 1e-12);
        assertEquals(expected, c.badLoss(), 1e-15);
        assertTrue(norm(g) < 1e-12, () -> "gradient norm " + norm(g));
        assertEquals(0, plain.value(c.globalPoint()), 0.0);
        double[] outputs = plain.scores(c.globalPoint());
        assertEquals(-1, outputs[0], 1e-15);
        assertEquals(-1, outputs[1], 1e-15);
        assertEquals(1, outputs[2], 1e-15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A1", "A2"})
    void caseAEscapeSlopeAndCurvatureAlongA(String name) {
        NetworkConstruction c = (NetworkConstruction) Constructions.byName(name);
        NetworkObjective aug = NetworkObjective.of(c.augmentedSpec(NeuronKind.SKIP_EXP), c.data(), c.loss(), Reduction.SUM, LAMBDA);
        double[] theta = c.augmentedBadPoint();
        ParameterLayout layout = aug.layout();
        double[] g = new double[aug.dimension()];
        assertEquals(48 - 32 * Math.sqrt(2), aug.valueAndGradient(theta, g), 1e-12);
        double slope = (36 - 24 * Math.sqrt(2)) * (SQRT_E - 1) * (SQRT_E - 1);
        assertEquals(slope, g[layout.neuronAOffset()], 1e-9);
        assertEquals(slope, c.escapeSlope(), 1e-15);
        assertEquals(0.866455, slope, 1e-6);
        // ∂²L~/∂a² = λ + Σ ℓ''(z_i) E_i², E = (e, 1, √e), z = -y·d at the bad point.
        double[] e = {Math.E, 1, SQRT_E};
        double[] f = aug.scores(theta);
        double[] y = c.data().y();
        double kappa = LAMBDA;
        for (int i = 0; i < 3; i++) {
            kappa += c.loss().d2At(f[i], y[i]) * e[i] * e[i];
        }
        double[] ea = new double[aug.dimension()];
        ea[layout.neuronAOffset()] = 1;
        double[] hv = new double[aug.dimension()];
        aug.hessianVector(theta, ea, hv);
        assertEquals(kappa, hv[layout.neuronAOffset()], 1e-12 * kappa);
        assertEquals(60.81, kappa, 0.01);
        // w ∝ (1, 1): wᵀx is constant on the collinear data, so G(w) = 0.
        double[] saddle = c.augment(c.badPoint(), new double[] {0.7, 0.7}, 0, 0);
        aug.valueAndGradient(saddle, g);
        assertEquals(0, g[layout.neuronAOffset()], 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"B", "B-leaky"})
    void caseBRiskAndEscapeSlope(String name) {
        NetworkConstruction c = (NetworkConstruction) Constructions.byName(name);
        NetworkObjective plain = NetworkObjective.of(c.plainSpec(), c.data(), c.loss(), Reduction.SUM, 0);
        double[] g = new double[plain.dimension()];
        assertEquals(1.0 / 3, plain.valueAndGradient(c.badPoint(), g), 1e-15);
        assertTrue(norm(g) < 1e-14, () -> "gradient norm " + norm(g));
        assertEquals(0, plain.value(c.globalPoint()), 1e-30);
        NetworkObjective aug = NetworkObjective.of(c.augmentedSpec(NeuronKind.SKIP_EXP), c.data(), c.loss(), Reduction.SUM, LAMBDA);
        double[] ga = new double[aug.dimension()];
        aug.valueAndGradient(c.augmentedBadPoint(), ga);
        double expected = (SQRT_E - 1) * (SQRT_E - 1) / 3;
        assertEquals(expected, ga[aug.layout().neuronAOffset()], 1e-12);
        assertEquals(0.140280, expected, 1e-6);
    }

    @Test
    void caseCNumbersAtTheta0() {
        ToyConstruction c = (ToyConstruction) Constructions.byName("C");
        double t0 = ToyConstruction.THETA0;
        assertEquals(-0.947214, t0, 1e-6);
        assertEquals(0.389729, c.badLoss(), 1e-6);
        assertEquals(0, ToyObjective.plainD1(t0), 1e-14);
        assertTrue(ToyObjective.plainD2(t0) > 0, "θ₀ is a local minimum of L");
        assertEquals(0, ToyObjective.plainLoss(1), 0.0);
        ToyObjective obj = c.augmentedObjective(1e-3);
        double[] p = c.augmentedBadPoint();
        double[] g = new double[3];
        assertEquals(c.badLoss() * 2, obj.valueAndGradient(p, g), 1e-15);
        assertEquals(0, g[0], 1e-14);
        assertEquals(-2 * c.badLoss(), g[1], 1e-15);
        assertEquals(0, g[2], 0.0);
        assertEquals(c.badLoss(), obj.neuron(p).orElseThrow().networkOnlyLoss(), 0.0);
    }

    @Test
    void caseCDerivativesAndIdentity() {
        ToyObjective obj = new ToyObjective(1e-2);
        double[][] points = {{-0.9, 0.4, 0.3}, {0.3, -1.2, 0.7}, {1.5, 0.05, 2.0}};
        for (double[] p : points) {
            double[] g = new double[3];
            obj.valueAndGradient(p, g);
            assertTrue(FiniteDifferences.relativeError(g, FiniteDifferences.gradient(obj, p, 1e-6), 1e-8) < 1e-7);
            double[] v = {0.3, -0.5, 0.8};
            double[] hv = new double[3];
            obj.hessianVector(p, v, hv);
            assertTrue(FiniteDifferences.relativeError(hv, FiniteDifferences.hessianVector(obj, p, v, 1e-6), 1e-8)
                    < 1e-6);
            double lhs = p[1] * g[1] - g[2];
            assertEquals(2 * 1e-2 * p[1] * p[1], lhs, 1e-10 * Math.max(Math.abs(p[1] * g[1]), 1e-12));
        }
    }

    @Test
    void caseCGradientDescentCreepsOffAsPaperReports() {
        // PAPER.md §6 C: λ = 1e-3, lr 0.01 from (θ₀, 0, 0); after 10³, 10⁴, 10⁵ steps.
        ToyObjective obj = new ToyObjective(1e-3);
        double[] p = new ToyConstruction().augmentedBadPoint();
        double[] g = new double[3];
        double[][] expected = {{9.0e-4, 0.749, 0.29, 0.39029}, {8.1e-4, 0.704, 0.35, 0.39022},
            {3.8e-4, 0.458, 0.78, 0.38994}};
        int mark = 0;
        for (int step = 1; step <= 100_000; step++) {
            obj.valueAndGradient(p, g);
            for (int k = 0; k < 3; k++) {
                p[k] -= 0.01 * g[k];
            }
            if (step == 1000 || step == 10_000 || step == 100_000) {
                double value = obj.valueAndGradient(p, g);
                double[] e = expected[mark++];
                assertEquals(e[0], norm(g), 0.05e-4, "gradient norm at step " + step);
                assertEquals(e[1], p[1], 0.0005, "a at step " + step);
                assertEquals(e[2], p[2], 0.005, "b at step " + step);
                assertEquals(e[3], value, 0.000005, "L~ at step " + step);
                assertEquals(ToyConstruction.THETA0, p[0], 1e-9, "θ stays at θ₀");
            }
        }
    }

    @Test
    void registryKnowsEveryNameAndRejectsOthers() {
        assertEquals(5, Constructions.all().size());
        assertInstanceOf(ToyConstruction.class, Constructions.byName("c"));
        assertEquals("B-leaky", Constructions.byName("b-leaky").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Constructions.byName("D"));
        assertTrue(e.getMessage().contains("'D'"));
    }
}
