package org.oneneuron.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Log-loss, Brier score and ECE on hand-worked examples, against their formulas. */
class ProbabilityMetricsTest {

    @Test
    void threeClassesByHand() {
        double[] p = {
            0.7, 0.2, 0.1,     // y = 0: top 0 (0.7) right
            0.2, 0.5, 0.3,     // y = 2: top 1 (0.5, on the edge of (0.4, 0.5]) wrong
            0.1, 0.65, 0.25,   // y = 2: top 1 (0.65) wrong, in (0.6, 0.7] with the first
            0.35, 0.3, 0.35,   // y = 0: top 0, the first of two largest (0.35) right
            0.45, 0.55, 0.0};  // y = 1: top 1 (0.55) right
        double[] y = {0, 2, 2, 0, 1};
        double[] log = {Math.log(0.7), Math.log(0.3), Math.log(0.25), Math.log(0.35), Math.log(0.55)};
        ProbabilityMetrics m = ProbabilityMetrics.classes(p, 3, y, log);
        assertEquals(-(Math.log(0.7) + Math.log(0.3) + Math.log(0.25) + Math.log(0.35) + Math.log(0.55)) / 5,
                m.logLoss(), 1e-15);
        // Σ_k (p_k − 1[y = k])² per sample: 0.14, 0.78, 0.995, 0.635, 0.405
        assertEquals((0.14 + 0.78 + 0.995 + 0.635 + 0.405) / 5, m.brier(), 1e-15);
        // bins (0.3,0.4]: {0.35 right}, (0.4,0.5]: {0.5 wrong}, (0.5,0.6]: {0.55 right},
        // (0.6,0.7]: {0.7 right, 0.65 wrong}: (|1 − .35| + |0 − .5| + |1 − .55| + |1 − 1.35|) / 5
        assertEquals((0.65 + 0.5 + 0.45 + 0.35) / 5, m.ece(), 1e-15);
    }

    @Test
    void binaryByHandWithTheOneSidedBrier() {
        double[] p = {0.9, 0.4, 0.5, 0.15};
        double[] y = {1, 1, -1, 1};
        double[] log = {Math.log(0.9), Math.log(0.4), Math.log(0.5), Math.log(0.15)};
        ProbabilityMetrics m = ProbabilityMetrics.binary(p, y, log);
        assertEquals(-(Math.log(0.9) + Math.log(0.4) + Math.log(0.5) + Math.log(0.15)) / 4, m.logLoss(), 1e-15);
        // (p − 1[y = +1])²: 0.01, 0.36, 0.25, 0.7225
        assertEquals((0.01 + 0.36 + 0.25 + 0.7225) / 4, m.brier(), 1e-15);
        // top class and confidence: +1 0.9 right, −1 0.6 wrong, +1 0.5 wrong (P(+1) = ½ is +1), −1 0.85 wrong;
        // bins (0.8,0.9]: |1 − 1.75|, (0.5,0.6]: |0 − 0.6|, (0.4,0.5]: |0 − 0.5|
        assertEquals((0.75 + 0.6 + 0.5) / 4, m.ece(), 1e-15);
    }

    @Test
    void twoClassesOfOneBinaryModelGiveTwiceItsBrierAndTheSameEce() {
        double[] p = {0.9, 0.4, 0.5, 0.15, 0.73};
        double[] y = {1, 1, -1, 1, -1};
        double[] two = new double[2 * p.length];
        double[] classes = new double[p.length];
        double[] log = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            two[2 * i] = p[i];
            two[2 * i + 1] = 1 - p[i];
            classes[i] = y[i] > 0 ? 0 : 1;
            log[i] = Math.log(y[i] > 0 ? p[i] : 1 - p[i]);
        }
        ProbabilityMetrics binary = ProbabilityMetrics.binary(p, y, log);
        ProbabilityMetrics k2 = ProbabilityMetrics.classes(two, 2, classes, log);
        assertEquals(2 * binary.brier(), k2.brier(), 1e-15);
        assertEquals(binary.ece(), k2.ece(), 1e-15);
        assertEquals(binary.logLoss(), k2.logLoss(), 0);
    }

    @Test
    void perfectAndEmpty() {
        ProbabilityMetrics sure = ProbabilityMetrics.binary(new double[] {1, 0}, new double[] {1, -1},
                new double[] {0, 0});
        assertEquals(new ProbabilityMetrics(0, 0, 0), sure);
        ProbabilityMetrics none = ProbabilityMetrics.classes(new double[0], 3, new double[0], new double[0]);
        assertTrue(Double.isNaN(none.logLoss()) && Double.isNaN(none.brier()) && Double.isNaN(none.ece()), none.toString());
    }

    @Test
    void refusesLabelsAndLengthsThatDoNotFit() {
        assertEquals("label 1 is 3.0, expected a class index 0..2", assertThrows(IllegalArgumentException.class,
                () -> ProbabilityMetrics.classes(new double[6], 3, new double[] {0, 3}, new double[2])).getMessage());
        assertEquals("label 0 is 0.0, expected -1 or +1", assertThrows(IllegalArgumentException.class,
                () -> ProbabilityMetrics.binary(new double[1], new double[] {0}, new double[1])).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ProbabilityMetrics.classes(new double[5], 3, new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> ProbabilityMetrics.binary(new double[2], new double[] {1}, new double[1]));
    }
}
