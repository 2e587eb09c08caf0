package org.oneneuron.engine;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Blas;
import org.oneneuron.model.Activation;

/**
 * {@link Arith} in float32 (products through sgemm/sgemv; sums and dots accumulate in double).
 * tanh and σ use the float kernels of {@link ArrayMath}; relu and leaky relu keep no σ' (the
 * reverse pass masks on the sign of the pre-activation). The rules over windows (pooling,
 * convolutions) are in {@link F32Windows}.
 */
final class F32Arith extends F32Windows {

    F32Arith(Blas blas) {
        super(blas);
    }

    @Override
    Buf alloc(int n) {
        return new Buf(new float[n]);
    }

    @Override
    String precision() {
        return "float32";
    }

    @Override
    void gemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int aOff, int lda, Buf b, int bOff,
              int ldb, boolean accumulate, Buf c, int cOff, int ldc) {
        blas.sgemm(transA, transB, m, n, k, 1f, a.f, aOff, lda, b.f, bOff, ldb, accumulate ? 1f : 0f,
                c.f, cOff, ldc);
    }

    @Override
    void gemv(boolean transA, int m, int n, Buf a, int aOff, int lda, Buf x, int xOff, boolean accumulate,
              Buf y, int yOff) {
        blas.sgemv(transA, m, n, 1f, a.f, aOff, lda, x.f, xOff, accumulate ? 1f : 0f, y.f, yOff);
    }

    @Override
    void fillRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src.f, sOff, dst.f, dOff + r * cols, cols);
        }
    }

    @Override
    void fillChannels(Buf src, int sOff, int channels, int area, Buf dst, int dOff) {
        for (int c = 0; c < channels; c++) {
            Arrays.fill(dst.f, dOff + c * area, dOff + (c + 1) * area, src.f[sOff + c]);
        }
    }

    @Override
    void columnSums(Buf m, int mOff, int rows, int cols, boolean accumulate, Buf out, int oOff) {
        ArrayMath.columnSums(m.f, mOff, rows, cols, accumulate, out.f, oOff);
    }


    @Override
    void activate(Activation act, Buf pre, int pOff, Buf out, int oOff, Buf d1, Buf d2, int n) {
        float[] p = pre.f;
        float[] o = out.f;
        switch (act.kind()) {
            case RELU, LEAKY_RELU -> {
                float left = (float) act.slope();
                if (d1 == null && d2 == null) {
                    if (left == 0) {
                        ArrayMath.relu(p, pOff, o, oOff, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            float v = p[pOff + i];
                            o[oOff + i] = v > 0 ? v : left * v;
                        }
                    }
                    return;
                }
                for (int i = 0; i < n; i++) {
                    float v = p[pOff + i];
                    boolean positive = v > 0;
                    o[oOff + i] = positive ? v : left == 0 ? 0f : left * v;
                    if (d1 != null) {
                        d1.f[i] = positive ? 1f : left;
                    }
                    if (d2 != null) {
                        d2.f[i] = 0f;
                    }
                }
            }
            case TANH -> {
                ArrayMath.tanh(p, pOff, o, oOff, n);
                for (int i = 0; d1 != null && i < n; i++) {
                    float t = o[oOff + i];
                    float g = 1f - t * t;
                    d1.f[i] = g;
                    if (d2 != null) {
                        d2.f[i] = -2f * t * g;
                    }
                }
            }
            case SIGMOID -> {
                ArrayMath.sigmoid(p, pOff, o, oOff, n);
                for (int i = 0; d1 != null && i < n; i++) {
                    float s = o[oOff + i];
                    float g = s * (1f - s);
                    d1.f[i] = g;
                    if (d2 != null) {
                        d2.f[i] = g * (1f - 2f * s);
                    }
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    double u = p[pOff + i];
                    o[oOff + i] = (float) act.value(u);
                    if (d1 != null) {
                        d1.f[i] = (float) act.d1(u);
                    }
                    if (d2 != null) {
                        d2.f[i] = (float) act.d2(u);
                    }
                }
            }
        }
    }

    @Override
    boolean storesDerivative(Activation act) {
        return !act.hasKink();
    }

    @Override
    void activationBackward(Activation act, Buf pre, int pOff, Buf d1, Buf dy, int yOff, Buf dx, int xOff, int n) {
        if (d1 == null) {
            if (dx != dy || xOff != yOff) {
                System.arraycopy(dy.f, yOff, dx.f, xOff, n);
            }
            ArrayMath.reluBackward(pre.f, pOff, dx.f, xOff, (float) act.slope(), n);
            return;
        }
        ArrayMath.multiply(dy.f, yOff, d1.f, 0, dx.f, xOff, n);
    }

    @Override
    void addRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            int row = dOff + r * cols;
            for (int j = 0; j < cols; j++) {
                dst.f[row + j] += src.f[sOff + j];
            }
        }
    }

    @Override
    void outer(int rows, int cols, Buf a, int aOff, Buf b, int bOff, boolean accumulate, Buf out, int oOff) {
        for (int r = 0; r < rows; r++) {
            float ar = a.f[aOff + r];
            int row = oOff + r * cols;
            for (int j = 0; j < cols; j++) {
                float p = ar * b.f[bOff + j];
                out.f[row + j] = accumulate ? out.f[row + j] + p : p;
            }
        }
    }

    @Override
    void outerPair(int rows, int cols, Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff,
                   boolean accumulate, Buf out, int oOff) {
        for (int r = 0; r < rows; r++) {
            float ar = a.f[aOff + r];
            float cr = c.f[cOff + r];
            int row = oOff + r * cols;
            for (int j = 0; j < cols; j++) {
                float p = ar * b.f[bOff + j] + cr * e.f[eOff + j];
                out.f[row + j] = accumulate ? out.f[row + j] + p : p;
            }
        }
    }

    @Override
    void mulAdd(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out.f[oOff + i] += a.f[aOff + i] * b.f[bOff + i];
        }
    }

    @Override
    void mul(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n) {
        ArrayMath.multiply(a.f, aOff, b.f, bOff, out.f, oOff, n);
    }

    @Override
    void mulPlusTriple(Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff, Buf g, int gOff,
                       Buf out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out.f[oOff + i] = a.f[aOff + i] * b.f[bOff + i] + c.f[cOff + i] * e.f[eOff + i] * g.f[gOff + i];
        }
    }

    @Override
    void axpy(double alpha, Buf x, int xOff, Buf y, int yOff, int n) {
        float a = (float) alpha;
        for (int i = 0; i < n; i++) {
            y.f[yOff + i] += a * x.f[xOff + i];
        }
    }


    @Override
    void shiftScale(Buf x, int xOff, double t, double s, Buf y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y.f[yOff + i] = (float) (s * (x.f[xOff + i] + t));
        }
    }

    @Override
    double sum(Buf x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x.f[off + i];
        }
        return s;
    }

    @Override
    double dot(Buf x, int xOff, Buf y, int yOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) x.f[xOff + i] * y.f[yOff + i];
        }
        return s;
    }

    @Override
    void zero(Buf dst, int dOff, int n) {
        Arrays.fill(dst.f, dOff, dOff + n, 0f);
    }

    @Override
    void copy(Buf src, int sOff, Buf dst, int dOff, int n) {
        System.arraycopy(src.f, sOff, dst.f, dOff, n);
    }

    @Override
    boolean allFinite(Buf x, int off, int n) {
        return ArrayMath.allFinite(x.f, off, n);
    }
}
