package org.oneneuron.engine;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Blas;
import org.oneneuron.model.Activation;

/** {@link Arith} in float64. */
final class F64Arith extends Arith {

    F64Arith(Blas blas) {
        super(blas);
    }

    @Override
    Buf alloc(int n) {
        return new Buf(new double[n]);
    }

    @Override
    String precision() {
        return "float64";
    }

    @Override
    void gemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int aOff, int lda, Buf b, int bOff,
              int ldb, boolean accumulate, Buf c, int cOff, int ldc) {
        blas.dgemm(transA, transB, m, n, k, 1.0, a.d, aOff, lda, b.d, bOff, ldb, accumulate ? 1.0 : 0.0,
                c.d, cOff, ldc);
    }

    @Override
    void gemv(boolean transA, int m, int n, Buf a, int aOff, int lda, Buf x, int xOff, boolean accumulate,
              Buf y, int yOff) {
        blas.dgemv(transA, m, n, 1.0, a.d, aOff, lda, x.d, xOff, accumulate ? 1.0 : 0.0, y.d, yOff);
    }

    @Override
    void fillRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src.d, sOff, dst.d, dOff + r * cols, cols);
        }
    }

    @Override
    void fillChannels(Buf src, int sOff, int channels, int area, Buf dst, int dOff) {
        for (int c = 0; c < channels; c++) {
            Arrays.fill(dst.d, dOff + c * area, dOff + (c + 1) * area, src.d[sOff + c]);
        }
    }

    @Override
    void columnSums(Buf m, int mOff, int rows, int cols, boolean accumulate, Buf out, int oOff) {
        double[] o = out.d;
        double[] v = m.d;
        if (!accumulate) {
            Arrays.fill(o, oOff, oOff + cols, 0.0);
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
        double[] v = m.d;
        for (int i = 0; i < rows; i++) {
            double s = accumulate ? out.d[oOff + i] : 0.0;
            int row = mOff + i * cols;
            for (int j = 0; j < cols; j++) {
                s += v[row + j];
            }
            out.d[oOff + i] = s;
        }
    }

    @Override
    void activate(Activation act, Buf pre, int pOff, Buf out, int oOff, Buf d1, Buf d2, int n) {
        if (pOff == 0 && oOff == 0) {
            act.apply(pre.d, out.d, d1 == null ? null : d1.d, d2 == null ? null : d2.d, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            double u = pre.d[pOff + i];
            out.d[oOff + i] = act.value(u);
            if (d1 != null) {
                d1.d[i] = act.d1(u);
            }
            if (d2 != null) {
                d2.d[i] = act.d2(u);
            }
        }
    }

    @Override
    boolean storesDerivative(Activation act) {
        return true;
    }

    @Override
    void activationBackward(Activation act, Buf pre, int pOff, Buf d1, Buf dy, int yOff, Buf dx, int xOff, int n) {
        double[] g = d1.d;
        double[] y = dy.d;
        double[] x = dx.d;
        for (int i = 0; i < n; i++) {
            x[xOff + i] = y[yOff + i] * g[i];
        }
    }

    @Override
    void addRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            int row = dOff + r * cols;
            for (int j = 0; j < cols; j++) {
                dst.d[row + j] += src.d[sOff + j];
            }
        }
    }

    @Override
    void outer(int rows, int cols, Buf a, int aOff, Buf b, int bOff, boolean accumulate, Buf out, int oOff) {
        for (int r = 0; r < rows; r++) {
            double ar = a.d[aOff + r];
            int row = oOff + r * cols;
            for (int j = 0; j < cols; j++) {
                double p = ar * b.d[bOff + j];
                out.d[row + j] = accumulate ? out.d[row + j] + p : p;
            }
        }
    }

    @Override
    void outerPair(int rows, int cols, Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff,
                   boolean accumulate, Buf out, int oOff) {
        for (int r = 0; r < rows; r++) {
            double ar = a.d[aOff + r];
            double cr = c.d[cOff + r];
            int row = oOff + r * cols;
            for (int j = 0; j < cols; j++) {
                double p = ar * b.d[bOff + j] + cr * e.d[eOff + j];
                out.d[row + j] = accumulate ? out.d[row + j] + p : p;
            }
        }
    }

    @Override
    void mulAdd(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out.d[oOff + i] += a.d[aOff + i] * b.d[bOff + i];
        }
    }

    @Override
    void mul(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n) {
        for (int i = 0; i < n; i++) {
            out.d[oOff + i] = a.d[aOff + i] * b.d[bOff + i];
        }
    }

    @Override
    void mulPlusTriple(Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff, Buf g, int gOff,
                       Buf out, int oOff, int n) {
        double[] av = a.d;
        double[] bv = b.d;
        double[] cv = c.d;
        double[] ev = e.d;
        double[] gv = g.d;
        double[] o = out.d;
        for (int i = 0; i < n; i++) {
            o[oOff + i] = av[aOff + i] * bv[bOff + i] + cv[cOff + i] * ev[eOff + i] * gv[gOff + i];
        }
    }

    @Override
    void axpy(double alpha, Buf x, int xOff, Buf y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y.d[yOff + i] += alpha * x.d[xOff + i];
        }
    }

    @Override
    void axpby(double alpha, Buf x, int xOff, double beta, Buf y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y.d[yOff + i] = alpha * x.d[xOff + i] + beta * y.d[yOff + i];
        }
    }

    @Override
    void shiftScale(Buf x, int xOff, double t, double s, Buf y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y.d[yOff + i] = s * (x.d[xOff + i] + t);
        }
    }

    @Override
    double sum(Buf x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x.d[off + i];
        }
        return s;
    }

    @Override
    double dot(Buf x, int xOff, Buf y, int yOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x.d[xOff + i] * y.d[yOff + i];
        }
        return s;
    }

    @Override
    void gather(Buf src, int sOff, int[] idx, int iOff, int n, Buf dst, int dOff) {
        double[] s = src.d;
        double[] d = dst.d;
        for (int i = 0; i < n; i++) {
            int k = idx[iOff + i];
            d[dOff + i] = k < 0 ? 0.0 : s[sOff + k];
        }
    }

    @Override
    void scatterAdd(Buf src, int sOff, int[] idx, int iOff, int n, int group, double alpha, Buf dst, int dOff) {
        double[] s = src.d;
        double[] d = dst.d;
        for (int i = 0; i < n; i++) {
            int k = idx[iOff + i];
            if (k >= 0) {
                d[dOff + k] += alpha == 1 ? s[sOff + i / group] : alpha * s[sOff + i / group];
            }
        }
    }

    @Override
    void maxWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff, int[] arg, int aOff) {
        double[] s = src.d;
        for (int o = 0; o < outputs; o++) {
            int base = o * k;
            int best = win[base];
            double m = s[sOff + best];
            for (int j = 1; j < k; j++) {
                int at = win[base + j];
                double v = s[sOff + at];
                if (v > m || v != v) {
                    m = v;
                    best = at;
                }
            }
            dst.d[dOff + o] = m;
            arg[aOff + o] = best;
        }
    }

    @Override
    void maxPool2x2(Buf src, int sOff, int channels, int h, int w, Buf dst, int dOff, int[] arg, int aOff) {
        double[] x = src.d;
        double[] y = dst.d;
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
                    double v0 = x[sOff + at];
                    double v1 = x[sOff + at + 1];
                    double v2 = x[sOff + at + w];
                    double v3 = x[sOff + at + w + 1];
                    boolean t = v1 > v0;
                    double m = t ? v1 : v0;
                    int best = t ? at + 1 : at;
                    t = v2 > m;
                    m = t ? v2 : m;
                    best = t ? at + w : best;
                    t = v3 > m;
                    m = t ? v3 : m;
                    best = t ? at + w + 1 : best;
                    boolean nan = (v0 != v0) | (v1 != v1) | (v2 != v2) | (v3 != v3);
                    y[dOff + o] = nan ? Double.NaN : m;
                    arg[aOff + o] = best;
                }
            }
        }
    }

    @Override
    void meanWindows(Buf src, int sOff, int[] win, int k, int outputs, Buf dst, int dOff) {
        double[] s = src.d;
        double inv = 1.0 / k;
        for (int o = 0; o < outputs; o++) {
            double acc = 0;
            for (int j = 0; j < k; j++) {
                acc += s[sOff + win[o * k + j]];
            }
            dst.d[dOff + o] = acc * inv;
        }
    }

    @Override
    void im2col(Buf x, int xOff, int[] runs, Buf cols, int ld, int colBase) {
        double[] src = x.d;
        double[] dst = cols.d;
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
        double[] src = cols.d;
        double[] dst = dx.d;
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
            System.arraycopy(src.d, sOff + i * sStride, dst.d, dOff + i * dStride, len);
        }
    }

    @Override
    void zero(Buf dst, int dOff, int n) {
        Arrays.fill(dst.d, dOff, dOff + n, 0.0);
    }

    @Override
    void copy(Buf src, int sOff, Buf dst, int dOff, int n) {
        System.arraycopy(src.d, sOff, dst.d, dOff, n);
    }

    @Override
    boolean allFinite(Buf x, int off, int n) {
        return ArrayMath.allFinite(x.d, off, n);
    }
}
