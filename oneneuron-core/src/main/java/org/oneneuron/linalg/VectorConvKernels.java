package org.oneneuron.linalg;

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
}
