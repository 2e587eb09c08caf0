package org.oneneuron.engine;

import org.oneneuron.linalg.Blas;
import org.oneneuron.linalg.ConvKernelSet;
import org.oneneuron.linalg.ConvKernels;
import org.oneneuron.linalg.NativeBlas;
import org.oneneuron.linalg.Precision;

/**
 * The rules over a sample's planes that convolution, pooling and layer norm add to {@link Arith}:
 * the shifted-row convolution kernels, im2col/col2im, windows, and sums over a sample, and the
 * transposed weight product of dense layers. One
 * precision each ({@link F64Windows}, {@link F32Windows}); the many-networks mode has none, as it
 * takes dense layers only ({@link LanePasses} refuses the others when it is built).
 */
abstract class PlaneArith extends Arith {

    /** The arithmetic of one precision on one back-end. */
    static PlaneArith of(Precision precision, Blas blas) {
        return precision == Precision.FLOAT64 ? new F64Arith(blas) : new F32Arith(blas);
    }

    /** Fewest units for which {@link #weightGemm} may run transposed. */
    static final int TRANSPOSED_MIN_UNITS = 64;
    /** Scratch of {@link #weightGemm}'s transposed form (allocated on its first use). */
    private Buf transposed;

    /** Shifted-row convolution kernels for this back-end, or null (im2col): {@link ConvKernels#forBlas}. */
    final ConvKernelSet conv;

    /** 2×2 max pooling and row copies, on every back-end: {@link ConvKernels#copyAndPool}. */
    final ConvKernelSet rows = ConvKernels.copyAndPool();

    PlaneArith(Blas blas) {
        super(blas);
        this.conv = ConvKernels.forBlas(blas);
    }

    /**
     * out (units×d, leading dimension d) = δᵀX (+ out when {@code accumulate}): the weight gradient
     * of a dense product over rows, δ rows×units, X rows×d. The Java GEMMs pack op(B) — here X, the
     * large operand when the rows are many — on every call; where {@link #transposeWeightGemm} says
     * it pays, this runs as (Xᵀδ)ᵀ instead, packing δ, through a units×d scratch (out is
     * transposed in first when accumulating, so C = fma(β, C, v) sees the same C). Each element is
     * the same fma chain over the rows in the same k blocks (fma(a, b, t) = fma(b, a, t)): the
     * bits are those of the direct product on the Java back-ends (tested); the native back-end
     * always takes the direct product.
     */
    @Override
    final void weightGemm(int units, int d, int rows, Buf delta, int dOff, Buf x, int xOff, boolean accumulate,
                          Buf out, int oOff) {
        if (!transposeWeightGemm(units, d, rows, accumulate)) {
            gemm(true, false, units, d, rows, delta, dOff, units, x, xOff, d, accumulate, out, oOff, d);
            return;
        }
        int n = units * d;
        if (transposed == null || transposed.length() < n) {
            transposed = alloc(n);
        }
        if (accumulate) {
            transpose(out, oOff, units, d, transposed, 0);
        }
        gemm(true, false, d, units, rows, x, xOff, d, delta, dOff, units, accumulate, transposed, 0, units);
        transpose(transposed, 0, d, units, out, oOff);
    }

    /**
     * Whether {@link #weightGemm} runs transposed: on a Java GEMM (which packs op(B)), for at least
     * {@link #TRANSPOSED_MIN_UNITS} units (the transposed product's columns are the units, padded
     * to the kernel's panel of up to 32: W6's 10 neurons ran 12% slower per float32 step
     * transposed), and when packing X (rows·d values) costs more than packing δ and moving the
     * units×d block once each way (twice when accumulating): rows·d > rows·units + (2|4)·units·d.
     * A cost model of sizes only, so the choice (which changes no bits anyway) is a function of
     * the shapes.
     */
    final boolean transposeWeightGemm(int units, int d, int rows, boolean accumulate) {
        if (blas instanceof NativeBlas || units < TRANSPOSED_MIN_UNITS) {
            return false;
        }
        long moves = (long) rows * units + (accumulate ? 4L : 2L) * units * d;
        return (long) rows * d > moves;
    }

    /** Whether stride-1 convolutions run on {@link ConvKernels} (shifted rows) rather than im2col. */
    boolean shiftKernels() {
        return conv != null;
    }

    /**
     * out[oOff + s·oStride + r·ldo + t] (=|+=) Σ_{b &lt; taps} w[wOff + b·ldw + r]·in[iOff + s·iStride + off[b] + t],
     * r &lt; rows, t &lt; span, s &lt; samples ({@link ConvKernels#rows}).
     */
    abstract void shiftRows(int rows, int span, int taps, int[] off, Buf w, int wOff, int ldw, Buf in, int iOff,
                            int iStride, boolean accumulate, Buf out, int oOff, int ldo, int oStride, int samples);

    /**
     * g[gOff + r·ldg + b] (=|+=) Σ_s Σ_{t &lt; span} d[dOff + s·dStride + r·ldd + t]·in[iOff + s·iStride + off[b] + t]
     * ({@link ConvKernels#dots}).
     */
    abstract void shiftDots(int rows, int span, int taps, int[] off, Buf d, int dOff, int ldd, int dStride, Buf in,
                            int iOff, int iStride, int samples, boolean accumulate, Buf g, int gOff, int ldg);

    /**
     * out[r] = Σ x[off + r·stride + i] over n values in double, lane-parallel, for r &lt; count
     * ({@link ConvKernels#sums}): a convolution's bias gradient, one plane per sample.
     */
    abstract void planeSums(Buf x, int off, int n, int stride, int count, double[] out);

    /** Values per vector of {@link ConvKernels} in this precision. */
    abstract int lanes();

    /**
     * S[a, l] = Σ_s Σ_b v[vOff + s·vStride + b·ldv + l]·in[iOff + s·iStride + ia[a] + ib[b]] for a &lt; na,
     * l &lt; lanes, into out[oOff + a·ldo + l] or, transposed, out[oOff + l·ldo + a] (=|+=)
     * ({@link ConvKernels#bcast}).
     */
    abstract void laneProduct(int na, int nb, int lanes, int[] ia, int[] ib, Buf v, int vOff, int ldv, int vStride,
                              Buf in, int iOff, int iStride, int samples, boolean transposed, boolean accumulate,
                              Buf out, int oOff, int ldo);

    /**
     * S[a, l] = Σ_s Σ_b in[iOff + s·iStride + ia[a] + ib[b]]·v[vOff + s·vStride + iv[b] + l] for a &lt; na,
     * l &lt; lanes, into out[oOff + oa[a] + ol[l]] (=|+=) ({@link ConvKernels#runs}).
     */
    abstract void runProduct(int na, int nb, int lanes, int[] ia, int[] ib, int[] iv, Buf v, int vOff, int vStride,
                             Buf in, int iOff, int iStride, int samples, boolean accumulate, Buf out, int oOff,
                             int[] oa, int[] ol);

    /**
     * {@link #runProduct} over nu whole vectors at v offsets vo[u], with the zero terms of in skipped
     * (positions b contiguous from ia[a]; {@link ConvKernelSet#sparseRuns}).
     */
    abstract void sparseRunProduct(int na, int nb, int nu, int[] ia, int[] iv, int[] vo, Buf v, int vOff, int vStride,
                                   Buf in, int iOff, int iStride, int samples, boolean accumulate, Buf out, int oOff,
                                   int[] oa, int[] ol);

    /**
     * A convolution's columns for the positions with a nonzero adjoint, added to a channel-minor dx
     * ({@link ConvKernelSet#sparseAdjoint}).
     */
    abstract void sparseAdjoint(int filters, int positions, int nu, int rowVectors, Buf d, int dOff, Buf k, int ldk,
                                int[] ko, int[] po, int[] xo, Buf dx, int dxOff);

    /** col2im of one sample by gathering the shifted rows of P ({@link ConvKernels#col2im}); dx overwritten. */
    abstract void col2im(int channels, int h, int w, int kh, int kw, int pad, int oh, int ow, Buf cols, int cOff,
                         int ldc, Buf dx, int dxOff);

    /** dst[dOff + j·rows + i] = src[sOff + i·cols + j]: the transpose of a rows×cols block. */
    abstract void transpose(Buf src, int sOff, int rows, int cols, Buf dst, int dOff);

    /**
     * dst[dOff + (c·h + i)·w + j] = src[sOff + c·sChannel + i·sRow + j] (+ bias[bOff + c] when bias is
     * non-null), c &lt; channels, i &lt; h, j &lt; w: planes stored with a wider stride, packed.
     */
    abstract void packPlanes(Buf src, int sOff, int sChannel, int sRow, Buf bias, int bOff, int channels, int h,
                             int w, Buf dst, int dOff);

    /** dst[c·area + p] = src[sOff + c] for c < channels, p < area: a bias per channel. */
    abstract void fillChannels(Buf src, int sOff, int channels, int area, Buf dst, int dOff);

    /** y = s·(x + t) over n values. */
    abstract void shiftScale(Buf x, int xOff, double t, double s, Buf y, int yOff, int n);

    /** Σ x over n values, accumulated in double in order. */
    abstract double sum(Buf x, int off, int n);

    /** Σ x ⊙ y over n values, accumulated in double in order. */
    abstract double dot(Buf x, int xOff, Buf y, int yOff, int n);

    /** dst[dOff + i] = idx[i] < 0 ? 0 : src[sOff + idx[i]], i < n. */
    abstract void gather(Buf src, int sOff, int[] idx, int iOff, int n, Buf dst, int dOff);

    /** dst[dOff + idx[i]] += α·src[sOff + i / group] for idx[i] ≥ 0, i < n, in order of i. */
    abstract void scatterAdd(Buf src, int sOff, int[] idx, int iOff, int n, int group, double alpha,
                             Buf dst, int dOff);

    /**
     * Max pooling: dst[dOff + o] = max_j src[sOff + win[o·k + j]], arg[aOff + o] = the index in src
     * (relative to sOff) of the first maximum, o < outputs.
     */
    abstract void maxWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff,
                             int[] arg, int aOff);

    /** {@link #maxWindows} for 2×2 windows at stride 2 over a channels×h×w sample, without the window table. */
    abstract void maxPool2x2(Buf src, int sOff, int channels, int h, int w, Buf dst, int dOff, int[] arg, int aOff);

    /**
     * The adjoint of {@link #maxPool2x2} on one sample: dx[dxOff..] (channels×h×w, overwritten) = 0
     * but dx[dxOff + arg[aOff + o]] = 0 + dy[dyOff + o] ({@link ConvKernels#maxPoolAdjoint2x2}).
     */
    abstract void maxPoolAdjoint2x2(Buf dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, Buf dx,
                                    int dxOff);

    /** Average pooling: dst[dOff + o] = (1/k)·Σ_j src[sOff + win[o·k + j]], o < outputs. */
    abstract void meanWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff);

    /**
     * im2col of one sample: for each run (src, row, col, len, stride) of {@code runs},
     * cols[row·ld + colBase + col + t] = x[xOff + src + t·stride], t < len. Entries no run
     * writes (the zero padding) are left as they are.
     */
    abstract void im2col(Buf x, int xOff, int[] runs, Buf cols, int ld, int colBase);

    /** col2im of one sample, the adjoint of {@link #im2col}: dx[dxOff + src + t·stride] += cols[...], in run order. */
    abstract void col2im(Buf cols, int ld, int colBase, int[] runs, Buf dx, int dxOff);

    /** count runs of len values: dst[dOff + i·dStride + t] = src[sOff + i·sStride + t]. */
    abstract void copyRuns(Buf src, int sOff, int sStride, Buf dst, int dOff, int dStride, int count, int len);
}
