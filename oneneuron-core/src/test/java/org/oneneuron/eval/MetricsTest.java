package org.oneneuron.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Property;

class MetricsTest {

    @Test
    void confusionCountsAndRatiosOnAHandExample() {
        double[] scores = {2.0, 0.5, -1.0, 0.3, -0.2, -3.0};
        double[] labels = {1, 1, 1, -1, -1, -1};
        BinaryMetrics m = Metrics.binary(scores, labels);
        assertEquals(2, m.truePositives());
        assertEquals(1, m.falseNegatives());
        assertEquals(1, m.falsePositives());
        assertEquals(2, m.trueNegatives());
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertEquals(2.0 / 3, m.precision(), 1e-15);
        assertEquals(2.0 / 3, m.recall(), 1e-15);
        assertEquals(2.0 / 3, m.f1(), 1e-15);
        // Positive-negative pairs ranked correctly: (2,.3)(2,-.2)(2,-3)(.5,.3)(.5,-.2)(.5,-3)(-1,-3) = 7 of 9.
        assertEquals(7.0 / 9, m.rocAuc(), 1e-15);
    }

    @Test
    void tiesCountOneHalfAndSingleClassGivesNaN() {
        assertEquals(0.5, Metrics.rocAuc(new double[] {1, 1}, new double[] {1, -1}), 0);
        assertTrue(Double.isNaN(Metrics.rocAuc(new double[] {1, 2}, new double[] {1, 1})));
        assertTrue(Double.isNaN(Metrics.binary(new double[] {-1}, new double[] {-1}).precision()));
    }

    @Test
    void aScoreOfZeroDecidesNothingAndCountsAsAnError() {
        BinaryMetrics m = Metrics.binary(new double[] {0.0, -0.0, 1e-300, -1e-300},
                new double[] {1, -1, 1, -1});
        assertEquals(1, m.falseNegatives(), "f = 0 on a +1 sample");
        assertEquals(1, m.falsePositives(), "f = 0 on a -1 sample");
        assertEquals(1, m.truePositives());
        assertEquals(1, m.trueNegatives());
        assertEquals(0.5, m.accuracy(), 0);
        assertEquals(0.5, Metrics.accuracy(new double[] {0.0, -0.0, 1e-300, -1e-300},
                new double[] {1, -1, 1, -1}), 0);
        assertEquals(1.0, Metrics.label(0.0), 0, "a prediction still names a class");
        assertEquals(-1.0, Metrics.label(-1e-300), 0);
    }

    @Test
    void theConfusionCountsAndTheAccuracyHelperAgree() {
        SplittableRandom rng = new SplittableRandom(16);
        for (int c = 0; c < 200; c++) {
            int n = 1 + rng.nextInt(30);
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = rng.nextInt(5) - 2;
                y[i] = rng.nextBoolean() ? 1 : -1;
            }
            assertEquals(Metrics.binary(s, y).accuracy(), Metrics.accuracy(s, y), 1e-15,
                    "case " + c + " of seed 16");
        }
    }

    @Test
    void rejectsLabelsOtherThanPlusMinusOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.binary(new double[] {1, 2}, new double[] {1, 0}));
        assertTrue(e.getMessage().contains("label 1 is 0.0"), e.getMessage());
    }

    /** AUC equals the fraction of correctly ordered (positive, negative) pairs, ties one half. */
    @Test
    void aucMatchesPairCounting() {
        Property.forAll(60, g -> aucMatchesPairCounting(g.intIn("n", 2, 40), g.seed("seed")));
    }

    private static void aucMatchesPairCounting(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextInt(7) - 3; // few distinct values: many ties
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
        double good = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == -1) {
                    pairs++;
                    good += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        double auc = Metrics.rocAuc(s, y);
        if (pairs == 0) {
            assertTrue(Double.isNaN(auc));
        } else {
            assertEquals(good / pairs, auc, 1e-12);
        }
    }
}
