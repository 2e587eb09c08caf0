package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;

class DataFloorTest {

    /** Inputs (1d): 0 three times (+1, +1, -1), 1 twice (+1, -1), 2 twice (-1, -1), 3 once (+1). */
    private static final Dataset DATA = new Dataset("t", new double[] {0, 0, 0, 1, 1, 2, 2, 3},
            new double[] {1, 1, -1, 1, -1, -1, -1, 1}, 1, List.of("x"), List.of("-1", "1"));

    /** min_c n₊(1 - c)³ + n₋(1 + c)³ for the cubic hinge: c* = (r - 1)/(r + 1), r = √(n₊/n₋). */
    private static double cubicGroup(double plus, double minus) {
        double r = Math.sqrt(plus / minus);
        double c = (r - 1) / (r + 1);
        return plus * Math.pow(1 - c, 3) + minus * Math.pow(1 + c, 3);
    }

    @Test
    void floorIsTheSumOfTheConflictingGroupsBestConstants() {
        DataFloor f = DataFloor.of(DATA, Losses.CUBIC_HINGE, Reduction.SUM, null).orElseThrow();
        assertEquals(2, f.groups());
        assertEquals(5, f.samples());
        assertEquals(2, f.forcedErrors(), "one minority sample in each conflicting group");
        assertEquals(cubicGroup(2, 1) + cubicGroup(1, 1), f.loss(), 1e-12);
        assertEquals(2.0, cubicGroup(1, 1), 1e-15);
        assertTrue(f.describe().startsWith("zero loss is unattainable on this data: 2 groups of identical inputs"
                + " (5 samples) carry conflicting labels"), f.describe());
        assertTrue(f.describe().contains("misclassifies at least 2 samples (e.g."), f.describe());
    }

    /** A regression's identical inputs with different targets: a floor, but no classes to misclassify. */
    @Test
    void aRegressionFloorSpeaksOfTargetsNotMisclassifiedSamples() {
        Dataset values = new Dataset("v", new double[] {0, 0, 1}, new double[] {2.0, 3.0, 5.0}, 1, null, List.of());
        DataFloor f = DataFloor.of(values, Losses.TARGET_SQUARED, Reduction.SUM, null).orElseThrow();
        assertEquals(0.25, f.loss(), 1e-12, "½(2.5 - 2)² + ½(2.5 - 3)²");
        assertEquals("zero loss is unattainable on this data: 1 group of identical inputs (2 samples) carries"
                + " different targets, so no function gets below loss 0.250000 (e.g. " + f.example() + "); the"
                + " verdict measures the loss against that floor", f.describe());
    }

    @Test
    void oneConflictingPairIsNamedInTheSingular() {
        Dataset pair = new Dataset("pair", new double[] {0, 0, 1, 2}, new double[] {1, -1, 1, -1}, 1, null,
                List.of("-1", "+1"));
        DataFloor f = DataFloor.of(pair, Losses.CUBIC_HINGE, Reduction.SUM, null).orElseThrow();
        assertTrue(f.describe().startsWith("zero loss is unattainable on this data: 1 group of identical inputs"
                + " (2 samples) carries conflicting labels"), f.describe());
        assertTrue(f.describe().contains("misclassifies at least 1 sample (e.g."), f.describe());
    }

    @Test
    void meanReductionAndWeightsScaleTheFloor() {
        double sum = DataFloor.of(DATA, Losses.CUBIC_HINGE, Reduction.SUM, null).orElseThrow().loss();
        assertEquals(sum / 8, DataFloor.of(DATA, Losses.CUBIC_HINGE, Reduction.MEAN, null).orElseThrow().loss(),
                1e-14);
        double[] weights = {1, 1, 2, 1, 1, 1, 1, 1};
        assertEquals(cubicGroup(2, 2) + cubicGroup(1, 1),
                DataFloor.of(DATA, Losses.CUBIC_HINGE, Reduction.SUM, weights).orElseThrow().loss(), 1e-12);
    }

    @Test
    void squaredLossFloorIsTheGroupVariance() {
        // (1 - c)² n₊ + (1 + c)² n₋ is least at c = (n₊ - n₋)/n with value 4 n₊ n₋ / n.
        double expected = 4.0 * 2 * 1 / 3 + 4.0 * 1 * 1 / 2;
        assertEquals(expected, DataFloor.of(DATA, Losses.SQUARED, Reduction.SUM, null).orElseThrow().loss(), 1e-12);
    }

    @Test
    void consistentDataHasNoFloorAndTheContextKeepsItsMinimum() {
        Dataset consistent = new Dataset("c", new double[] {0, 0, 1}, new double[] {1, 1, -1}, 1, List.of("x"),
                List.of("-1", "1"));
        assertEquals(Optional.empty(), DataFloor.of(consistent, Losses.CUBIC_HINGE, Reduction.SUM, null));
        PointContext plain = PointContext.plain(0.0, KinkReport.smooth());
        assertEquals(plain, plain.withDataFloor(Optional.empty()));
        DataFloor floor = DataFloor.of(DATA, Losses.CUBIC_HINGE, Reduction.SUM, null).orElseThrow();
        assertEquals(floor.loss(), plain.withDataFloor(Optional.of(floor)).minimumLoss());
        PointContext unknown = plain.withMinimumLoss(Double.NaN);
        assertEquals(unknown, unknown.withDataFloor(Optional.of(floor)), "logistic: the minimum stays unknown");
    }
}
