package org.oneneuron.landscape;

/** ℓ(z) = max(z + 1, 0)³, the test's own copy of the paper's default loss. */
final class CubicHinge implements LossCurve {

    @Override
    public double value(double z) {
        double u = Math.max(z + 1.0, 0.0);
        return u * u * u;
    }

    @Override
    public double d1(double z) {
        double u = Math.max(z + 1.0, 0.0);
        return 3.0 * u * u;
    }

    @Override
    public double d2(double z) {
        return 6.0 * Math.max(z + 1.0, 0.0);
    }
}
