package org.oneneuron.landscape;

/** ℓ(-y·f) with ℓ(z) = max(z + 1, 0)³, the test's own copy of the paper's default loss. */
final class CubicHinge implements LossCurve {

    @Override
    public double valueAt(double f, double y) {
        double u = Math.max(1.0 - y * f, 0.0);
        return u * u * u;
    }

    @Override
    public double d1At(double f, double y) {
        double u = Math.max(1.0 - y * f, 0.0);
        return -y * 3.0 * u * u;
    }

    @Override
    public double d2At(double f, double y) {
        return y * y * 6.0 * Math.max(1.0 - y * f, 0.0);
    }
}
