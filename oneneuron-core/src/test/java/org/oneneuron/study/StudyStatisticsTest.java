package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Property;

class StudyStatisticsTest {

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Newcombe (1998), Table I: 0/10 -> [0, 0.2775]; 10/20 -> [0.2993, 0.7007]
        Proportion none = new Proportion(0, 10);
        assertEquals(0.0, none.lower(), 1e-12);
        assertEquals(0.2775, none.upper(), 1e-4);
        Proportion half = new Proportion(10, 20);
        assertEquals(0.2993, half.lower(), 1e-4);
        assertEquals(0.7007, half.upper(), 1e-4);
        assertEquals("50% [30, 70] (10/20)", half.describe());
    }

    @Test
    void wilsonIntervalContainsTheShare() {
        Property.forAll(200, g -> {
            int n = g.intIn("n", 1, 500);
            int k = g.intIn("k", 0, 500);
            Proportion p = new Proportion(Math.min(k, n), n);
            assertTrue(p.lower() <= p.share() + 1e-12 && p.share() <= p.upper() + 1e-12, p.describe());
            assertTrue(p.lower() >= 0 && p.upper() <= 1, p.describe());
        });
    }

    @Test
    void mcNemarExactIsTheTwoSidedBinomialTail() {
        assertEquals(2 * Math.pow(0.5, 5), StudyStatistics.mcNemarExact(0, 5), 1e-15);
        assertEquals(1.0, StudyStatistics.mcNemarExact(3, 3), 1e-15);
        assertEquals(1.0, StudyStatistics.mcNemarExact(0, 0), 1e-15);
        // P[X <= 1], X ~ Bin(10, 1/2) = 11/1024, doubled
        assertEquals(22.0 / 1024, StudyStatistics.mcNemarExact(9, 1), 1e-15);
    }

    @Test
    void quantileInterpolatesAndSkipsNaN() {
        double[] v = {3, Double.NaN, 1, 2, 4};
        assertEquals(1, StudyStatistics.quantile(v, 0), 0);
        assertEquals(2.5, StudyStatistics.quantile(v, 0.5), 1e-15);
        assertEquals(4, StudyStatistics.quantile(v, 1), 0);
        assertEquals(1.75, StudyStatistics.quantile(v, 0.25), 1e-15);
        assertTrue(Double.isNaN(StudyStatistics.quantile(new double[] {Double.NaN}, 0.5)));
    }
}
