package org.oneneuron.engine;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Blas;
import org.oneneuron.model.Activation;

/**
 * {@link Arith} in float32 (products through sgemm/sgemv; sums and dots accumulate in double).
 * tanh and σ use the float kernels of {@link ArrayMath}; relu and leaky relu keep no σ' (the
 * reverse pass masks on the sign of the pre-activation).
 */
final class F32Arith extends Arith {

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
        float[] o = out.f;
        float[] v = m.f;
        if (!accumulate) {
            Arrays.fill(o, oOff, oOff + cols, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int row = mOff + r * cols;
            for (int j = 0; j < cols; j++) {
                o[oOff + j] += v[row + j];
            }
        }
    }

    @Override
    void rowSums(Buf m, int mOff, int rows, int cols, boolean accumulate, Buf out, int oOff) {
        float[] v = m.f;
        for (int i = 0; i < rows; i++) {
            float s = accumulate ? out.f[oOff + i] : 0f;
            int row = mOff + i * cols;
            for (int j = 0; j < cols; j++) {
                s += v[row + j];
            }
            out.f[oOff + i] = s;
        }
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
                        for (int i = 0; i < n; i++) {
                            o[oOff + i] = Math.max(p[pOff + i], 0f);
                        }
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
        float[] g = d1.f;
        float[] y = dy.f;
        float[] x = dx.f;
        for (int i = 0; i < n; i++) {
            x[xOff + i] = y[yOff + i] * g[i];
        }
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
        for (int i = 0; i < n; i++) {
            out.f[oOff + i] = a.f[aOff + i] * b.f[bOff + i];
        }
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
    void axpby(double alpha, Buf x, int xOff, double beta, Buf y, int yOff, int n) {
        float a = (float) alpha;
        float b = (float) beta;
        for (int i = 0; i < n; i++) {
            y.f[yOff + i] = a * x.f[xOff + i] + b * y.f[yOff + i];
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
    void gather(Buf src, int sOff, int[] idx, int iOff, int n, Buf dst, int dOff) {
        float[] s = src.f;
        float[] d = dst.f;
        for (int i = 0; i < n; i++) {
            int k = idx[iOff + i];
            d[dOff + i] = k < 0 ? 0f : s[sOff + k];
        }
    }

    @Override
    void scatterAdd(Buf src, int sOff, int[] idx, int iOff, int n, int group, double alpha, Buf dst, int dOff) {
        float[] s = src.f;
        float[] d = dst.f;
        float a = (float) alpha;
        for (int i = 0; i < n; i++) {
            int k = idx[iOff + i];
            if (k >= 0) {
                d[dOff + k] += a == 1f ? s[sOff + i / group] : a * s[sOff + i / group];
            }
        }
    }

    @Override
    void maxWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff, int[] arg, int aOff) {
        float[] s = src.f;
        for (int o = 0; o < outputs; o++) {
            int base = o * k;
            int best = win[base];
            float m = s[sOff + best];
            for (int j = 1; j < k; j++) {
                int at = win[base + j];
                float v = s[sOff + at];
                if (v > m || v != v) {
                    m = v;
                    best = at;
                }
            }
            dst.f[dOff + o] = m;
            arg[aOff + o] = best;
        }
    }

    @Override
    void maxPool2x2(Buf src, int sOff, int channels, int h, int w, Buf dst, int dOff, int[] arg, int aOff) {
        float[] x = src.f;
        float[] y = dst.f;
        int oh = h / 2;
        int ow = w / 2;
        int o = 0;
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < oh; i++) {
                int top = ch * h * w + 2 * i * w;
                for (int j = 0; j < ow; j++, o++) {
                    // Conditional moves, not branches: which of four random values is largest
                    // mispredicts half the time. A NaN anywhere in the window is the output.
                    int at = top + 2 * j;
                    float v0 = x[sOff + at];
                    float v1 = x[sOff + at + 1];
                    float v2 = x[sOff + at + w];
                    float v3 = x[sOff + at + w + 1];
                    boolean t = v1 > v0;
                    float m = t ? v1 : v0;
                    int best = t ? at + 1 : at;
                    t = v2 > m;
                    m = t ? v2 : m;
                    best = t ? at + w : best;
                    t = v3 > m;
                    m = t ? v3 : m;
                    best = t ? at + w + 1 : best;
                    boolean nan = (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3);
                    y[dOff + o] = nan ? Float.NaN : m;
                    arg[aOff + o] = best;
                }
            }
        }
    }

    @Override
    void meanWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff) {
        float[] s = src.f;
        float inv = 1f / k;
        for (int o = 0; o < outputs; o++) {
            float acc = 0;
            for (int j = 0; j < k; j++) {
                acc += s[sOff + win[o * k + j]];
            }
            dst.f[dOff + o] = acc * inv;
        }
    }

    @Override
    void im2col(Buf x, int xOff, int[] runs, Buf cols, int ld, int colBase) {
        float[] src = x.f;
        float[] dst = cols.f;
        for (int q = 0; q < runs.length; q += 5) {
            int s = xOff + runs[q];
            int o = runs[q + 1] * ld + colBase + runs[q + 2];
            int len = runs[q + 3];
            int stride = runs[q + 4];
            if (stride == 1 && len > 32) {
                System.arraycopy(src, s, dst, o, len);
            } else if (stride == 1) {
                for (int t = 0; t < len; t++) {
                    dst[o + t] = src[s + t];
                }
            } else {
                for (int t = 0; t < len; t++) {
                    dst[o + t] = src[s + t * stride];
                }
            }
        }
    }

    @Override
    void col2im(Buf cols, int ld, int colBase, int[] runs, Buf dx, int dxOff) {
        float[] src = cols.f;
        float[] dst = dx.f;
        for (int q = 0; q < runs.length; q += 5) {
            int s = dxOff + runs[q];
            int o = runs[q + 1] * ld + colBase + runs[q + 2];
            int len = runs[q + 3];
            int stride = runs[q + 4];
            for (int t = 0; t < len; t++) {
                dst[s + t * stride] += src[o + t];
            }
        }
    }

    @Override
    void copyRuns(Buf src, int sOff, int sStride, Buf dst, int dOff, int dStride, int count, int len) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(src.f, sOff + i * sStride, dst.f, dOff + i * dStride, len);
        }
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
