package org.oneneuron.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.oneneuron.objective.Objective;

class ModeConnectivityTest {

    /**
     * L(x, y, z) = (y − 1 + x²)² + z²: a parabolic valley of zeros through a = (−1, 0, 0) and
     * b = (1, 0, 0). The segment between them climbs to L(0, 0, 0) = 1; the Bézier curve with
     * control point (0, 2, 0) is the valley y = 1 − x² itself, so a curve without barrier exists.
     */
    static final class Valley implements Objective {

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double value(double[] p) {
            double r = p[1] - 1 + p[0] * p[0];
            return r * r + p[2] * p[2];
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double r = p[1] - 1 + p[0] * p[0];
            g[0] = 4 * r * p[0];
            g[1] = 2 * r;
            g[2] = 2 * p[2];
            return r * r + p[2] * p[2];
        }

        @Override
        public void hessianVector(double[] p, double[] v, double[] out) {
            double r = p[1] - 1 + p[0] * p[0];
            out[0] = (4 * r + 8 * p[0] * p[0]) * v[0] + 4 * p[0] * v[1];
            out[1] = 4 * p[0] * v[0] + 2 * v[1];
            out[2] = 2 * v[2];
        }

        @Override
        public Objective copy() {
            return this;
        }
    }

    private final double[] a = {-1, 0, 0};
    private final double[] b = {1, 0, 0};

    @Test
    void theLinearPathHasABarrierAndTheFittedCurveFindsTheValleyWithoutOne() {
        Connection c = ModeConnectivity.connect(new Valley(), a, b, CurveConfig.defaults());
        double[] t = c.linear().t();
        double[] linear = c.linear().loss();
        for (int i = 0; i < t.length; i++) {
            double x = 2 * t[i] - 1;
            assertEquals((1 - x * x) * (1 - x * x), linear[i], 1e-12, "segment at t = " + t[i]);
        }
        assertEquals(1.0, c.linear().barrier(), 1e-12, "the segment climbs to 1 at t = 1/2");
        assertTrue(c.curve().barrier() < 1e-3, "fitted curve barrier " + c.curve().barrier());
        assertTrue(c.barrierDrop() > 0.99, "drop " + c.barrierDrop());
        double[] control = c.control();
        assertEquals(0.0, control[0], 0.02, "control x");
        assertEquals(2.0, control[1], 0.02, "control y");
        assertEquals(0.0, control[2], 1e-9, "control z");
        assertEquals(0, c.skipped());
        assertTrue(Double.isNaN(c.linear().networkOnlyBarrier()), "no neuron, no network-only loss");
    }

    @Test
    void theFitIsDeterministicGivenTheSeedAndZeroStepsLeaveTheSegment() {
        Connection first = ModeConnectivity.connect(new Valley(), a, b, CurveConfig.defaults().withSteps(50));
        Connection again = ModeConnectivity.connect(new Valley(), a, b, CurveConfig.defaults().withSteps(50));
        assertArrayEquals(first.control(), again.control(), 0.0);
        Connection none = ModeConnectivity.connect(new Valley(), a, b, CurveConfig.defaults().withSteps(0));
        assertArrayEquals(none.linear().loss(), none.curve().loss(), 1e-15);
    }

    @Test
    void theBarrierIsTheRiseAboveTheLineBetweenTheEnds() {
        double[] t = {0, 0.5, 1};
        assertEquals(1.0, PathProfile.barrier(t, new double[] {1, 2.5, 2}), 1e-15);
        assertEquals(0.0, PathProfile.barrier(t, new double[] {1, 1.5, 2}), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, PathProfile.barrier(t, new double[] {1, Double.NaN, 2}));
    }
}
