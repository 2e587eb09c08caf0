package org.oneneuron.landscape;

/**
 * The loss along a path φ(t), t in [0, 1], between two end points, and its barrier: the largest
 * rise above the straight line between the end values,
 * B = max_t [v(φ(t)) − ((1 − t)·v(φ(0)) + t·v(φ(1)))] (Frankle et al., 2020), so B <= 0 means
 * the path never climbs above its ends. A non-finite value on the path makes B infinite.
 *
 * @param kind              "linear" or "bezier"
 * @param t                 the evaluation points
 * @param loss              L(φ(t))
 * @param networkOnly       network-only loss at φ(t), NaN everywhere without a neuron
 * @param barrier           B of the loss
 * @param networkOnlyBarrier B of the network-only loss (NaN without a neuron)
 */
public record PathProfile(String kind, double[] t, double[] loss, double[] networkOnly,
                          double barrier, double networkOnlyBarrier) {

    public PathProfile {
        t = t.clone();
        loss = loss.clone();
        networkOnly = networkOnly.clone();
        if (loss.length != t.length || networkOnly.length != t.length) {
            throw new IllegalArgumentException("path has " + t.length + " points, " + loss.length
                    + " losses and " + networkOnly.length + " network-only losses");
        }
    }

    @Override
    public double[] t() {
        return t.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] networkOnly() {
        return networkOnly.clone();
    }

    /** Whether the network-only loss was evaluated (the objective has a neuron). */
    public boolean hasNetworkOnly() {
        return networkOnly.length > 0 && !Double.isNaN(networkOnlyBarrier);
    }

    /** B of values v on the points t (see the record's description). */
    static double barrier(double[] t, double[] v) {
        double b = Double.NEGATIVE_INFINITY;
        int last = v.length - 1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return Double.POSITIVE_INFINITY;
            }
            b = Math.max(b, v[i] - ((1 - t[i]) * v[0] + t[i] * v[last]));
        }
        return b;
    }
}
