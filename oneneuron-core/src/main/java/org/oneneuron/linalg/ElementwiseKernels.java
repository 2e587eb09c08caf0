package org.oneneuron.linalg;

/**
 * The element-wise kernels behind {@link ArrayMath}: dst[dstOff+i] = f(src[srcOff+i]), i < n, and
 * the finiteness scans.
 */
interface ElementwiseKernels {

    void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n);

    void exp(double[] src, int srcOff, double[] dst, int dstOff, int n);

    void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n);

    void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n);

    void exp(float[] src, int srcOff, float[] dst, int dstOff, int n);

    void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n);

    /**
     * v[vOff+i] = z[zOff+i] > 0 ? v[vOff+i] : slope·v[vOff+i] for i < n (exactly 0 where slope
     * is 0).
     */
    void reluBackward(float[] z, int zOff, float[] v, int vOff, float slope, int n);

    /**
     * (Leaky) ReLU with its derivatives: out = u > 0 ? u : slope·u (exactly 0 where slope is 0),
     * d1 = u > 0 ? 1 : slope and d2 = 0 when non-null (from dOff), u = pre[pOff + i], i < n.
     */
    void kink(double[] pre, int pOff, double[] out, int oOff, double[] d1, double[] d2, int dOff, double slope, int n);

    /** dst[dOff+i] = Math.max(src[sOff+i], 0f), i < n: ReLU in float. */
    void relu(float[] src, int sOff, float[] dst, int dOff, int n);

    /**
     * out[oOff + j] (=|+=) Σ_r m[mOff + r·cols + j], j &lt; cols, rows added in order (a bias
     * gradient): every output the same chain of adds, so lanes and loop give the same bits.
     */
    void columnSums(float[] m, int mOff, int rows, int cols, boolean accumulate, float[] out, int oOff);

    /** {@link #columnSums(float[], int, int, int, boolean, float[], int)} in double. */
    void columnSums(double[] m, int mOff, int rows, int cols, boolean accumulate, double[] out, int oOff);

    /** out[oOff + i] = a[aOff + i]·b[bOff + i], i &lt; n (one rounding each: lanes and loop agree). */
    void multiply(double[] a, int aOff, double[] b, int bOff, double[] out, int oOff, int n);

    /** {@link #multiply(double[], int, double[], int, double[], int, int)} in float. */
    void multiply(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

    /** True when v[off + i] is finite for every i < n. */
    boolean allFinite(double[] v, int off, int n);

    /** True when v[off + i] is finite for every i < n. */
    boolean allFinite(float[] v, int off, int n);
}
