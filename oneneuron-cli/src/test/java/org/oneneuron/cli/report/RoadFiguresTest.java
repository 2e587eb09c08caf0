package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.study.TrajectoryPoint;

/** The rates of the road to infinity (issue 17, point 7) on trajectories whose rates are known. */
class RoadFiguresTest {

    /**
     * loss = c − k·ln t and r = √(b² + ‖w‖²) = t^p over the last decade (rows before T/10 are
     * junk that must be ignored): dL/d(ln t) = −k, dL/d(ln r) = −k/p, growth of r = (T / t₀)^p.
     */
    @Test
    void knownLogarithmicRoadsGiveTheirRates() {
        double[][] cases = {{2.0, 0.05, 0.3}, {0.5, 0.002, 1.1}, {4.0, 0.3, 0.05}};
        for (double[] c : cases) {
            double level = c[0];
            double k = c[1];
            double p = c[2];
            int steps = 20000;
            List<TrajectoryPoint> t = new ArrayList<>();
            t.add(new TrajectoryPoint(0, 99, 99, 1, 1, 1, 1));
            for (int s = 500; s < 2000; s += 500) {
                t.add(new TrajectoryPoint(s, 50 + s, 1, 1, 1, -7, 1e3)); // before T/10: ignored
            }
            for (int s = 2000; s <= steps; s += 1000) {
                double r = Math.pow(s, p);
                t.add(new TrajectoryPoint(s, level - k * Math.log(s), 1, 1, 0.3, -0.6 * r, 0.8 * r));
            }
            RoadFigures.Rates rates = RoadFigures.rates(t, steps);
            String where = "level " + level + ", k " + k + ", p " + p;
            assertEquals(-k, rates.perLnSteps(), 1e-12, where);
            assertEquals(-k / p, rates.perLnNorm(), 1e-10, where);
            assertEquals(Math.pow(steps / 2000.0, p), rates.growth(), 1e-9, where);
            assertEquals(level - k * Math.log(steps), rates.finalLoss(), 1e-12, where);
        }
    }

    @Test
    void tooFewRowsInTheLastDecadeGiveNoRates() {
        List<TrajectoryPoint> t = new ArrayList<>();
        for (int s = 0; s <= 1000; s += 250) {
            t.add(new TrajectoryPoint(s, 1.0 / (1 + s), 1, 1, 1, -1, s));
        }
        assertNull(RoadFigures.rates(t, 10000), "one row at or after step 1000");
        assertEquals(Double.NaN, RoadFigures.slope(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
    }
}
