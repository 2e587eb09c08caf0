package org.oneneuron.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.testing.Property;

class ActivationTest {

    private static final List<Activation> ALL = List.of(Activation.RELU, Activation.leakyRelu(0.1),
            Activation.TANH, Activation.SIGMOID, Activation.SOFTPLUS, Activation.ELU, Activation.LINEAR);

    @Test
    void derivativesMatchCentralDifferences() {
        Property.forAll(200, g -> {
            Activation act = g.oneOf("activation", ALL);
            double u = g.doubleIn("u", -6, 6);
            g.assume(Math.abs(u) > 1e-3);
            double h = 1e-6;
            assertEquals((act.value(u + h) - act.value(u - h)) / (2 * h), act.d1(u), 1e-8);
            assertEquals((act.d1(u + h) - act.d1(u - h)) / (2 * h), act.d2(u), 1e-7);
        });
    }

    @Test
    void batchedApplyMatchesScalarRules() {
        Property.forAll(50, g -> {
            Activation act = g.oneOf("activation", ALL);
            double u = g.doubleIn("u", -6, 6);
            double[] pre = {u, -u, 0.5 * u};
            double[] out = new double[3];
            double[] d1 = new double[3];
            double[] d2 = new double[3];
            act.apply(pre, out, d1, d2, 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(act.value(pre[i]), out[i], 1e-15);
                assertEquals(act.d1(pre[i]), d1[i], 1e-15);
                assertEquals(act.d2(pre[i]), d2[i], 1e-15);
            }
        });
    }

    @Test
    void kinkConventionIsPyTorchs() {
        assertEquals(0, Activation.RELU.d1(0), 0.0);
        assertEquals(0.1, Activation.leakyRelu(0.1).d1(0), 0.0);
        assertEquals(0, Activation.RELU.d2(0), 0.0);
        assertEquals(0, Activation.leakyRelu(0.1).d2(3), 0.0);
        assertEquals(-0.2, Activation.leakyRelu(0.1).value(-2), 1e-16);
    }

    @Test
    void wordsRoundTripAndLeakyDefaultsItsSlope() {
        for (Activation a : ALL) {
            assertEquals(a, Activation.parse(a.word()));
        }
        assertEquals(Activation.DEFAULT_LEAKY_SLOPE, Activation.parse("leaky_relu").slope(), 0.0);
        assertEquals(0.2, Activation.parse("leaky-relu:0.2").slope(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "leaky_relu:abc", "leaky_relu0.1", ""})
    void unknownWordsAreRejectedByName(String word) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse(word));
        assertTrue(e.getMessage().contains("'" + word + "'"), e.getMessage());
    }

    @Test
    void stableAtExtremes() {
        assertEquals(1000, Activation.SOFTPLUS.value(1000), 0.0);
        assertEquals(0, Activation.SIGMOID.value(-1000), 0.0);
        assertEquals(1, Activation.SIGMOID.value(1000), 0.0);
    }

    @Test
    void neuronKindWordsRoundTrip() {
        for (NeuronKind k : NeuronKind.values()) {
            assertEquals(k, NeuronKind.parse(k.word()));
        }
        assertEquals("per-layer-exp", NeuronKind.PER_LAYER_EXP.word());
        assertThrows(IllegalArgumentException.class, () -> NeuronKind.parse("cubic"));
    }
}
