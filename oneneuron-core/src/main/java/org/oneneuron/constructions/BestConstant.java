package org.oneneuron.constructions;

import org.oneneuron.data.Dataset;
import org.oneneuron.loss.SampleLoss;

/**
 * argmin_c Σ_i ℓ(c; y_i) for a loss convex in the score, by bisection on the derivative. The
 * bracket grows while the slope or the loss still says "further"; 512 beyond the targets' range,
 * the loss is taken to have no best constant (logistic on one class).
 */
final class BestConstant {

    /** Beyond the targets' range by this much, exp-type losses have underflowed to exactly 0. */
    private static final double BRACKET_MARGIN = 512;

    private BestConstant() {
    }

    static double of(Dataset data, SampleLoss loss) {
        double limit = BRACKET_MARGIN;
        for (double y : data.y()) {
            limit = Math.max(limit, BRACKET_MARGIN + 2 * Math.abs(y));
        }
        double lo = -1.0;
        double hi = 1.0;
        while (slope(data, loss, lo) > 0 || total(data, loss, lo) < total(data, loss, lo / 2)) {
            lo *= 2;
            if (lo < -limit) {
                throw new IllegalArgumentException("the loss " + loss.word()
                        + " has no best constant on this data (it keeps falling towards -infinity)");
            }
        }
        while (slope(data, loss, hi) < 0 || total(data, loss, hi) < total(data, loss, hi / 2)) {
            hi *= 2;
            if (hi > limit) {
                throw new IllegalArgumentException("the loss " + loss.word()
                        + " has no best constant on this data (it keeps falling towards +infinity)");
            }
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1.0, Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi);
            if (slope(data, loss, mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return polish(data, loss, 0.5 * (lo + hi));
    }

    /** One Newton step to recover the last bits bisection leaves, kept only if it helps. */
    private static double polish(Dataset data, SampleLoss loss, double c) {
        double g = 0.0;
        double h = 0.0;
        for (double y : data.y()) {
            g += loss.d1At(c, y);
            h += loss.d2At(c, y);
        }
        if (!(h > 0)) {
            return c;
        }
        double next = c - g / h;
        return Math.abs(slope(data, loss, next)) < Math.abs(g) ? next : c;
    }

    private static double total(Dataset data, SampleLoss loss, double c) {
        double s = 0.0;
        for (double y : data.y()) {
            s += loss.valueAt(c, y);
        }
        return s;
    }

    private static double slope(Dataset data, SampleLoss loss, double c) {
        double g = 0.0;
        for (double y : data.y()) {
            g += loss.d1At(c, y);
        }
        return g;
    }
}
