package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The regression target's mean and population standard deviation, its application and its undoing. */
class TargetStandardizerTest {

    private static Dataset targets(double... y) {
        return new Dataset("t", new double[y.length], y, 1, null, List.of(), null, Task.REGRESSION);
    }

    @Test
    void fitsTheMeanAndThePopulationStandardDeviation() {
        TargetStandardizer t = TargetStandardizer.fit(targets(1, 2, 3, 6));
        assertEquals(3, t.mean());
        assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 4.0), t.scale(), 1e-15);
        Dataset z = t.apply(targets(1, 2, 3, 6));
        double sum = 0;
        double squares = 0;
        for (double v : z.y()) {
            sum += v;
            squares += v * v;
        }
        assertEquals(0, sum / 4, 1e-15, "standardized targets have mean 0");
        assertEquals(1, squares / 4, 1e-15, "and variance 1");
        assertEquals(Task.REGRESSION, z.task());
    }

    @Test
    void equalTargetsAreOnlyCentred() {
        TargetStandardizer t = TargetStandardizer.fit(targets(7, 7, 7));
        assertEquals(7, t.mean());
        assertEquals(1, t.scale(), "σ = 0 gives scale 1");
        assertEquals(0, t.apply(targets(7, 7)).y()[0]);
    }

    @Test
    void targetsNear1e300StayFinite() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e300 * (1 + 0.3 * rng.nextGaussian());
        }
        TargetStandardizer t = TargetStandardizer.fit(targets(y));
        assertTrue(Double.isFinite(t.scale()) && t.scale() > 1e298 && t.scale() < 1e300, t.toString());
        for (double v : t.apply(targets(y)).y()) {
            assertTrue(Math.abs(v) < 10, "standardized " + v);
        }
        assertEquals(y[0], t.toTarget(t.apply(targets(y)).y()[0]), 1e-13 * Math.abs(y[0]));
    }

    @Test
    void theIdentityChangesNoBit() {
        TargetStandardizer identity = TargetStandardizer.identity();
        assertTrue(identity.isIdentity());
        Dataset data = targets(-0.0, 1e-320, 3.5);
        assertSame(data, identity.apply(data));
        double[] values = {-0.0, 1e-320, Double.MIN_VALUE};
        identity.toTargets(values);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(values[0]), "-0.0 stays -0.0");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(identity.toTarget(-0.0)));
    }

    @Test
    void undoingIsMeanPlusScaleTimesValue() {
        TargetStandardizer t = new TargetStandardizer(1e5, 250);
        assertEquals(1e5 + 250 * 0.75, t.toTarget(0.75));
        double[] values = {0.75, -2};
        t.toTargets(values);
        assertEquals(1e5 + 250 * -2.0, values[1]);
    }

    @Test
    void refusesWhatCannotScale() {
        assertThrows(IllegalArgumentException.class, () -> new TargetStandardizer(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TargetStandardizer(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new TargetStandardizer(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> TargetStandardizer.fit(targets()));
    }
}
