package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.testing.Property;

class LossesTest {

    private static final List<String> WORDS = List.of("cubic-hinge", "hinge-p:2", "hinge-p:4", "hinge-p:2.5",
            "smooth-hinge", "logistic", "squared");

    @Test
    void derivativesMatchCentralDifferences() {
        Property.forAll(300, g -> {
            MarginLoss l = Losses.parse(g.oneOf("word", WORDS));
            double z = g.doubleIn("z", -4, 4);
            g.assume(Math.abs(z + 1) > 1e-3 && Math.abs(z) > 1e-3);
            double h = 1e-6;
            assertEquals((l.value(z + h) - l.value(z - h)) / (2 * h), l.d1(z), 1e-6 * Math.max(1, Math.abs(l.d1(z))));
            assertEquals((l.d1(z + h) - l.d1(z - h)) / (2 * h), l.d2(z), 1e-5 * Math.max(1, Math.abs(l.d2(z))));
        });
    }

    @Test
    void scoreFormUsesTheMargin() {
        Property.forAll(100, g -> {
            MarginLoss l = Losses.parse(g.oneOf("word", WORDS));
            double f = g.doubleIn("f", -3, 3);
            for (double y : new double[] {-1, 1}) {
                assertEquals(l.value(-y * f), l.valueAt(f, y), 0.0);
                assertEquals(-y * l.d1(-y * f), l.d1At(f, y), 0.0);
                assertEquals(l.d2(-y * f), l.d2At(f, y), 0.0);
            }
        });
    }

    @Test
    void wordsRoundTripAndAssumptionOneTable() {
        for (String w : WORDS) {
            assertEquals(w, Losses.parse(w).word());
            assertFalse(Losses.parse(w).description().isBlank());
        }
        assertEquals("cubic-hinge", Losses.parse("hinge-p:3").word());
        assertTrue(Losses.CUBIC_HINGE.satisfiesAssumption1());
        assertTrue(Losses.parse("hinge-p:2.5").satisfiesAssumption1());
        assertFalse(Losses.parse("hinge-p:2").satisfiesAssumption1());
        assertFalse(Losses.SMOOTH_HINGE.satisfiesAssumption1());
        assertFalse(Losses.LOGISTIC.satisfiesAssumption1());
        assertFalse(Losses.SQUARED.satisfiesAssumption1());
        assertEquals(Losses.TARGET_SQUARED, Losses.parseAny("target-squared"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hinge", "hinge-p:1.5", "hinge-p:x", "hinge-p:NaN"})
    void badWordsAreRejected(String word) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.parse(word));
        assertFalse(e.getMessage().isBlank());
    }

    /** parseOutput (what --loss reads) keeps parse's reason for a bad hinge power. */
    @Test
    void aBadHingePowerSaysWhatIsWrongWithIt() {
        assertEquals("hinge power p must be a finite number >= 2, got 1.5", assertThrows(
                IllegalArgumentException.class, () -> Losses.parseOutput("hinge-p:1.5")).getMessage());
        assertEquals("loss 'hinge-p:x': power 'x' is not a number", assertThrows(
                IllegalArgumentException.class, () -> Losses.parseOutput("hinge-p:x")).getMessage());
    }

    @Test
    void valuesAtKnownPoints() {
        assertEquals(8, Losses.CUBIC_HINGE.value(1), 0.0);
        assertEquals(0, Losses.CUBIC_HINGE.value(-1), 0.0);
        assertEquals(800, Losses.LOGISTIC.value(800), 1e-12);
        assertEquals(Math.log(2), Losses.LOGISTIC.value(0), 1e-16);
        assertEquals(0.5, Losses.SMOOTH_HINGE.value(0), 0.0);
        assertEquals(0.125, Losses.SMOOTH_HINGE.value(-0.5), 0.0);
        assertEquals(4.5, Losses.TARGET_SQUARED.valueAt(1, 4), 0.0);
        assertEquals(1, Reduction.MEAN.batchScale(4, 100) * 4, 1e-15);
        assertEquals(25, Reduction.SUM.batchScale(4, 100), 0.0);
    }
}
