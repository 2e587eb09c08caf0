package org.oneneuron.linalg;

/** The element-wise kernels behind {@link ArrayMath}: dst[dstOff+i] = f(src[srcOff+i]), i < n. */
interface ElementwiseKernels {

    void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n);

    void exp(double[] src, int srcOff, double[] dst, int dstOff, int n);

    void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n);

    void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n);

    void exp(float[] src, int srcOff, float[] dst, int dstOff, int n);

    void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n);
}
