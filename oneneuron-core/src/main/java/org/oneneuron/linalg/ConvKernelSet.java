package org.oneneuron.linalg;

/**
 * The shifted-window kernels behind {@link ConvKernels}, in float and double. See there for the
 * contracts; implementations: {@link VectorConvKernels} and its scalar twin {@link ScalarConvKernels}
 * (the same bits at a given vector width). {@link ConvKernels#forBlas} picks one for a back-end.
 */
public interface ConvKernelSet {

    void rows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in, int iOff,
              int iStride, boolean accumulate, float[] out, int oOff, int ldo, int oStride, int samples);

    void rows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in, int iOff,
              int iStride, boolean accumulate, double[] out, int oOff, int ldo, int oStride, int samples);

    void dots(int rows, int span, int taps, int[] off, float[] d, int dOff, int ldd, int dStride, float[] in,
              int iOff, int iStride, int samples, boolean accumulate, float[] g, int gOff, int ldg);

    void dots(int rows, int span, int taps, int[] off, double[] d, int dOff, int ldd, int dStride, double[] in,
              int iOff, int iStride, int samples, boolean accumulate, double[] g, int gOff, int ldg);

    void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg, int aOff);

    void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg, int aOff);

    void maxPoolAdjoint2x2(float[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, float[] dx,
                           int dxOff);

    void maxPoolAdjoint2x2(double[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, double[] dx,
                           int dxOff);

    int lanes(boolean single);

    void transpose(float[] src, int sOff, int rows, int cols, float[] dst, int dOff);

    void transpose(double[] src, int sOff, int rows, int cols, double[] dst, int dOff);

    void bcast(int na, int nb, int lanes, int[] ia, int[] ib, float[] v, int vOff, int ldv, int vStride, float[] x,
               int xOff, int xStride, int samples, boolean transposed, boolean accumulate, float[] out, int oOff,
               int ldo);

    void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride, double[] x,
               int xOff, int xStride, int samples, boolean transposed, boolean accumulate, double[] out, int oOff,
               int ldo);

    void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, float[] v, int vOff, int vStride, float[] x,
              int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff, int[] oa, int[] ol);

    void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, double[] v, int vOff, int vStride, double[] x,
              int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff, int[] oa, int[] ol);

    void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, float[] p, int pOff, int ldp,
                float[] dx, int dxOff);

    void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, double[] p, int pOff, int ldp,
                double[] dx, int dxOff);

    void sums(float[] x, int off, int n, int stride, int count, double[] out, int outOff);

    void sums(double[] x, int off, int n, int stride, int count, double[] out, int outOff);

    void copyRows(float[] src, int sOff, int sStride, float[] dst, int dOff, int dStride, int count, int len,
                  boolean add, float addend);

    void copyRows(double[] src, int sOff, int sStride, double[] dst, int dOff, int dStride, int count, int len,
                  boolean add, double addend);
}
