package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Blas} on the Java Vector API (jdk.incubator.vector), at the platform's preferred width.
 * GEMM is register-blocked ({@link VectorDgemm}, {@link VectorSgemm}); level 1 and 2 are plain
 * vector loops with scalar tails. Created reflectively by {@link Backends} only when the module is
 * present, so the library still loads without {@code --add-modules jdk.incubator.vector}.
 * Deterministic: the summation order depends only on the shapes and the vector width (ddot/sdot
 * add the lanes of their accumulators in index order, the same bits compiled or interpreted;
 * reduceLanes associates differently in the two). No vector is passed to or returned from a
 * method of ours: C2 may not inline it, and the vector is then boxed at every operation.
 */
public final class VectorBlas implements Blas, VectorWidth {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** Public for reflective creation; use {@link Backends#use(String)} with {@code vector}. */
    public VectorBlas() {
    }

    @Override
    public String name() {
        return "vector-api";
    }

    @Override
    public int vectorBitSize() {
        return D.vectorBitSize();
    }

    @Override
    public double fmaPeakGflops(boolean single) {
        return VectorPeak.gflops(single, 5);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        VectorDgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        VectorSgemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dgemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                      double[] x, int xOff, double beta, double[] y, int yOff) {
        if (!transA) {
            for (int i = 0; i < m; i++) {
                double s = alpha * ddot(n, a, aOff + i * lda, x, xOff);
                y[yOff + i] = beta == 0 ? s : s + beta * y[yOff + i];
            }
            return;
        }
        if (beta == 0) {
            java.util.Arrays.fill(y, yOff, yOff + n, 0.0);
        } else if (beta != 1) {
            dscal(n, beta, y, yOff);
        }
        for (int i = 0; i < m; i++) {
            daxpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
        }
    }

    @Override
    public void sgemv(boolean transA, int m, int n, float alpha, float[] a, int aOff, int lda,
                      float[] x, int xOff, float beta, float[] y, int yOff) {
        if (!transA) {
            for (int i = 0; i < m; i++) {
                float s = alpha * sdot(n, a, aOff + i * lda, x, xOff);
                y[yOff + i] = beta == 0 ? s : s + beta * y[yOff + i];
            }
            return;
        }
        if (beta == 0) {
            java.util.Arrays.fill(y, yOff, yOff + n, 0.0f);
        } else if (beta != 1) {
            sscal(n, beta, y, yOff);
        }
        for (int i = 0; i < m; i++) {
            saxpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
        }
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        int len = D.length();
        int upper = n - n % (2 * len);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        int i = 0;
        for (; i < upper; i += 2 * len) {
            s0 = DoubleVector.fromArray(D, x, xOff + i).fma(DoubleVector.fromArray(D, y, yOff + i), s0);
            s1 = DoubleVector.fromArray(D, x, xOff + i + len)
                    .fma(DoubleVector.fromArray(D, y, yOff + i + len), s1);
        }
        DoubleVector sum = s0.add(s1);
        double s = sum.lane(0);
        for (int j = 1; j < len; j++) {
            s += sum.lane(j);
        }
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public float sdot(int n, float[] x, int xOff, float[] y, int yOff) {
        int len = F.length();
        int upper = n - n % (2 * len);
        FloatVector s0 = FloatVector.zero(F);
        FloatVector s1 = s0;
        int i = 0;
        for (; i < upper; i += 2 * len) {
            s0 = FloatVector.fromArray(F, x, xOff + i).fma(FloatVector.fromArray(F, y, yOff + i), s0);
            s1 = FloatVector.fromArray(F, x, xOff + i + len)
                    .fma(FloatVector.fromArray(F, y, yOff + i + len), s1);
        }
        FloatVector sum = s0.add(s1);
        float s = sum.lane(0);
        for (int j = 1; j < len; j++) {
            s += sum.lane(j);
        }
        for (; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        int upper = D.loopBound(n);
        DoubleVector av = DoubleVector.broadcast(D, alpha);
        int i = 0;
        for (; i < upper; i += D.length()) {
            DoubleVector.fromArray(D, x, xOff + i)
                    .fma(av, DoubleVector.fromArray(D, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void saxpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        int upper = F.loopBound(n);
        FloatVector av = FloatVector.broadcast(F, alpha);
        int i = 0;
        for (; i < upper; i += F.length()) {
            FloatVector.fromArray(F, x, xOff + i)
                    .fma(av, FloatVector.fromArray(F, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(alpha, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void dscal(int n, double alpha, double[] x, int xOff) {
        int upper = D.loopBound(n);
        int i = 0;
        for (; i < upper; i += D.length()) {
            DoubleVector.fromArray(D, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void sscal(int n, float alpha, float[] x, int xOff) {
        int upper = F.loopBound(n);
        int i = 0;
        for (; i < upper; i += F.length()) {
            FloatVector.fromArray(F, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
        }
        for (; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }
}
