package org.oneneuron.landscape;

import java.util.List;

/**
 * The loss on a line or a plane through parameter space: L(origin + s·d1 [+ t·d2]) on a grid.
 * Grid values that are not finite (overflow far from the origin) are kept as NaN and counted.
 *
 * @param kind     "line" or "plane"
 * @param s        grid coordinates along d1
 * @param t        grid coordinates along d2 (empty for a line)
 * @param loss     row-major values, loss[i·|t| + j] at (s_i, t_j); loss[i] for a line
 * @param anchors  named points of interest with their (s, t) coordinates
 * @param nonFinite number of grid points whose loss was not finite
 */
public record Slice(String kind, double[] s, double[] t, double[] loss, List<Anchor> anchors,
                    int nonFinite) {

    /**
     * A named point on the slice.
     *
     * @param name e.g. "plain", "augmented", "escape"
     * @param s    coordinate along d1
     * @param t    coordinate along d2 (0 for a line)
     */
    public record Anchor(String name, double s, double t) {
    }

    public Slice {
        s = s.clone();
        t = t.clone();
        loss = loss.clone();
        anchors = List.copyOf(anchors);
        int expected = t.length == 0 ? s.length : s.length * t.length;
        if (loss.length != expected) {
            throw new IllegalArgumentException("loss has " + loss.length + " values, grid has " + expected);
        }
    }

    @Override
    public double[] s() {
        return s.clone();
    }

    @Override
    public double[] t() {
        return t.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    /** Whether this is a plane (two directions). */
    public boolean isPlane() {
        return t.length > 0;
    }

    /** The loss at grid point (i, j) (j = 0 for a line). */
    public double at(int i, int j) {
        return isPlane() ? loss[i * t.length + j] : loss[i];
    }

    /** The smallest finite value on the grid. */
    public double minimum() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : loss) {
            if (v < m) {
                m = v;
            }
        }
        return m;
    }
}
