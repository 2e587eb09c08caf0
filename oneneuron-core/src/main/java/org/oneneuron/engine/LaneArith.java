package org.oneneuron.engine;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.PlainBlas;
import org.oneneuron.model.Activation;

/**
 * {@link Arith} for R networks of one architecture at once, in float64: every element of a buffer
 * holds R values, one per network ("lane"), element-major (element e of network r at e·R + r), so
 * every loop runs over the networks and vectorizes. A {@link Buf#shared} buffer (the data) holds
 * one value per element that every network reads. Nothing is summed across lanes, and each lane
 * computes exactly what {@link F64Arith} on {@link PlainBlas} computes for that network alone (the
 * same products in the same order: Σ_p a·b from 0, then the accumulated output added), so a
 * network's bits do not depend on the batch it runs in. Covers the rules of dense layers and
 * activations (many small MLPs); the other layers' statistics and window searches are per network
 * and are refused at construction ({@link LanePasses}).
 */
final class LaneArith extends Arith {

    final int lanes;
    private final double[] acc;

    LaneArith(int lanes) {
        super(PlainBlas.INSTANCE);
        this.lanes = lanes;
        this.acc = new double[lanes];
    }

    @Override
    Buf alloc(int n) {
        return new Buf(new double[n * lanes]);
    }

    @Override
    String precision() {
        return "float64 x " + lanes + " networks";
    }

    /** Adds a(e)·b(f) to acc over the lanes; either operand may be shared. */
    private void addProducts(Buf a, int ea, Buf b, int eb) {
        double[] s = acc;
        int r = lanes;
        if (a.shared) {
            double av = a.d[ea];
            int bo = eb * r;
            for (int l = 0; l < r; l++) {
                s[l] += av * b.d[bo + l];
            }
        } else if (b.shared) {
            double bv = b.d[eb];
            int ao = ea * r;
            for (int l = 0; l < r; l++) {
                s[l] += a.d[ao + l] * bv;
            }
        } else {
            int ao = ea * r;
            int bo = eb * r;
            for (int l = 0; l < r; l++) {
                s[l] += a.d[ao + l] * b.d[bo + l];
            }
        }
    }

    /** c(e) = acc (+ c(e) when accumulating). */
    private void store(boolean accumulate, Buf c, int ec) {
        int o = ec * lanes;
        double[] cd = c.d;
        if (accumulate) {
            for (int l = 0; l < lanes; l++) {
                cd[o + l] = acc[l] + cd[o + l];
            }
        } else {
            System.arraycopy(acc, 0, cd, o, lanes);
        }
    }

    @Override
    void gemm(boolean transA, boolean transB, int m, int n, int k, Buf a, int aOff, int lda, Buf b, int bOff,
              int ldb, boolean accumulate, Buf c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                Arrays.fill(acc, 0);
                for (int p = 0; p < k; p++) {
                    addProducts(a, transA ? aOff + p * lda + i : aOff + i * lda + p,
                            b, transB ? bOff + j * ldb + p : bOff + p * ldb + j);
                }
                store(accumulate, c, cOff + i * ldc + j);
            }
        }
    }

    @Override
    void gemv(boolean transA, int m, int n, Buf a, int aOff, int lda, Buf x, int xOff, boolean accumulate,
              Buf y, int yOff) {
        int rows = transA ? n : m;
        int cols = transA ? m : n;
        for (int i = 0; i < rows; i++) {
            Arrays.fill(acc, 0);
            for (int j = 0; j < cols; j++) {
                addProducts(a, transA ? aOff + j * lda + i : aOff + i * lda + j, x, xOff + j);
            }
            store(accumulate, y, yOff + i);
        }
    }

    @Override
    void fillRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src.d, sOff * lanes, dst.d, (dOff + r * cols) * lanes, cols * lanes);
        }
    }

    @Override
    void addRows(Buf src, int sOff, int rows, int cols, Buf dst, int dOff) {
        int n = cols * lanes;
        for (int r = 0; r < rows; r++) {
            int o = (dOff + r * cols) * lanes;
            int s = sOff * lanes;
            for (int i = 0; i < n; i++) {
                dst.d[o + i] += src.d[s + i];
            }
        }
    }

    @Override
    void columnSums(Buf m, int mOff, int rows, int cols, boolean accumulate, Buf out, int oOff) {
        int n = cols * lanes;
        int o = oOff * lanes;
        if (!accumulate) {
            Arrays.fill(out.d, o, o + n, 0.0);
        }
        for (int r = 0; r < rows; r++) {
            int row = (mOff + r * cols) * lanes;
            for (int i = 0; i < n; i++) {
                out.d[o + i] += m.d[row + i];
            }
        }
    }

    @Override
    void activate(Activation act, Buf pre, int pOff, Buf out, int oOff, Buf d1, Buf d2, int n) {
        if (pre.shared) {
            throw new IllegalArgumentException("an activation cannot read the data directly in the many-networks mode");
        }
        int len = n * lanes;
        if (pOff == 0 && oOff == 0) {
            act.apply(pre.d, out.d, d1 == null ? null : d1.d, d2 == null ? null : d2.d, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            double u = pre.d[pOff * lanes + i];
            out.d[oOff * lanes + i] = act.value(u);
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
        mul(dy, yOff, d1, 0, dx, xOff, n);
    }

    @Override
    void outer(int rows, int cols, Buf a, int aOff, Buf b, int bOff, boolean accumulate, Buf out, int oOff) {
        for (int r = 0; r < rows; r++) {
            int ar = (aOff + r) * lanes;
            for (int j = 0; j < cols; j++) {
                int bj = (bOff + j) * lanes;
                int o = (oOff + r * cols + j) * lanes;
                for (int l = 0; l < lanes; l++) {
                    double p = a.d[ar + l] * b.d[bj + l];
                    out.d[o + l] = accumulate ? out.d[o + l] + p : p;
                }
            }
        }
    }

    @Override
    void outerPair(int rows, int cols, Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff,
                   boolean accumulate, Buf out, int oOff) {
        for (int r = 0; r < rows; r++) {
            int ar = (aOff + r) * lanes;
            int cr = (cOff + r) * lanes;
            for (int j = 0; j < cols; j++) {
                int bj = (bOff + j) * lanes;
                int ej = (eOff + j) * lanes;
                int o = (oOff + r * cols + j) * lanes;
                for (int l = 0; l < lanes; l++) {
                    double p = a.d[ar + l] * b.d[bj + l] + c.d[cr + l] * e.d[ej + l];
                    out.d[o + l] = accumulate ? out.d[o + l] + p : p;
                }
            }
        }
    }

    @Override
    void mulAdd(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n) {
        int len = n * lanes;
        for (int i = 0; i < len; i++) {
            out.d[oOff * lanes + i] += a.d[aOff * lanes + i] * b.d[bOff * lanes + i];
        }
    }

    @Override
    void mul(Buf a, int aOff, Buf b, int bOff, Buf out, int oOff, int n) {
        int len = n * lanes;
        for (int i = 0; i < len; i++) {
            out.d[oOff * lanes + i] = a.d[aOff * lanes + i] * b.d[bOff * lanes + i];
        }
    }

    @Override
    void mulPlusTriple(Buf a, int aOff, Buf b, int bOff, Buf c, int cOff, Buf e, int eOff, Buf g, int gOff,
                       Buf out, int oOff, int n) {
        int len = n * lanes;
        for (int i = 0; i < len; i++) {
            out.d[oOff * lanes + i] = a.d[aOff * lanes + i] * b.d[bOff * lanes + i]
                    + c.d[cOff * lanes + i] * e.d[eOff * lanes + i] * g.d[gOff * lanes + i];
        }
    }

    @Override
    void axpy(double alpha, Buf x, int xOff, Buf y, int yOff, int n) {
        int len = n * lanes;
        for (int i = 0; i < len; i++) {
            y.d[yOff * lanes + i] += alpha * x.d[xOff * lanes + i];
        }
    }

    @Override
    void zero(Buf dst, int dOff, int n) {
        Arrays.fill(dst.d, dOff * lanes, (dOff + n) * lanes, 0.0);
    }

    @Override
    void copy(Buf src, int sOff, Buf dst, int dOff, int n) {
        System.arraycopy(src.d, sOff * lanes, dst.d, dOff * lanes, n * lanes);
    }

    @Override
    boolean allFinite(Buf x, int off, int n) {
        return ArrayMath.allFinite(x.d, off * lanes, n * lanes);
    }
}
