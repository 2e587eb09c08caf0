package org.oneneuron.linalg;

/** Scalar loops over java.lang.Math: the reference and the fallback without the Vector API. */
final class ScalarElementwise implements ElementwiseKernels {

    static final ScalarElementwise INSTANCE = new ScalarElementwise();

    private ScalarElementwise() {
    }

    @Override
    public void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = Math.tanh(src[srcOff + i]);
        }
    }

    @Override
    public void exp(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = Math.exp(src[srcOff + i]);
        }
    }

    @Override
    public void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = 1.0 / (1.0 + Math.exp(-src[srcOff + i]));
        }
    }

    @Override
    public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) Math.tanh(src[srcOff + i]);
        }
    }

    @Override
    public void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) Math.exp(src[srcOff + i]);
        }
    }

    @Override
    public void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = (float) (1.0 / (1.0 + Math.exp(-src[srcOff + i])));
        }
    }
}
