package org.oneneuron.loss;

import org.oneneuron.model.NeuronKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.constructions.Constructions;
import org.oneneuron.constructions.NetworkConstruction;
import org.oneneuron.model.ParameterLayout;

/** PAPER.md §8: the stable neuron term, overflow reported with its quantity, θ never modified. */
class NumericsTest {

    private final NetworkConstruction a1 = Constructions.caseA1();
    private final NetworkObjective obj = NetworkObjective.of(a1.augmentedSpec(NeuronKind.SKIP_EXP), a1.data(), a1.loss(), Reduction.SUM, 0.1);
    private final ParameterLayout layout = obj.layout();

    @Test
    void tinyOutputWeightWithHugeBiasStaysFiniteInTheValue() {
        // u = 720 + wᵀx overflows exp, but a·e^u = exp(u + log a) is about e^-16.
        double[] theta = a1.augment(a1.badPoint(), new double[] {1, 0}, 1e-320, 720);
        double[] before = theta.clone();
        double value = obj.value(theta);
        assertTrue(Double.isFinite(value));
        assertEquals(obj.networkOnlyLoss(theta), value - obj.penalty(theta), 1e-5);
        NeuronSnapshot s = obj.neuron(theta).orElseThrow();
        assertTrue(s.maxContribution() > 0 && s.maxContribution() < 1e-6, "contribution " + s.maxContribution());
        assertArrayEquals(before, theta, 0.0);
    }

    @Test
    void overflowingGradientIsReportedWithSampleAndExponent() {
        double[] theta = a1.augment(a1.badPoint(), new double[] {1, 0}, 1e-320, 720);
        double[] before = theta.clone();
        double[] g = new double[obj.dimension()];
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> obj.valueAndGradient(theta, g));
        assertTrue(e.getMessage().contains("overflow") && e.getMessage().contains("sample 0")
                && e.getMessage().contains("u = 721"), e.getMessage());
        double[] hv = new double[obj.dimension()];
        assertThrows(NonFiniteException.class, () -> obj.hessianVector(theta, g.clone(), hv));
        assertArrayEquals(before, theta, 0.0);
    }

    @Test
    void overflowingScoreIsReportedInTheValue() {
        double[] theta = a1.augment(a1.badPoint(), new double[] {1, 0}, 1, 800);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> obj.value(theta));
        assertTrue(e.getMessage().startsWith("a·exp(wᵀx_i + b) overflow at sample"), e.getMessage());
    }

    @Test
    void nonFiniteThetaIsAnArgumentErrorNamingTheBlock() {
        double[] theta = a1.augmentedBadPoint();
        theta[layout.offsetOf("b1") + 1] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> obj.value(theta));
        assertTrue(e.getMessage().contains("b1[1]"), e.getMessage());
    }

    @Test
    void zeroLambdaNeedsExplicitPermissionAndNegativeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkObjective.of(a1.augmentedSpec(NeuronKind.SKIP_EXP), a1.data(), a1.loss(), Reduction.SUM, 0));
        assertTrue(e.getMessage().contains("allowZeroLambda"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkObjective.of(a1.augmentedSpec(NeuronKind.SKIP_EXP), a1.data(), a1.loss(), Reduction.SUM, -1));
        NetworkObjective zero = NetworkObjective.builder(a1.augmentedSpec(org.oneneuron.model.NeuronKind.SKIP_EXP),
                a1.data()).lambda(0).allowZeroLambda(true).build();
        assertEquals(0, zero.lambda(), 0.0);
    }

    @Test
    void minibatchOfAllSamplesEqualsFullBatchForBothReductions() {
        for (Reduction r : List.of(Reduction.SUM, Reduction.MEAN)) {
            NetworkObjective o = NetworkObjective.of(a1.augmentedSpec(org.oneneuron.model.NeuronKind.SKIP_EXP),
                    a1.data(), Losses.CUBIC_HINGE, r, 0.1);
            double[] theta = a1.augment(a1.badPoint(), new double[] {0.3, -0.2}, 0.4, 0.1);
            double[] full = new double[o.dimension()];
            double[] batch = new double[o.dimension()];
            double vf = o.valueAndGradient(theta, full);
            double vb = o.batchValueAndGradient(theta, new int[] {2, 0, 1}, 0, 3, batch);
            assertEquals(vf, vb, 1e-14);
            assertArrayEquals(full, batch, 1e-14);
            // A single-sample batch under SUM is scaled by n.
            double[] one = new double[o.dimension()];
            double v1 = o.batchValueAndGradient(theta, new int[] {1}, 0, 1, one);
            double expected = (r == Reduction.SUM ? 3 : 1) * a1.loss().valueAt(o.scores(theta)[1], -1)
                    + o.penalty(theta);
            assertEquals(expected, v1, 1e-12);
        }
    }
}
