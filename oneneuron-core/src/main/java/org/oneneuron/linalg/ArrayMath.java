package org.oneneuron.linalg;

import java.lang.System.Logger.Level;

/**
 * Element-wise transcendental functions over array ranges, the hot spots of activations and the
 * special neuron: dst[dstOff+i] = f(src[srcOff+i]) for i in [0, n). src and dst may be the same
 * range (in place). Both implementations compute {@link DeterministicMath} (exp ≤ 1 ulp, tanh ≤ 2
 * ulp, σ ≤ 3 ulp in double; ≤ 4 ulp in float): vectorized on the Vector API when
 * jdk.incubator.vector is present, scalar otherwise or when the system property
 * {@code oneneuron.vector.math=false}. The bits do not depend on which one runs, on the JIT state,
 * the vector width, the JDK version or the position of an element in the array.
 */
public final class ArrayMath {

    private static final ElementwiseKernels KERNELS = choose();

    private ArrayMath() {
    }

    /** Which kernels run: {@code vector-api} or {@code scalar}. */
    public static String implementation() {
        return KERNELS instanceof ScalarElementwise ? "scalar" : "vector-api";
    }

    /** dst = tanh(src). */
    public static void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        kernels(n).tanh(src, srcOff, dst, dstOff, n);
    }

    /** dst = exp(src). */
    public static void exp(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        kernels(n).exp(src, srcOff, dst, dstOff, n);
    }

    /** dst = σ(src) = 1 / (1 + exp(-src)). */
    public static void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        kernels(n).sigmoid(src, srcOff, dst, dstOff, n);
    }

    /** dst = tanh(src), single precision. */
    public static void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        kernels(n).tanh(src, srcOff, dst, dstOff, n);
    }

    /** dst = exp(src), single precision. */
    public static void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        kernels(n).exp(src, srcOff, dst, dstOff, n);
    }

    /** dst = σ(src) = 1 / (1 + exp(-src)), single precision. */
    public static void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        kernels(n).sigmoid(src, srcOff, dst, dstOff, n);
    }

    /**
     * The reverse pass of (leaky) ReLU: v[vOff+i] = z[zOff+i] > 0 ? v[vOff+i] : slope·v[vOff+i],
     * i < n, with exactly 0 where slope is 0. Vectorized: the branch on the sign of z mispredicts
     * about half the time in a scalar loop.
     */
    public static void reluBackward(float[] z, int zOff, float[] v, int vOff, float slope, int n) {
        KERNELS.reluBackward(z, zOff, v, vOff, slope, n);
    }

    /** dst[dOff+i] = Math.max(src[sOff+i], 0f), i < n: float ReLU, vectorized, the same bits. */
    public static void relu(float[] src, int sOff, float[] dst, int dOff, int n) {
        KERNELS.relu(src, sOff, dst, dOff, n);
    }

    /**
     * (Leaky) ReLU and its derivatives, branch-free: out[oOff+i] = u > 0 ? u : slope·u (exactly 0
     * where slope is 0), d1[dOff+i] = u > 0 ? 1 : slope and d2[dOff+i] = 0 when non-null, with
     * u = pre[pOff+i], i < n. The same bits as the scalar rule.
     */
    public static void kink(double[] pre, int pOff, double[] out, int oOff, double[] d1, double[] d2, int dOff,
                            double slope, int n) {
        KERNELS.kink(pre, pOff, out, oOff, d1, d2, dOff, slope, n);
    }

    /**
     * out[oOff + j] (=|+=) Σ_r m[mOff + r·cols + j], j &lt; cols, rows added in order: the bias
     * gradient of a dense layer; vectorized across columns, the same bits as the loop.
     */
    public static void columnSums(float[] m, int mOff, int rows, int cols, boolean accumulate, float[] out, int oOff) {
        KERNELS.columnSums(m, mOff, rows, cols, accumulate, out, oOff);
    }

    /** {@link #columnSums(float[], int, int, int, boolean, float[], int)} in double. */
    public static void columnSums(double[] m, int mOff, int rows, int cols, boolean accumulate, double[] out,
                                  int oOff) {
        KERNELS.columnSums(m, mOff, rows, cols, accumulate, out, oOff);
    }

    /** out[oOff + i] = a[aOff + i]·b[bOff + i], i &lt; n: the loop's bits, in lanes. */
    public static void multiply(double[] a, int aOff, double[] b, int bOff, double[] out, int oOff, int n) {
        KERNELS.multiply(a, aOff, b, bOff, out, oOff, n);
    }

    /** out[oOff + i] = a[aOff + i]·b[bOff + i], i &lt; n: the loop's bits, in lanes. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
        KERNELS.multiply(a, aOff, b, bOff, out, oOff, n);
    }

    /** True when every v[off + i], i < n, is finite (no NaN, no ±∞). */
    public static boolean allFinite(double[] v, int off, int n) {
        return KERNELS.allFinite(v, off, n);
    }

    /** True when every v[off + i], i < n, is finite (no NaN, no ±∞). */
    public static boolean allFinite(float[] v, int off, int n) {
        return KERNELS.allFinite(v, off, n);
    }

    /**
     * The kernels for a range of n values: below {@value #VECTOR_FROM} the scalar loops (same bits).
     * A short range gains little from lanes, and until C2 has compiled a vector kernel every lane
     * operation allocates a box and runs the API's Java fallback; a kernel called once per step
     * on a few hundred values (the special neuron's exp over a minibatch) reaches C2 only after
     * thousands of calls, so a short run would pay for it throughout and allocate in every step.
     */
    private static ElementwiseKernels kernels(int n) {
        return n < VECTOR_FROM ? ScalarElementwise.INSTANCE : KERNELS;
    }

    /** Shortest range the transcendental functions run on the vector kernels. */
    static final int VECTOR_FROM = 512;

    private static ElementwiseKernels choose() {
        if (!Backends.vectorApiAvailable()
                || "false".equalsIgnoreCase(System.getProperty("oneneuron.vector.math", "true"))) {
            return ScalarElementwise.INSTANCE;
        }
        try {
            return (ElementwiseKernels) Class.forName("org.oneneuron.linalg.VectorElementwise")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger(ArrayMath.class.getName()).log(Level.WARNING,
                    "the vector element-wise kernels could not be loaded ("
                            + (e.getMessage() == null ? "no reason given" : e.getMessage())
                            + "); the scalar ones give the same numbers");
            return ScalarElementwise.INSTANCE;
        }
    }
}
