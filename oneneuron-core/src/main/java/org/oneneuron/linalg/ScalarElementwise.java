package org.oneneuron.linalg;

/**
 * Scalar loops over {@link DeterministicMath}: the fallback without the Vector API and the tail of
 * {@link VectorElementwise}, giving the same bits as its lanes.
 */
final class ScalarElementwise implements ElementwiseKernels {

    static final ScalarElementwise INSTANCE = new ScalarElementwise();

    private ScalarElementwise() {
    }

    @Override
    public void tanh(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = DeterministicMath.tanh(src[srcOff + i]);
        }
    }

    @Override
    public void exp(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = DeterministicMath.exp(src[srcOff + i]);
        }
    }

    @Override
    public void sigmoid(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = DeterministicMath.sigmoid(src[srcOff + i]);
        }
    }

    @Override
    public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = DeterministicMath.tanh(src[srcOff + i]);
        }
    }

    @Override
    public void exp(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = DeterministicMath.exp(src[srcOff + i]);
        }
    }

    @Override
    public void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dstOff + i] = DeterministicMath.sigmoid(src[srcOff + i]);
        }
    }
}
