package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Horizontal sums in a fixed order: ((v₀ + v₁) + v₂) + … in lane index order. Unlike
 * reduceLanes(ADD), whose association differs between the intrinsic and the Java fallback, this
 * gives the same bits interpreted and compiled.
 */
final class LaneSums {

    private LaneSums() {
    }

    /** Σ lanes of v, added in index order. */
    static double inLaneOrder(DoubleVector v) {
        double[] lanes = v.toArray();
        double s = lanes[0];
        for (int j = 1; j < lanes.length; j++) {
            s += lanes[j];
        }
        return s;
    }

    /** Σ lanes of v, added in index order, single precision. */
    static float inLaneOrder(FloatVector v) {
        float[] lanes = v.toArray();
        float s = lanes[0];
        for (int j = 1; j < lanes.length; j++) {
            s += lanes[j];
        }
        return s;
    }
}
