package org.oneneuron.landscape;

/**
 * The plane of a trajectory found by {@link TrajectoryPca}: θ(x, y) = origin + x·d1 + y·d2.
 *
 * @param origin    the trajectory's end point θ_T (the plane's origin)
 * @param d1        first principal direction, unit length
 * @param d2        second principal direction, unit length, orthogonal to d1
 * @param explained1 share of the trajectory's variance along d1, in [0, 1]
 * @param explained2 share along d2
 * @param x         the path's coordinates along d1, one per recorded point
 * @param y         the path's coordinates along d2
 */
public record PcaPlane(double[] origin, double[] d1, double[] d2, double explained1,
                       double explained2, double[] x, double[] y) {

    public PcaPlane {
        origin = origin.clone();
        d1 = d1.clone();
        d2 = d2.clone();
        x = x.clone();
        y = y.clone();
        if (d1.length != origin.length || d2.length != origin.length || x.length != y.length) {
            throw new IllegalArgumentException("plane parts disagree in length: origin " + origin.length
                    + ", d1 " + d1.length + ", d2 " + d2.length + ", path " + x.length + "/" + y.length);
        }
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] d1() {
        return d1.clone();
    }

    @Override
    public double[] d2() {
        return d2.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** explained1 + explained2: the share of the trajectory that the plane shows. */
    public double explained() {
        return explained1 + explained2;
    }
}
