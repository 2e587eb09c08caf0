package org.oneneuron.engine;

import java.util.Arrays;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Blas;
import org.oneneuron.model.Activation;

/** {@link Arith} in float64; the rules over windows (pooling, convolutions) are in {@link F64Windows}. */
final class F64Arith extends F64Windows {

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
        ArrayMath.columnSums(m.d, mOff, rows, cols, accumulate, out.d, oOff);
    }

    @Override
    void activate(Activation act, Buf pre, int pOff, Buf out, int oOff, Buf d1, Buf d2, int n) {
        if (act.hasKink()) {
            // Activation.apply's rule without its branch (random signs mispredict half the time).
            double left = act.kind() == Activation.Kind.RELU ? 0 : act.slope();
            ArrayMath.kink(pre.d, pOff, out.d, oOff, d1 == null ? null : d1.d, d2 == null ? null : d2.d, 0, left, n);
            return;
        }
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
        ArrayMath.multiply(dy.d, yOff, d1.d, 0, dx.d, xOff, n);
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
        ArrayMath.multiply(a.d, aOff, b.d, bOff, out.d, oOff, n);
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
