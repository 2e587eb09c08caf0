package org.oneneuron.linalg;

import java.util.Arrays;

/**
 * {@link ConvKernelSet} in scalar loops that give exactly the bits of {@link VectorConvKernels} at
 * a given vector width, for JVMs started without {@code --add-modules jdk.incubator.vector} (the
 * convolution counterpart of {@link VectorEquivalentBlas}). Each kernel follows the vector one's
 * order of operations:
 *
 * <ul>
 *   <li>rows, bcast, runs: every output is one fma chain from 0 (over taps b; over samples then b),
 *       independent of the width;</li>
 *   <li>dots: L lane accumulators (L = lanes of the width), lane j fed by fma with the positions
 *       t ≡ j (mod L) of the whole vectors, sample after sample; L more for the last, partial
 *       vector; the sum from 0 adds the whole vectors' lanes in index order, then the partial
 *       vector's;</li>
 *   <li>col2im: each input value summed from 0 over its terms in (i, j) order (the vector
 *       kernel's masked-out terms are +0, which leaves a sum that started at +0 unchanged);</li>
 *   <li>sum: lane-parallel double sums over whole vectors (floats widened), lanes added in
 *       index order, then the tail;</li>
 *   <li>max pooling, its adjoint (zero, then each δy added at its window's maximum) and row
 *       copies: the scalar rule itself.</li>
 * </ul>
 *
 * Tested bit for bit against the vector kernels ({@code ConvKernelsTest}).
 */
final class ScalarConvKernels implements ConvKernelSet {

    /** Per-thread lane accumulators (at most 2 × 16 lanes). */
    private static final ThreadLocal<double[]> LANES = ThreadLocal.withInitial(() -> new double[32]);
    private static final ThreadLocal<float[]> FLOAT_LANES = ThreadLocal.withInitial(() -> new float[32]);

    private final int floatLanes;
    private final int doubleLanes;

    /** @param bits the vector width whose results to reproduce: 128, 256 or 512 */
    ScalarConvKernels(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("vector width must be 128, 256 or 512 bits, got " + bits);
        }
        this.floatLanes = bits / 32;
        this.doubleLanes = bits / 64;
    }

    @Override
    public String toString() {
        return "scalar twin at " + floatLanes * 32 + " bits";
    }

    @Override
    public int lanes(boolean single) {
        return single ? floatLanes : doubleLanes;
    }

    @Override
    public void rows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in, int iOff,
                     int iStride, boolean accumulate, float[] out, int oOff, int ldo, int oStride, int samples) {
        for (int s = 0; s < samples; s++) {
            int ib = iOff + s * iStride;
            for (int r = 0; r < rows; r++) {
                int o = oOff + s * oStride + r * ldo;
                for (int t = 0; t < span; t++) {
                    float sum = 0;
                    for (int b = 0; b < taps; b++) {
                        sum = Math.fma(in[ib + off[b] + t], w[wOff + b * ldw + r], sum);
                    }
                    out[o + t] = accumulate ? out[o + t] + sum : sum;
                }
            }
        }
    }

    @Override
    public void rows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in, int iOff,
                     int iStride, boolean accumulate, double[] out, int oOff, int ldo, int oStride, int samples) {
        for (int s = 0; s < samples; s++) {
            int ib = iOff + s * iStride;
            for (int r = 0; r < rows; r++) {
                int o = oOff + s * oStride + r * ldo;
                for (int t = 0; t < span; t++) {
                    double sum = 0;
                    for (int b = 0; b < taps; b++) {
                        sum = Math.fma(in[ib + off[b] + t], w[wOff + b * ldw + r], sum);
                    }
                    out[o + t] = accumulate ? out[o + t] + sum : sum;
                }
            }
        }
    }

    @Override
    public void dots(int rows, int span, int taps, int[] off, float[] d, int dOff, int ldd, int dStride, float[] in,
                     int iOff, int iStride, int samples, boolean accumulate, float[] g, int gOff, int ldg) {
        int l = floatLanes;
        int spanV = span - span % l;
        float[] acc = FLOAT_LANES.get();
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < taps; b++) {
                Arrays.fill(acc, 0f);
                for (int s = 0; s < samples; s++) {
                    int dr = dOff + s * dStride + r * ldd;
                    int xb = iOff + s * iStride + off[b];
                    for (int t = 0; t < spanV; t++) {
                        acc[t % l] = Math.fma(d[dr + t], in[xb + t], acc[t % l]);
                    }
                    for (int t = spanV; t < span; t++) {
                        acc[l + t - spanV] = Math.fma(d[dr + t], in[xb + t], acc[l + t - spanV]);
                    }
                }
                float sum = 0;
                for (int j = 0; j < (spanV < span ? 2 * l : l); j++) {
                    sum += acc[j];
                }
                int k = gOff + r * ldg + b;
                g[k] = accumulate ? g[k] + sum : sum;
            }
        }
    }

    @Override
    public void dots(int rows, int span, int taps, int[] off, double[] d, int dOff, int ldd, int dStride,
                     double[] in, int iOff, int iStride, int samples, boolean accumulate, double[] g, int gOff,
                     int ldg) {
        int l = doubleLanes;
        int spanV = span - span % l;
        double[] acc = LANES.get();
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < taps; b++) {
                Arrays.fill(acc, 0);
                for (int s = 0; s < samples; s++) {
                    int dr = dOff + s * dStride + r * ldd;
                    int xb = iOff + s * iStride + off[b];
                    for (int t = 0; t < spanV; t++) {
                        acc[t % l] = Math.fma(d[dr + t], in[xb + t], acc[t % l]);
                    }
                    for (int t = spanV; t < span; t++) {
                        acc[l + t - spanV] = Math.fma(d[dr + t], in[xb + t], acc[l + t - spanV]);
                    }
                }
                double sum = 0;
                for (int j = 0; j < (spanV < span ? 2 * l : l); j++) {
                    sum += acc[j];
                }
                int k = gOff + r * ldg + b;
                g[k] = accumulate ? g[k] + sum : sum;
            }
        }
    }

    @Override
    public void bcast(int na, int nb, int lanes, int[] ia, int[] ib, float[] v, int vOff, int ldv, int vStride,
                      float[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      float[] out, int oOff, int ldo) {
        ScalarLanes.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed,
                accumulate, out, oOff, ldo);
    }

    @Override
    public void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride,
                      double[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                      double[] out, int oOff, int ldo) {
        ScalarLanes.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed,
                accumulate, out, oOff, ldo);
    }

    @Override
    public void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, float[] v, int vOff, int vStride,
                     float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff, int[] oa,
                     int[] ol) {
        ScalarLanes.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out,
                oOff, oa, ol);
    }

    @Override
    public void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, double[] v, int vOff, int vStride,
                     double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                     int[] oa, int[] ol) {
        ScalarLanes.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out,
                oOff, oa, ol);
    }

    @Override
    public void sparseRuns(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, float[] v, int vOff, int vStride,
                           float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff,
                           int[] oa, int[] ol) {
        ScalarSparse.runs(floatLanes, na, nb, nu, ia, iv, vo, v, vOff, vStride, x, xOff, xStride, samples, accumulate,
                out, oOff, oa, ol);
    }

    @Override
    public void sparseRuns(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, double[] v, int vOff, int vStride,
                           double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                           int[] oa, int[] ol) {
        ScalarSparse.runs(doubleLanes, na, nb, nu, ia, iv, vo, v, vOff, vStride, x, xOff, xStride, samples,
                accumulate, out, oOff, oa, ol);
    }

    @Override
    public void sparseAdjoint(int filters, int positions, int nu, int rowVectors, float[] d, int dOff, float[] k,
                              int ldk, int[] ko, int[] po, int[] xo, float[] dx, int dxOff) {
        ScalarSparse.adjoint(floatLanes, filters, positions, nu, d, dOff, k, ldk, ko, po, xo, dx, dxOff);
    }

    @Override
    public void sparseAdjoint(int filters, int positions, int nu, int rowVectors, double[] d, int dOff, double[] k,
                              int ldk, int[] ko, int[] po, int[] xo, double[] dx, int dxOff) {
        ScalarSparse.adjoint(doubleLanes, filters, positions, nu, d, dOff, k, ldk, ko, po, xo, dx, dxOff);
    }

    @Override
    public void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, float[] p, int pOff,
                       int ldp, float[] dx, int dxOff) {
        for (int c = 0; c < channels; c++) {
            for (int ih = 0; ih < h; ih++) {
                int iFrom = Math.max(0, ih + pad - oh + 1);
                int iTo = Math.min(kh, ih + pad + 1);
                for (int iw = 0; iw < w; iw++) {
                    float acc = 0;
                    for (int i = iFrom; i < iTo; i++) {
                        int row = pOff + (c * kh + i) * kw * ldp + (ih + pad - i) * ow;
                        for (int j = 0; j < kw; j++) {
                            int col = iw + pad - j;
                            if (col >= 0 && col < ow) {
                                acc += p[row + j * ldp + col];
                            }
                        }
                    }
                    dx[dxOff + (c * h + ih) * w + iw] = acc;
                }
            }
        }
    }

    @Override
    public void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, double[] p, int pOff,
                       int ldp, double[] dx, int dxOff) {
        for (int c = 0; c < channels; c++) {
            for (int ih = 0; ih < h; ih++) {
                int iFrom = Math.max(0, ih + pad - oh + 1);
                int iTo = Math.min(kh, ih + pad + 1);
                for (int iw = 0; iw < w; iw++) {
                    double acc = 0;
                    for (int i = iFrom; i < iTo; i++) {
                        int row = pOff + (c * kh + i) * kw * ldp + (ih + pad - i) * ow;
                        for (int j = 0; j < kw; j++) {
                            int col = iw + pad - j;
                            if (col >= 0 && col < ow) {
                                acc += p[row + j * ldp + col];
                            }
                        }
                    }
                    dx[dxOff + (c * h + ih) * w + iw] = acc;
                }
            }
        }
    }

    @Override
    public void sums(float[] x, int off, int n, int stride, int count, double[] out, int outOff) {
        for (int r = 0; r < count; r++) {
            out[outOff + r] = sum(x, off + r * stride, n);
        }
    }

    @Override
    public void sums(double[] x, int off, int n, int stride, int count, double[] out, int outOff) {
        for (int r = 0; r < count; r++) {
            out[outOff + r] = sum(x, off + r * stride, n);
        }
    }

    private double sum(float[] x, int off, int n) {
        int l = floatLanes;
        double[] lanes = LANES.get();
        Arrays.fill(lanes, 0, l, 0);
        int i = 0;
        for (; i <= n - l; i += l) {
            for (int k = 0; k < l; k++) {
                lanes[k] += x[off + i + k];
            }
        }
        double s = 0;
        for (int k = 0; k < l; k++) {
            s += lanes[k];
        }
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    private double sum(double[] x, int off, int n) {
        int l = doubleLanes;
        double[] lanes = LANES.get();
        Arrays.fill(lanes, 0, l, 0);
        int i = 0;
        for (; i <= n - l; i += l) {
            for (int k = 0; k < l; k++) {
                lanes[k] += x[off + i + k];
            }
        }
        double s = 0;
        for (int k = 0; k < l; k++) {
            s += lanes[k];
        }
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    @Override
    public void copyRows(float[] src, int sOff, int sStride, float[] dst, int dOff, int dStride, int count, int len,
                         boolean add, float addend) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < len; j++) {
                float v = src[sOff + r * sStride + j];
                dst[dOff + r * dStride + j] = add ? v + addend : v;
            }
        }
    }

    @Override
    public void copyRows(double[] src, int sOff, int sStride, double[] dst, int dOff, int dStride, int count, int len,
                         boolean add, double addend) {
        for (int r = 0; r < count; r++) {
            for (int j = 0; j < len; j++) {
                double v = src[sOff + r * sStride + j];
                dst[dOff + r * dStride + j] = add ? v + addend : v;
            }
        }
    }

    @Override
    public void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg, int aOff) {
        ScalarPool.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    @Override
    public void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg,
                           int aOff) {
        ScalarPool.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    @Override
    public void maxPoolAdjoint2x2(float[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, float[] dx,
                                  int dxOff) {
        ScalarPool.maxPoolAdjoint(dy, dyOff, arg, aOff, channels * (h / 2) * (w / 2), channels * h * w, dx, dxOff);
    }

    @Override
    public void maxPoolAdjoint2x2(double[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w,
                                  double[] dx, int dxOff) {
        ScalarPool.maxPoolAdjoint(dy, dyOff, arg, aOff, channels * (h / 2) * (w / 2), channels * h * w, dx, dxOff);
    }

    @Override
    public void transpose(float[] src, int sOff, int rows, int cols, float[] dst, int dOff) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[dOff + j * rows + i] = src[sOff + i * cols + j];
            }
        }
    }

    @Override
    public void transpose(double[] src, int sOff, int rows, int cols, double[] dst, int dOff) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[dOff + j * rows + i] = src[sOff + i * cols + j];
            }
        }
    }
}
