package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = α·A·Bᵀ + β·C as blocked dot products, for the shape a convolution's weight gradient has:
 * few rows and columns of C, a long k (∂K = δZ·colsᵀ over every output position of a group of
 * samples). A and B are both read along their rows, in place: no packing (packing Bᵀ for the
 * panel kernel was two thirds of a W5 training step). Blocks of 4 rows × 2 columns of C keep 8
 * vector accumulators; each accumulator's lanes are added in a fixed order, so the bits do not
 * depend on the JIT state.
 */
final class VectorDotGemm {

    private static final VectorSpecies<Float> SF = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> SD = DoubleVector.SPECIES_PREFERRED;
    private static final ThreadLocal<float[]> LANES_F = ThreadLocal.withInitial(() -> new float[8 * SF.length()]);
    private static final ThreadLocal<double[]> LANES_D = ThreadLocal.withInitial(() -> new double[8 * SD.length()]);

    private VectorDotGemm() {
    }

    /** The shapes this kernel takes ({@link DotGemmShape#suits}). */
    static boolean suits(boolean transA, boolean transB, int m, int n, int k) {
        return DotGemmShape.suits(transA, transB, m, n, k);
    }

    static void sgemm(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        float[] lanes = LANES_F.get();
        int l = SF.length();
        int kv = k - k % l;
        for (int i0 = 0; i0 < m; i0 += 4) {
            int rows = Math.min(4, m - i0);
            for (int j0 = 0; j0 < n; j0 += 2) {
                int cols = Math.min(2, n - j0);
                int a0 = aOff + i0 * lda;
                int a1 = a0 + (rows > 1 ? lda : 0);
                int a2 = a0 + (rows > 2 ? 2 * lda : 0);
                int a3 = a0 + (rows > 3 ? 3 * lda : 0);
                int b0 = bOff + j0 * ldb;
                int b1 = b0 + (cols > 1 ? ldb : 0);
                FloatVector c00 = FloatVector.zero(SF);
                FloatVector c01 = FloatVector.zero(SF);
                FloatVector c10 = FloatVector.zero(SF);
                FloatVector c11 = FloatVector.zero(SF);
                FloatVector c20 = FloatVector.zero(SF);
                FloatVector c21 = FloatVector.zero(SF);
                FloatVector c30 = FloatVector.zero(SF);
                FloatVector c31 = FloatVector.zero(SF);
                for (int p = 0; p < kv; p += l) {
                    FloatVector y0 = FloatVector.fromArray(SF, b, b0 + p);
                    FloatVector y1 = FloatVector.fromArray(SF, b, b1 + p);
                    FloatVector x = FloatVector.fromArray(SF, a, a0 + p);
                    c00 = x.fma(y0, c00);
                    c01 = x.fma(y1, c01);
                    x = FloatVector.fromArray(SF, a, a1 + p);
                    c10 = x.fma(y0, c10);
                    c11 = x.fma(y1, c11);
                    x = FloatVector.fromArray(SF, a, a2 + p);
                    c20 = x.fma(y0, c20);
                    c21 = x.fma(y1, c21);
                    x = FloatVector.fromArray(SF, a, a3 + p);
                    c30 = x.fma(y0, c30);
                    c31 = x.fma(y1, c31);
                }
                c00.intoArray(lanes, 0);
                c01.intoArray(lanes, l);
                c10.intoArray(lanes, 2 * l);
                c11.intoArray(lanes, 3 * l);
                c20.intoArray(lanes, 4 * l);
                c21.intoArray(lanes, 5 * l);
                c30.intoArray(lanes, 6 * l);
                c31.intoArray(lanes, 7 * l);
                for (int r = 0; r < rows; r++) {
                    int ar = r == 0 ? a0 : r == 1 ? a1 : r == 2 ? a2 : a3;
                    for (int q = 0; q < cols; q++) {
                        float sum = 0;
                        int base = (2 * r + q) * l;
                        for (int t = 0; t < l; t++) {
                            sum += lanes[base + t];
                        }
                        int br = q == 0 ? b0 : b1;
                        for (int p = kv; p < k; p++) {
                            sum += a[ar + p] * b[br + p];
                        }
                        int ci = cOff + (i0 + r) * ldc + j0 + q;
                        float v = alpha * sum;
                        c[ci] = beta == 0 ? v : Math.fma(beta, c[ci], v);
                    }
                }
            }
        }
    }

    static void dgemm(int m, int n, int k, double alpha, double[] a, int aOff, int lda, double[] b, int bOff,
                      int ldb, double beta, double[] c, int cOff, int ldc) {
        double[] lanes = LANES_D.get();
        int l = SD.length();
        int kv = k - k % l;
        for (int i0 = 0; i0 < m; i0 += 4) {
            int rows = Math.min(4, m - i0);
            for (int j0 = 0; j0 < n; j0 += 2) {
                int cols = Math.min(2, n - j0);
                int a0 = aOff + i0 * lda;
                int a1 = a0 + (rows > 1 ? lda : 0);
                int a2 = a0 + (rows > 2 ? 2 * lda : 0);
                int a3 = a0 + (rows > 3 ? 3 * lda : 0);
                int b0 = bOff + j0 * ldb;
                int b1 = b0 + (cols > 1 ? ldb : 0);
                DoubleVector c00 = DoubleVector.zero(SD);
                DoubleVector c01 = DoubleVector.zero(SD);
                DoubleVector c10 = DoubleVector.zero(SD);
                DoubleVector c11 = DoubleVector.zero(SD);
                DoubleVector c20 = DoubleVector.zero(SD);
                DoubleVector c21 = DoubleVector.zero(SD);
                DoubleVector c30 = DoubleVector.zero(SD);
                DoubleVector c31 = DoubleVector.zero(SD);
                for (int p = 0; p < kv; p += l) {
                    DoubleVector y0 = DoubleVector.fromArray(SD, b, b0 + p);
                    DoubleVector y1 = DoubleVector.fromArray(SD, b, b1 + p);
                    DoubleVector x = DoubleVector.fromArray(SD, a, a0 + p);
                    c00 = x.fma(y0, c00);
                    c01 = x.fma(y1, c01);
                    x = DoubleVector.fromArray(SD, a, a1 + p);
                    c10 = x.fma(y0, c10);
                    c11 = x.fma(y1, c11);
                    x = DoubleVector.fromArray(SD, a, a2 + p);
                    c20 = x.fma(y0, c20);
                    c21 = x.fma(y1, c21);
                    x = DoubleVector.fromArray(SD, a, a3 + p);
                    c30 = x.fma(y0, c30);
                    c31 = x.fma(y1, c31);
                }
                c00.intoArray(lanes, 0);
                c01.intoArray(lanes, l);
                c10.intoArray(lanes, 2 * l);
                c11.intoArray(lanes, 3 * l);
                c20.intoArray(lanes, 4 * l);
                c21.intoArray(lanes, 5 * l);
                c30.intoArray(lanes, 6 * l);
                c31.intoArray(lanes, 7 * l);
                for (int r = 0; r < rows; r++) {
                    int ar = r == 0 ? a0 : r == 1 ? a1 : r == 2 ? a2 : a3;
                    for (int q = 0; q < cols; q++) {
                        double sum = 0;
                        int base = (2 * r + q) * l;
                        for (int t = 0; t < l; t++) {
                            sum += lanes[base + t];
                        }
                        int br = q == 0 ? b0 : b1;
                        for (int p = kv; p < k; p++) {
                            sum += a[ar + p] * b[br + p];
                        }
                        int ci = cOff + (i0 + r) * ldc + j0 + q;
                        double v = alpha * sum;
                        c[ci] = beta == 0 ? v : Math.fma(beta, c[ci], v);
                    }
                }
            }
        }
    }
}
