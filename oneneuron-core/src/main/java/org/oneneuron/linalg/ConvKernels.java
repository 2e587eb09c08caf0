package org.oneneuron.linalg;

import java.lang.System.Logger.Level;

/**
 * Kernels of convolutional layers: 2×2 max pooling ({@link #maxPool2x2}, its adjoint
 * {@link #maxPoolAdjoint2x2}) and a stride-1
 * convolution done directly, without im2col: every product of a
 * convolution (value, input adjoint, weight gradient) is a sum over taps b of the input shifted
 * by an offset off[b]. With the planes stored in rows of a common stride, output position t and
 * tap b read input t + off[b], so a run of consecutive t is a contiguous load (no column matrix is
 * built; positions past a row's end are computed and dropped by the caller, or are zeros).
 *
 * <pre>
 *   rows:  out[r, t] (=|+=) Σ_b w[b·ldw + r] · in[off[b] + t]        r &lt; rows, t &lt; span (value, δx)
 *   dots:  g[r, b]   (=|+=) Σ_s Σ_t d_s[r·ldd + t] · in_s[off[b] + t]  r &lt; rows, b &lt; taps (∂K)
 *   bcast: S[a, l]   (=|+=) Σ_s Σ_b v_s[b·ldv + l] · x_s[ia[a] + ib[b]]  channels in lanes l
 *   runs:  S[a, l]   (=|+=) Σ_s Σ_b v_s[iv[b] + l] · x_s[ia[a] + ib[b]]  runs (kernel column, channel) in lanes
 * </pre>
 * {@link ConvKernelSet#sparseRuns} and {@link ConvKernelSet#sparseAdjoint} compute the weight gradient
 * of {@code runs} and the gathered input adjoint ({@code rows}, then {@code col2im}) over the nonzero
 * adjoints only, in the same chains.
 *
 * Vector API kernels (register tiles of 8 rows × 2 vectors, loaded reflectively so the library
 * runs without the jdk.incubator.vector module); {@link #available()} says whether they loaded.
 * Determinism: in {@code rows} every output is its own fused multiply-add chain over b in order
 * (the same bits at any vector width, in any tile); in {@code dots} each vector lane sums the
 * positions t ≡ lane (mod lanes) over the samples in order and the lanes are added in index
 * order, then the positions past the last full vector: the bits depend on the vector width only.
 * No allocation once warm (per-thread tiles).
 */
public final class ConvKernels {

    private static final ConvKernelSet KERNELS = load();
    private static final ConvKernelSet[] TWINS = {
        new ScalarConvKernels(128), new ScalarConvKernels(256), new ScalarConvKernels(512)};

    private ConvKernels() {
    }

    /** The Vector API kernels, or null when they did not load. */
    static ConvKernelSet loaded() {
        return KERNELS;
    }

    /**
     * Kernels for the pooling and row copies of any back-end: the Vector API's when they loaded,
     * else the scalar twin (a selection and a copy give the same bits at every width).
     */
    public static ConvKernelSet copyAndPool() {
        return KERNELS != null ? KERNELS : TWINS[0];
    }

    /** True when the Vector API kernels loaded. */
    public static boolean available() {
        return KERNELS != null;
    }

    /**
     * Whether convolutions evaluated with {@code blas} should use shifted-row kernels
     * ({@link #forBlas} gives some).
     */
    public static boolean suits(Blas blas) {
        return forBlas(blas) != null;
    }

    /**
     * The kernels convolutions evaluated with {@code blas} run on: the Vector API's for our vector
     * back-end; for {@link VectorEquivalentBlas} (the JVM without the module, or chosen by name)
     * their scalar twin at its width, so a convolutional model gives the same bits with and without
     * the module; null for the plain and native back-ends (they keep im2col and their GEMM).
     */
    public static ConvKernelSet forBlas(Blas blas) {
        if (blas instanceof VectorEquivalentBlas e) {
            return switch (e.emulatedBits()) {
                case 128 -> TWINS[0];
                case 256 -> TWINS[1];
                default -> TWINS[2];
            };
        }
        return blas instanceof VectorWidth ? KERNELS : null;
    }

    /**
     * out[oOff + s·oStride + r·ldo + t] = (out +) Σ_{b &lt; taps} w[wOff + b·ldw + r]·in[iOff + s·iStride + off[b] + t]
     * for r &lt; rows, t &lt; span, s &lt; samples; the sum is one fma chain in b order, added to out when
     * {@code accumulate}. in must hold every index read.
     */
    public static void rows(int rows, int span, int taps, int[] off, float[] w, int wOff, int ldw, float[] in,
                            int iOff, int iStride, boolean accumulate, float[] out, int oOff, int ldo, int oStride,
                            int samples) {
        KERNELS.rows(rows, span, taps, off, w, wOff, ldw, in, iOff, iStride, accumulate, out, oOff, ldo, oStride,
                samples);
    }

    /** Double-precision {@link #rows(int, int, int, int[], float[], int, int, float[], int, int, boolean, float[], int, int, int, int)}. */
    public static void rows(int rows, int span, int taps, int[] off, double[] w, int wOff, int ldw, double[] in,
                            int iOff, int iStride, boolean accumulate, double[] out, int oOff, int ldo, int oStride,
                            int samples) {
        KERNELS.rows(rows, span, taps, off, w, wOff, ldw, in, iOff, iStride, accumulate, out, oOff, ldo, oStride,
                samples);
    }

    /**
     * g[gOff + r·ldg + b] = (g +) Σ_{s &lt; samples} Σ_{t &lt; span} d[dOff + s·dStride + r·ldd + t]·in[iOff + s·iStride + off[b] + t]
     * for r &lt; rows, b &lt; taps.
     */
    public static void dots(int rows, int span, int taps, int[] off, float[] d, int dOff, int ldd, int dStride,
                            float[] in, int iOff, int iStride, int samples, boolean accumulate, float[] g, int gOff,
                            int ldg) {
        KERNELS.dots(rows, span, taps, off, d, dOff, ldd, dStride, in, iOff, iStride, samples, accumulate, g, gOff, ldg);
    }

    /** Double-precision {@link #dots(int, int, int, int[], float[], int, int, int, float[], int, int, int, boolean, float[], int, int)}. */
    public static void dots(int rows, int span, int taps, int[] off, double[] d, int dOff, int ldd, int dStride,
                            double[] in, int iOff, int iStride, int samples, boolean accumulate, double[] g, int gOff,
                            int ldg) {
        KERNELS.dots(rows, span, taps, off, d, dOff, ldd, dStride, in, iOff, iStride, samples, accumulate, g, gOff, ldg);
    }

    /**
     * 2×2 max pooling at stride 2 of one channels×h×w sample: y[yOff + o] = the first maximum of
     * output o's window in the order top-left, top-right, bottom-left, bottom-right (NaN when the
     * window holds one) and arg[aOff + o] its index relative to xOff, o over channels×⌊h/2⌋×⌊w/2⌋
     * in (channel, row, column) order. The same values and indices as the scalar loop.
     */
    public static void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg,
                                  int aOff) {
        KERNELS.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    /** Double-precision {@link #maxPool2x2(float[], int, int, int, int, float[], int, int[], int)}. */
    public static void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg,
                                  int aOff) {
        KERNELS.maxPool2x2(x, xOff, channels, h, w, y, yOff, arg, aOff);
    }

    /**
     * The adjoint of {@link #maxPool2x2(float[], int, int, int, int, float[], int, int[], int)} on
     * one sample: dx[dxOff..] (channels×h×w, overwritten) is 0 but dx[dxOff + arg[aOff + o]] = 0 +
     * dy[dyOff + o], the bits of zeroing dx and adding each δy at its window's maximum.
     */
    public static void maxPoolAdjoint2x2(float[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w,
                                         float[] dx, int dxOff) {
        KERNELS.maxPoolAdjoint2x2(dy, dyOff, arg, aOff, channels, h, w, dx, dxOff);
    }

    /** dst[dOff + j·rows + i] = src[sOff + i·cols + j]: a rows × cols block transposed, exactly. */
    public static void transpose(float[] src, int sOff, int rows, int cols, float[] dst, int dOff) {
        KERNELS.transpose(src, sOff, rows, cols, dst, dOff);
    }

    /** Double-precision {@link #transpose(float[], int, int, int, float[], int)}. */
    public static void transpose(double[] src, int sOff, int rows, int cols, double[] dst, int dOff) {
        KERNELS.transpose(src, sOff, rows, cols, dst, dOff);
    }

    /** Values per vector of the kernels: float lanes when {@code single}, else double lanes; 1 without them. */
    public static int lanes(boolean single) {
        return KERNELS == null ? 1 : KERNELS.lanes(single);
    }

    /**
     * The channels-in-lanes product: for a &lt; na and l &lt; lanes,
     * S[a, l] = Σ_{s &lt; samples} Σ_{b &lt; nb} v[vOff + s·vStride + b·ldv + l]·x[xOff + s·xStride + ia[a] + ib[b]],
     * one fma chain in (s, b) order, stored (or added) at out[oOff + a·ldo + l], or at
     * out[oOff + l·ldo + a] when {@code transposed}.
     */
    public static void bcast(int na, int nb, int lanes, int[] ia, int[] ib, float[] v, int vOff, int ldv, int vStride,
                             float[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                             float[] out, int oOff, int ldo) {
        KERNELS.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed, accumulate,
                out, oOff, ldo);
    }

    /** Double-precision {@link #bcast(int, int, int, int[], int[], float[], int, int, int, float[], int, int, int, boolean, boolean, float[], int, int)}. */
    public static void bcast(int na, int nb, int lanes, int[] ia, int[] ib, double[] v, int vOff, int ldv, int vStride,
                             double[] x, int xOff, int xStride, int samples, boolean transposed, boolean accumulate,
                             double[] out, int oOff, int ldo) {
        KERNELS.bcast(na, nb, lanes, ia, ib, v, vOff, ldv, vStride, x, xOff, xStride, samples, transposed, accumulate,
                out, oOff, ldo);
    }

    /**
     * The channel-minor product: for a &lt; na and l &lt; lanes,
     * S[a, l] = Σ_{s &lt; samples} Σ_{b &lt; nb} x[xOff + s·xStride + ia[a] + ib[b]]·v[vOff + s·vStride + iv[b] + l],
     * one fma chain in (s, b) order (the chains of {@link #bcast} with v's rows at iv[b]), stored (or
     * added) at out[oOff + oa[a] + ol[l]]. A convolution's weight gradient over a channel-minor input:
     * a = filter, b = output position, l = (j, c) of one kernel row i.
     */
    public static void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, float[] v, int vOff, int vStride,
                            float[] x, int xOff, int xStride, int samples, boolean accumulate, float[] out, int oOff,
                            int[] oa, int[] ol) {
        KERNELS.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out, oOff, oa,
                ol);
    }

    /** Double-precision {@link #runs(int, int, int, int[], int[], int[], float[], int, int, float[], int, int, int, boolean, float[], int, int[], int[])}. */
    public static void runs(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, double[] v, int vOff, int vStride,
                            double[] x, int xOff, int xStride, int samples, boolean accumulate, double[] out, int oOff,
                            int[] oa, int[] ol) {
        KERNELS.runs(na, nb, lanes, ia, ib, iv, v, vOff, vStride, x, xOff, xStride, samples, accumulate, out, oOff, oa,
                ol);
    }

    /**
     * col2im of one sample by gathering: dx[c, ih, iw] = Σ_{i &lt; kh, j &lt; kw} P[(c·kh + i)·kw + j, (ih + pad − i)·ow + iw + pad − j]
     * over the terms inside the oh×ow output (P row q at pOff + q·ldp), added in (i, j) order from 0;
     * every dx entry of the sample is written. Reads whole vectors: p must hold indices
     * [pOff − kw + 1, pOff + channels·kh·kw·ldp + w + pad + {@link #lanes}) (the values outside the
     * terms are read and dropped).
     */
    public static void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, float[] p, int pOff,
                              int ldp, float[] dx, int dxOff) {
        KERNELS.col2im(channels, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, dx, dxOff);
    }

    /** Double-precision {@link #col2im(int, int, int, int, int, int, int, int, float[], int, int, float[], int)}. */
    public static void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, double[] p,
                              int pOff, int ldp, double[] dx, int dxOff) {
        KERNELS.col2im(channels, h, w, kh, kw, pad, oh, ow, p, pOff, ldp, dx, dxOff);
    }

    /**
     * out[outOff + r] = Σ x[off + r·stride + i], i &lt; n, in double, for r &lt; count: lane-parallel
     * sums over whole vectors (floats widened), the lanes added in index order, then the tail; the
     * bits depend on the vector width only.
     */
    public static void sums(float[] x, int off, int n, int stride, int count, double[] out, int outOff) {
        KERNELS.sums(x, off, n, stride, count, out, outOff);
    }

    /** Double-precision {@link #sums(float[], int, int, int, int, double[], int)}. */
    public static void sums(double[] x, int off, int n, int stride, int count, double[] out, int outOff) {
        KERNELS.sums(x, off, n, stride, count, out, outOff);
    }

    /**
     * count rows of len values: dst[dOff + r·dStride + j] = src[sOff + r·sStride + j] (+ addend when
     * {@code add}), vector by vector with a masked last one.
     */
    public static void copyRows(float[] src, int sOff, int sStride, float[] dst, int dOff, int dStride, int count,
                                int len, boolean add, float addend) {
        KERNELS.copyRows(src, sOff, sStride, dst, dOff, dStride, count, len, add, addend);
    }

    /** Double-precision {@link #copyRows(float[], int, int, float[], int, int, int, int, boolean, float)}. */
    public static void copyRows(double[] src, int sOff, int sStride, double[] dst, int dOff, int dStride, int count,
                                int len, boolean add, double addend) {
        KERNELS.copyRows(src, sOff, sStride, dst, dOff, dStride, count, len, add, addend);
    }

    private static ConvKernelSet load() {
        if (!Backends.vectorApiAvailable()) {
            return null;
        }
        try {
            return (ConvKernelSet) Class.forName("org.oneneuron.linalg.VectorConvKernels").getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger(ConvKernels.class.getName()).log(Level.WARNING,
                    "vector convolution kernels failed to load, using im2col: " + e);
            return null;
        }
    }
}
