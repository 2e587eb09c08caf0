package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ThetaKernels} on the Vector API, lane by lane the scalar loops' operations (mul, sub,
 * add, the double-to-float rounding: exact by specification), so the same bits. Public with a
 * no-argument constructor for reflective creation only.
 */
public final class VectorThetaKernels implements ThetaKernels {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as D's lanes, half D's width: the species of a converted θ vector. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(Math.max(64, D.vectorBitSize() / 2)));

    /** Below this length the scalar loops run (too short to gain; no JIT-state-dependent allocation). */
    static final int SCALAR_BELOW = 512;

    /** For reflective creation by {@link ThetaPasses}. */
    public VectorThetaKernels() {
    }

    /** Whether this machine's lanes fit these kernels (D of 4 or 8 lanes, F as many); else the scalar loops run. */
    private static final boolean FITS = (D.length() == 4 || D.length() == 8) && F.length() == D.length();

    @Override
    public boolean sgdStep(double[] from, float[] bulk, int bulkEnd, double[] g, double eta, double c, double[] to,
                           float[] th) {
        int n = from.length;
        if (n < SCALAR_BELOW || !FITS) {
            return ScalarThetaKernels.sgdStep(from, bulk, bulkEnd, g, eta, c, to, th, 0);
        }
        int floatEnd = D.loopBound(bulkEnd);
        int upper = D.loopBound(n);
        // The two loops differ in where g comes from; their bodies stay inline (a helper that took
        // or returned vectors was not always inlined, and then boxed one vector per iteration).
        FloatVector check = FloatVector.zero(F);
        int i = 0;
        for (; i < floatEnd; i += D.length()) {
            DoubleVector gi = (DoubleVector) FloatVector.fromArray(F, bulk, i).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector t = DoubleVector.fromArray(D, from, i).sub(gi.mul(c).mul(eta));
            t.intoArray(to, i);
            FloatVector f = (FloatVector) t.convertShape(VectorOperators.D2F, F, 0);
            f.intoArray(th, i);
            check = check.add(f.mul(0f));
        }
        if (floatEnd < bulkEnd) {
            return ScalarThetaKernels.sgdStep(from, bulk, bulkEnd, g, eta, c, to, th, floatEnd)
                    && check.compare(VectorOperators.EQ, 0f).allTrue();
        }
        for (; i < upper; i += D.length()) {
            DoubleVector t = DoubleVector.fromArray(D, from, i).sub(DoubleVector.fromArray(D, g, i).mul(c).mul(eta));
            t.intoArray(to, i);
            FloatVector f = (FloatVector) t.convertShape(VectorOperators.D2F, F, 0);
            f.intoArray(th, i);
            check = check.add(f.mul(0f));
        }
        boolean finite = check.compare(VectorOperators.EQ, 0f).allTrue();
        return ScalarThetaKernels.sgdStep(from, bulk, bulkEnd, g, eta, c, to, th, upper) && finite;
    }

    @Override
    public void squares(float[] src, int upTo, double[] lanes) {
        if (upTo < SCALAR_BELOW || !FITS) {
            ScalarThetaKernels.INSTANCE.squares(src, upTo, lanes);
            return;
        }
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = DoubleVector.zero(D);
        boolean four = D.length() == 4;
        for (int i = 0; i < upTo; i += 8) {
            DoubleVector v = (DoubleVector) FloatVector.fromArray(F, src, i).convertShape(VectorOperators.F2D, D, 0);
            lo = lo.add(v.mul(v));
            if (four) {
                DoubleVector w = (DoubleVector) FloatVector.fromArray(F, src, i + 4)
                        .convertShape(VectorOperators.F2D, D, 0);
                hi = hi.add(w.mul(w));
            }
        }
        lo.intoArray(lanes, 0);
        if (four) {
            hi.intoArray(lanes, 4);
        }
    }

    @Override
    public double sumOfSquares(double[] x) {
        return sumOfSquares(x, 0, ScalarThetaKernels.ZERO_LANES);
    }

    @Override
    public void widen(float[] src, double[] dst, int upTo, double[] lanes) {
        int n = dst.length;
        if (n < SCALAR_BELOW || !FITS) {
            ScalarThetaKernels.INSTANCE.widen(src, dst, upTo, lanes);
            return;
        }
        int l = D.length();
        DoubleVector lo = DoubleVector.zero(D);
        DoubleVector hi = DoubleVector.zero(D);
        int i = 0;
        for (; i < upTo; i += 8) {
            DoubleVector v = (DoubleVector) FloatVector.fromArray(F, src, i).convertShape(VectorOperators.F2D, D, 0);
            v.intoArray(dst, i);
            lo = lo.add(v.mul(v));
            if (l == 4) {
                DoubleVector w = (DoubleVector) FloatVector.fromArray(F, src, i + 4)
                        .convertShape(VectorOperators.F2D, D, 0);
                w.intoArray(dst, i + 4);
                hi = hi.add(w.mul(w));
            }
        }
        for (int upper = i + D.loopBound(n - i); i < upper; i += l) {
            ((DoubleVector) FloatVector.fromArray(F, src, i).convertShape(VectorOperators.F2D, D, 0)).intoArray(dst, i);
        }
        ScalarThetaKernels.widenTail(src, dst, i);
        lo.intoArray(lanes, 0);
        if (l == 4) {
            hi.intoArray(lanes, 4);
        }
    }

    @Override
    public double sumOfSquares(double[] x, int from, double[] lanes) {
        int n = x.length;
        if (n < SCALAR_BELOW || !FITS) {
            return ScalarThetaKernels.INSTANCE.sumOfSquares(x, from, lanes);
        }
        int upper = n - n % 8;
        DoubleVector lo = DoubleVector.fromArray(D, lanes, 0);
        if (D.length() == 8) {
            for (int i = from; i < upper; i += 8) {
                DoubleVector v = DoubleVector.fromArray(D, x, i);
                lo = lo.add(v.mul(v));
            }
            double s = ((lo.lane(0) + lo.lane(1)) + (lo.lane(2) + lo.lane(3)))
                    + ((lo.lane(4) + lo.lane(5)) + (lo.lane(6) + lo.lane(7)));
            return ScalarThetaKernels.tail(x, upper, s);
        }
        DoubleVector hi = DoubleVector.fromArray(D, lanes, 4);
        for (int i = from; i < upper; i += 8) {
            DoubleVector v = DoubleVector.fromArray(D, x, i);
            DoubleVector w = DoubleVector.fromArray(D, x, i + 4);
            lo = lo.add(v.mul(v));
            hi = hi.add(w.mul(w));
        }
        double s = ((lo.lane(0) + lo.lane(1)) + (lo.lane(2) + lo.lane(3)))
                + ((hi.lane(0) + hi.lane(1)) + (hi.lane(2) + hi.lane(3)));
        return ScalarThetaKernels.tail(x, upper, s);
    }
}
