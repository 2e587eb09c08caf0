package org.oneneuron.linalg;

import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * {@link Blas} on the system's native BLAS through dev.ludovic.netlib (JNI to libblas.so.3).
 * Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, so every call swaps the operands
 * and passes the same leading dimensions; a row-major A (m×n) is a column-major Aᵀ (n×m), so gemv
 * flips the transpose flag. Threads: OpenBLAS reads OPENBLAS_NUM_THREADS when it loads (netlib has
 * no call to change it), so the launcher pins it to 1 unless told otherwise.
 */
public final class NativeBlas implements Blas {

    private final NativeBLAS blas;
    private final String name;

    /**
     * Binds to the native library.
     *
     * @param name provenance name, e.g. {@code openblas} or {@code native-blas}
     * @throws RuntimeException when the native library cannot be loaded
     */
    NativeBlas(String name) {
        this.blas = NativeBLAS.getInstance();
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            PlainBlas.INSTANCE.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        blas.dgemm(flag(transB), flag(transA), n, m, k, alpha, b, bOff, Math.max(1, ldb),
                a, aOff, Math.max(1, lda), beta, c, cOff, Math.max(1, ldc));
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            PlainBlas.INSTANCE.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        blas.sgemm(flag(transB), flag(transA), n, m, k, alpha, b, bOff, Math.max(1, ldb),
                a, aOff, Math.max(1, lda), beta, c, cOff, Math.max(1, ldc));
    }

    @Override
    public void dgemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                      double[] x, int xOff, double beta, double[] y, int yOff) {
        if (m == 0 || n == 0) {
            PlainBlas.INSTANCE.dgemv(transA, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
            return;
        }
        blas.dgemv(flag(!transA), n, m, alpha, a, aOff, Math.max(1, lda), x, xOff, 1, beta, y, yOff, 1);
    }

    @Override
    public void sgemv(boolean transA, int m, int n, float alpha, float[] a, int aOff, int lda,
                      float[] x, int xOff, float beta, float[] y, int yOff) {
        if (m == 0 || n == 0) {
            PlainBlas.INSTANCE.sgemv(transA, m, n, alpha, a, aOff, lda, x, xOff, beta, y, yOff);
            return;
        }
        blas.sgemv(flag(!transA), n, m, alpha, a, aOff, Math.max(1, lda), x, xOff, 1, beta, y, yOff, 1);
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        return n == 0 ? 0 : blas.ddot(n, x, xOff, 1, y, yOff, 1);
    }

    @Override
    public float sdot(int n, float[] x, int xOff, float[] y, int yOff) {
        return n == 0 ? 0 : blas.sdot(n, x, xOff, 1, y, yOff, 1);
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        if (n > 0) {
            blas.daxpy(n, alpha, x, xOff, 1, y, yOff, 1);
        }
    }

    @Override
    public void saxpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        if (n > 0) {
            blas.saxpy(n, alpha, x, xOff, 1, y, yOff, 1);
        }
    }

    @Override
    public void dscal(int n, double alpha, double[] x, int xOff) {
        if (n > 0) {
            blas.dscal(n, alpha, x, xOff, 1);
        }
    }

    @Override
    public void sscal(int n, float alpha, float[] x, int xOff) {
        if (n > 0) {
            blas.sscal(n, alpha, x, xOff, 1);
        }
    }

    private static String flag(boolean trans) {
        return trans ? "T" : "N";
    }
}
