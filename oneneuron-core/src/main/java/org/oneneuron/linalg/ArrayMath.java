package org.oneneuron.linalg;

/**
 * Element-wise transcendental functions over array ranges, the hot spots of activations and the
 * special neuron: dst[dstOff+i] = f(src[srcOff+i]) for i in [0, n). src and dst may be the same
 * range (in place). The linalg work vectorizes these; this version is the scalar reference.
 */
public final class ArrayMath {

    private ArrayMath() {
    }

    /** dst = tanh(src). */
    public static void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = Math.tanh(src[srcOff + i]);
        }
    }

    /** dst = exp(src). */
    public static void exp(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = Math.exp(src[srcOff + i]);
        }
    }

    /** dst = tanh(src), single precision. */
    public static void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) Math.tanh(src[srcOff + i]);
        }
    }

    /** dst = exp(src), single precision. */
    public static void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) Math.exp(src[srcOff + i]);
        }
    }
}
