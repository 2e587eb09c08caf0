package org.oneneuron.engine;

import org.oneneuron.linalg.Blas;
import org.oneneuron.model.Activation;

/**
 * The kernels a layer's rules are written in, for one precision: {@link F64Arith} (double) or
 * {@link F32Arith} (float), each with the rules over a sample's planes ({@link PlaneArith}), or
 * {@link LaneArith} (many networks, dense layers only). A layer says <em>what</em> to compute once; the arithmetic says how
 * in its precision. Ranges are (buffer, offset, length); outputs come last and are modified,
 * inputs are not. Matrix arguments are row-major (buffer, offset, leading dimension) as in
 * {@link Blas}. Every kernel runs its loops in a fixed order, so results are reproducible bit for bit.
 */
public abstract class Arith {

    /** The BLAS back-end the products run on. */
    final Blas blas;

    Arith(Blas blas) {
        this.blas = blas;
    }

    /** A zeroed buffer of n values. */
    abstract Buf alloc(int n);

    /** "float64" or "float32". */
    abstract String precision();

    /** C = op(A)·op(B) (+ C when {@code accumulate}). op(A) m×k, op(B) k×n, C m×n. */
    abstract void gemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int aOff, int lda,
                       Buf b, int bOff, int ldb, boolean accumulate, Buf c, int cOff, int ldc);

    /**
     * out (units×d, leading dimension d) = δᵀX (+ out when {@code accumulate}): the weight gradient
     * of a dense product over rows, δ rows×units, X rows×d. {@link PlaneArith} may run it
     * transposed; here it is the direct product.
     */
    void weightGemm(int units, int d, int rows, Buf delta, int dOff, Buf x, int xOff, boolean accumulate,
                    Buf out, int oOff) {
        gemm(true, false, units, d, rows, delta, dOff, units, x, xOff, d, accumulate, out, oOff, d);
    }

    /** y = op(A)·x (+ y when {@code accumulate}); A is m×n. */
    abstract void gemv(boolean transA, int m, int n, Buf a, int aOff, int lda, Buf x, int xOff,
                       boolean accumulate, Buf y, int yOff);

    /** dst[r·cols + j] = src[sOff + j] for r < rows, j < cols: a bias in every row. */
    abstract void fillRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff);

    /** out[oOff + j] (=|+=) Σ_r m[mOff + r·cols + j], rows summed in order. */
    abstract void columnSums(Buf m, int mOff, int rows, int cols, boolean accumulate, Buf out, int oOff);

    /**
     * out = σ(pre), d1 = σ'(pre), d2 = σ''(pre) over n values; d1 and d2 (from offset 0) may be
     * null. out may be pre only when d1 and d2 are null.
     */
    abstract void activate(Activation act, Buf pre, int pOff, Buf out, int oOff, Buf d1, Buf d2, int n);

    /**
     * Whether the reverse pass of σ needs σ' stored by {@link #activate}; when false,
     * {@link #activationBackward} reads the sign of the pre-activation (relu and leaky relu in
     * float32: a vectorized mask instead of a multiply).
     */
    abstract boolean storesDerivative(Activation act);

    /**
     * dx = σ'(pre) ⊙ dy over n values, from d1 = σ' (offset 0), or from the sign of pre when
     * {@link #storesDerivative} is false. dx may be dy.
     */
    abstract void activationBackward(Activation act, Buf pre, int pOff, Buf d1, Buf dy, int yOff,
                                     Buf dx, int xOff, int n);

    /** dst[r·cols + j] += src[sOff + j]: a bias added to every row. */
    abstract void addRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff);

    /** out[r·cols + j] (=|+=) a[r]·b[j]: an outer product. */
    abstract void outer(int rows, int cols, Buf a, int aOff, Buf b, int bOff, boolean accumulate, Buf out, int oOff);

    /** out[r·cols + j] (=|+=) (a[r]·b[j] + c[r]·e[j]). */
    abstract void outerPair(int rows, int cols, Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff,
                            boolean accumulate, Buf out, int oOff);

    /** out += a ⊙ b over n values. */
    abstract void mulAdd(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n);

    /** out = a ⊙ b over n values (out may be a or b). */
    abstract void mul(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n);

    /** out = a ⊙ b + c ⊙ e ⊙ g over n values: the R-operator of an element-wise VJP. */
    abstract void mulPlusTriple(Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff,
                                Buf g, int gOff, Buf out, int oOff, int n);

    /** y += α·x over n values. */
    abstract void axpy(double alpha, Buf x, int xOff, Buf y, int yOff, int n);


    abstract void zero(Buf dst, int dOff, int n);

    /** Copies n values. */
    abstract void copy(Buf src, int sOff, Buf dst, int dOff, int n);

    /** True when every value in the range is finite. */
    abstract boolean allFinite(Buf x, int off, int n);
}
