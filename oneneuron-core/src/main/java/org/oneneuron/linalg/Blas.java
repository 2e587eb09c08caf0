package org.oneneuron.linalg;

/**
 * Dense kernels on row-major arrays. Every matrix argument is (array, offset, leading dimension),
 * where the leading dimension is the row stride. Output arguments come last among the arrays and
 * are modified; all other arrays are not modified. Outputs must not alias inputs.
 *
 * <p>Back-ends: {@link PlainBlas} (loops, the reference for tests), a Java Vector API kernel and
 * native BLAS (OpenBLAS through dev.ludovic.netlib). {@link Backends} picks one.
 */
public interface Blas {

    /** Back-end name as reported in provenance, e.g. {@code vector-api}, {@code openblas}, {@code plain}. */
    String name();

    /**
     * C = α·op(A)·op(B) + β·C with op(X) = X or Xᵀ; op(A) is m×k, op(B) is k×n, C is m×n.
     * When β = 0, C is not read (NaN in C does not propagate).
     */
    void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
               double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
               double beta, double[] c, int cOff, int ldc);

    /** Single-precision {@link #dgemm}. */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /** y = α·op(A)·x + β·y; A is m×n (row-major), op(A) = A or Aᵀ. When β = 0, y is not read. */
    void dgemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
               double[] x, int xOff, double beta, double[] y, int yOff);

    /** Single-precision {@link #dgemv}. */
    void sgemv(boolean transA, int m, int n, float alpha, float[] a, int aOff, int lda,
               float[] x, int xOff, float beta, float[] y, int yOff);

    /** Σ_i x_i·y_i over n elements. */
    double ddot(int n, double[] x, int xOff, double[] y, int yOff);

    /** Single-precision {@link #ddot} (accumulated in float). */
    float sdot(int n, float[] x, int xOff, float[] y, int yOff);

    /** y = α·x + y. */
    void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff);

    /** Single-precision {@link #daxpy}. */
    void saxpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /** x = α·x. */
    void dscal(int n, double alpha, double[] x, int xOff);

    /** Single-precision {@link #dscal}. */
    void sscal(int n, float alpha, float[] x, int xOff);
}
