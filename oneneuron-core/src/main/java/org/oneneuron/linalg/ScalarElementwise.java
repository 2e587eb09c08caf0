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

    @Override
    public void reluBackward(float[] z, int zOff, float[] v, int vOff, float slope, int n) {
        for (int i = 0; i < n; i++) {
            float vi = v[vOff + i];
            v[vOff + i] = z[zOff + i] > 0 ? vi : slope == 0f ? 0f : slope * vi;
        }
    }

    @Override
    public void columnSums(float[] m, int mOff, int rows, int cols, boolean accumulate, float[] out, int oOff) {
        if (!accumulate) {
            java.util.Arrays.fill(out, oOff, oOff + cols, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int row = mOff + r * cols;
            for (int j = 0; j < cols; j++) {
                out[oOff + j] += m[row + j];
            }
        }
    }

    @Override
    public void columnSums(double[] m, int mOff, int rows, int cols, boolean accumulate, double[] out, int oOff) {
        if (!accumulate) {
            java.util.Arrays.fill(out, oOff, oOff + cols, 0.0);
        }
        for (int r = 0; r < rows; r++) {
            int row = mOff + r * cols;
            for (int j = 0; j < cols; j++) {
                out[oOff + j] += m[row + j];
            }
        }
    }

    @Override
    public void multiply(double[] a, int aOff, double[] b, int bOff, double[] out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void multiply(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out[oOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    @Override
    public void relu(float[] src, int sOff, float[] dst, int dOff, int n) {
        for (int i = 0; i < n; i++) {
            dst[dOff + i] = Math.max(src[sOff + i], 0f);
        }
    }

    @Override
    public void kink(double[] pre, int pOff, double[] out, int oOff, double[] d1, double[] d2, int dOff, double slope,
                     int n) {
        for (int i = 0; i < n; i++) {
            double u = pre[pOff + i];
            boolean positive = u > 0;
            out[oOff + i] = positive ? u : slope == 0 ? 0 : slope * u;
            if (d1 != null) {
                d1[dOff + i] = positive ? 1 : slope;
            }
            if (d2 != null) {
                d2[dOff + i] = 0;
            }
        }
    }

    /**
     * v·0 is 0 for finite v and NaN otherwise; four interleaved partial sums of it keep four adds
     * in flight instead of one chain.
     */
    @Override
    public boolean allFinite(double[] v, int off, int n) {
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double c3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            c0 += v[off + i] * 0.0;
            c1 += v[off + i + 1] * 0.0;
            c2 += v[off + i + 2] * 0.0;
            c3 += v[off + i + 3] * 0.0;
        }
        for (; i < n; i++) {
            c0 += v[off + i] * 0.0;
        }
        return (c0 + c1) + (c2 + c3) == 0.0;
    }

    @Override
    public boolean allFinite(float[] v, int off, int n) {
        float c0 = 0f;
        float c1 = 0f;
        float c2 = 0f;
        float c3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            c0 += v[off + i] * 0f;
            c1 += v[off + i + 1] * 0f;
            c2 += v[off + i + 2] * 0f;
            c3 += v[off + i + 3] * 0f;
        }
        for (; i < n; i++) {
            c0 += v[off + i] * 0f;
        }
        return (c0 + c1) + (c2 + c3) == 0f;
    }
}
