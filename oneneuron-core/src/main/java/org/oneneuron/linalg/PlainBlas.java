package org.oneneuron.linalg;

/** Straightforward loops: the reference the fast back-ends are tested against. */
public final class PlainBlas implements Blas {

    public static final PlainBlas INSTANCE = new PlainBlas();

    private PlainBlas() {
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += aip * bpj;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0 ? alpha * s : alpha * s + beta * c[ci];
            }
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += aip * bpj;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0 ? alpha * s : alpha * s + beta * c[ci];
            }
        }
    }

    @Override
    public void dgemv(boolean transA, int m, int n, double alpha, double[] a, int aOff, int lda,
                      double[] x, int xOff, double beta, double[] y, int yOff) {
        int rows = transA ? n : m;
        int cols = transA ? m : n;
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                double aij = transA ? a[aOff + j * lda + i] : a[aOff + i * lda + j];
                s += aij * x[xOff + j];
            }
            y[yOff + i] = beta == 0 ? alpha * s : alpha * s + beta * y[yOff + i];
        }
    }

    @Override
    public void sgemv(boolean transA, int m, int n, float alpha, float[] a, int aOff, int lda,
                      float[] x, int xOff, float beta, float[] y, int yOff) {
        int rows = transA ? n : m;
        int cols = transA ? m : n;
        for (int i = 0; i < rows; i++) {
            float s = 0;
            for (int j = 0; j < cols; j++) {
                float aij = transA ? a[aOff + j * lda + i] : a[aOff + i * lda + j];
                s += aij * x[xOff + j];
            }
            y[yOff + i] = beta == 0 ? alpha * s : alpha * s + beta * y[yOff + i];
        }
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public float sdot(int n, float[] x, int xOff, float[] y, int yOff) {
        float s = 0;
        for (int i = 0; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void saxpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void dscal(int n, double alpha, double[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    @Override
    public void sscal(int n, float alpha, float[] x, int xOff) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }
}
