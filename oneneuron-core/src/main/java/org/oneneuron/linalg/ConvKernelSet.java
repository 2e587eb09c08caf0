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

    /**
     * {@link #runs} over whole vectors of lanes with the zero terms skipped: for a &lt; na, u &lt; nu,
     * l &lt; L = {@link #lanes}, S[a, u·L + l] = Σ_{s &lt; samples} Σ_{b &lt; nb, x_s[b] ≠ 0} x_s[b]·v[vOff +
     * s·vStride + iv[b] + vo[u] + l] with x_s[b] = x[xOff + s·xStride + ia[a] + b], one fma chain from 0
     * in (s, b) order, stored (or added) at out[oOff + oa[a] + ol[u·L + l]] where ol ≥ 0. A skipped term
     * is an fma with a zero factor, which leaves a chain unchanged when v is finite: the bits of
     * {@link #runs} over the same lanes. v must hold every index read.
     */
    void sparseRuns(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, float[] v, int vOff, int vStride,
                    float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff,
                    int[] oa, int[] ol);

    void sparseRuns(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, double[] v, int vOff, int vStride,
                    double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                    int[] oa, int[] ol);

    /**
     * The columns of a convolution's input adjoint for the positions with a nonzero adjoint, each
     * added to dx as it is made: for p from positions − 1 down to 0 where some d[dOff + f·positions + p]
     * ≠ 0, for u &lt; nu and l &lt; L, dx[dxOff + po[p] + xo[u] + l] += Σ_f d[dOff + f·positions + p]·k[f·ldk
     * + ko[u] + l] over those f in increasing order (one fma chain from 0). With k the kernel rows in
     * runs of (j, c) and dx channel-minor, each dx value receives its columns in (i, j) order: the
     * bits of {@link #col2im} over the columns of {@link #rows} when k is finite and its padding
     * lanes are zero (they add +0). The vectors come in kernel rows of rowVectors (at most 16,
     * dividing nu). dx must hold every index written.
     */
    void sparseAdjoint(int filters, int positions, int nu, int rowVectors, float[] d, int dOff, float[] k, int ldk,
                       int[] ko, int[] po, int[] xo, float[] dx, int dxOff);

    void sparseAdjoint(int filters, int positions, int nu, int rowVectors, double[] d, int dOff, double[] k, int ldk,
                       int[] ko, int[] po, int[] xo, double[] dx, int dxOff);

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
