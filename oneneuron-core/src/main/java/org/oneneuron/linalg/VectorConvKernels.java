package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/** {@link ConvKernelSet} on the Vector API; public for reflective creation by {@link ConvKernels}. */
public final class VectorConvKernels implements ConvKernelSet {

    /** Created by {@link ConvKernels} only. */
    public VectorConvKernels() {
    }

    @Override
    public void rows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in, int iOff,
                     int iStride, boolean accumulate, float[] out, int oOff, int ldo, int oStride, int samples) {
        VectorShiftFloat.rows(rows, span, taps, off, w, wOff, ldw, in, iOff, iStride, accumulate, out, oOff, ldo,
                oStride, samples);
    }

    @Override
    public void rows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in, int iOff,
                     int iStride, boolean accumulate, double[] out, int oOff, int ldo, int oStride, int samples) {
        VectorShiftDouble.rows(rows, span, taps, off, w, wOff, ldw, in, iOff, iStride, accumulate, out, oOff, ldo,
                oStride, samples);
    }

    @Override
    public void dots(int rows, int span, int taps, int[] off, float[] d, int dOff, int ldd, int dStride, float[] in,
                     int iOff, int iStride, int samples, boolean accumulate, float[] g, int gOff, int ldg) {
        VectorShiftFloat.dots(rows, span, taps, off, d, dOff, ldd, dStride, in, iOff, iStride, samples, accumulate,
                g, gOff, ldg);
    }

    @Override
    public void dots(int rows, int span, int taps, int[] off, double[] d, int dOff, int ldd, int dStride,
                     double[] in, int iOff, int iStride, int samples, boolean accumulate, double[] g, int gOff,
                     int ldg) {
        VectorShiftDouble.dots(rows, span, taps, off, d, dOff, ldd, dStride, in, iOff, iStride, samples, accumulate,
                g, gOff, ldg);
    }

    @Override
    public void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg, int aOff) {
        VectorPool.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    @Override
    public void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg,
                           int aOff) {
        VectorPool.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    @Override
    public int lanes(boolean single) {
        return single ? FloatVector.SPECIES_PREFERRED.length() : DoubleVector.SPECIES_PREFERRED.length();
    }

    @Override
    public void bcast(int na, int nb, int lanes, int[] ia, int[] ib, float[] v, int vOff, int ldv, int vStride,
                      float[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      float[] out, int oOff, int ldo) {
        VectorLaneFloat.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed,
                accumulate, out, oOff, ldo);
    }

    @Override
    public void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride,
                      double[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      double[] out, int oOff, int ldo) {
        VectorLaneDouble.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed,
                accumulate, out, oOff, ldo);
    }

    @Override
    public void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, float[] p, int pOff,
                       int ldp, float[] dx, int dxOff) {
        VectorLaneFloat.col2im(channels, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, dx, dxOff);
    }

    @Override
    public void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, double[] p, int pOff,
                       int ldp, double[] dx, int dxOff) {
        VectorLaneDouble.col2im(channels, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, dx, dxOff);
    }
}
