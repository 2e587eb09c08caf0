package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Temperature scaling finds the slope a of softmax(a·s) that the labels were drawn with, gives
 * uniform probabilities (a = 0) to scores that rank every sample wrong, and stays finite on scores
 * that rank every sample right.
 */
class TemperatureScalingTest {

    private static final int K = 3;

    @Test
    void recoversTheSlopeTheLabelsWereDrawnWith() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 6000;
        double[] scores = new double[n * K];
        double[] classes = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[K];
            for (int k = 0; k < K; k++) {
                z[k] = 2 * gaussian(rng);
                scores[i * K + k] = 50 * z[k]; // overconfident scores: the labels follow softmax(z) = softmax(s / 50)
            }
            double[] p = Calibration.classProbabilities(z, K, 1);
            double u = rng.nextDouble();
            int c = 0;
            while (c < K - 1 && u >= p[c]) {
                u -= p[c];
                c++;
            }
            classes[i] = c;
        }
        double a = TemperatureScaling.fit(scores, K, classes);
        assertEquals(1.0 / 50, a, 0.1 / 50, "a = 1/T");
        Calibration c = Calibration.temperature(scores, K, classes, "held_out");
        assertEquals(Calibration.TEMPERATURE, c.method());
        assertEquals(a, c.a(), 0.0);
        assertEquals(n, c.samples());
    }

    @Test
    void scoresThatRankEverySampleWrongGetUniformProbabilities() {
        double[] scores = {0, 1, 2, 5, 3, 0, 1, 0, 4};
        double[] classes = {0, 2, 1};
        assertEquals(0.0, TemperatureScaling.fit(scores, K, classes), 0.0);
        double[] p = Calibration.classProbabilities(scores, K, 0);
        for (double v : p) {
            assertEquals(1.0 / 3, v, 1e-15);
        }
    }

    @Test
    void scoresThatRankEverySampleRightKeepAFiniteTemperatureAndDoubt() {
        int n = 40;
        double[] scores = new double[n * K];
        double[] classes = new double[n];
        for (int i = 0; i < n; i++) {
            classes[i] = i % K;
            scores[i * K + i % K] = 400; // a network trained to near-zero loss: margins in the hundreds
        }
        double a = TemperatureScaling.fit(scores, K, classes);
        assertTrue(a > 0 && Double.isFinite(a), "a = " + a);
        double right = Calibration.classProbabilities(scores, K, a)[0];
        double plain = Calibration.classProbabilities(scores, K, 1)[0];
        assertEquals(1.0, plain, 0.0, "the plain softmax says certain");
        assertTrue(right < 1 && right > 0.9, "tempered: " + right);
    }

    @Test
    void refusesLabelsThatAreNoClassIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TemperatureScaling.fit(new double[] {1, 2, 3}, K, new double[] {3}));
        assertEquals("label 0 is 3.0, not a class index 0..2", e.getMessage());
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
