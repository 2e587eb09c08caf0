package org.oneneuron.linalg;

import java.util.Arrays;

/**
 * Scalar loops that give exactly the bits of {@link VectorBlas} at a given vector width, for JVMs
 * started without {@code --add-modules jdk.incubator.vector}: the same seed then gives the same
 * numbers with or without the flag, only slower. It follows each kernel's order of operations:
 *
 * <ul>
 *   <li>gemm: each C element is, per k block of {@link #blockDepth} ({@link #floatBlockDepth} in
 *       float; the Vector GEMM's blocking, independent of the width), a chain
 *       t = fma(A(i,p), B(p,j), t) from 0 in p order, then v = α·t and C = fma(β, C, v) for the
 *       first block (v when β = 0), C + v for later ones;</li>
 *   <li>gemm of the shapes the Vector GEMMs run as dot products ({@link DotGemmShape}: A·Bᵀ, few
 *       rows, long k): per C element L lane sums fed by fma over the first k − k mod L elements
 *       (L = lanes of the width), added in lane order from 0, then the tail by plain multiply-add,
 *       v = α·sum and C = fma(β, C, v) (v when β = 0);</li>
 *   <li>dot: 2L lane accumulators (L = lanes of the width) fed by fma over chunks of 2L
 *       elements, lane sums s0 + s1 added in lane order, then the tail by plain multiply-add;</li>
 *   <li>axpy: fma per element; scal: multiply per element; gemv through dot or axpy as
 *       VectorBlas does.</li>
 * </ul>
 *
 * Tested bit-for-bit against VectorBlas ({@code VectorEquivalentBlasTest}).
 */
public final class VectorEquivalentBlas implements Blas {

    /** Largest k block of the double Vector GEMM ({@code VectorDgemm.KC}). */
    static final int KC = 128;
    /** Largest k block of the float Vector GEMM ({@code VectorSgemm.KC}). */
    static final int KC_FLOAT = 256;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final int bits;
    private final int doubleLanes;
    private final int floatLanes;

    /**
     * @param bits the vector width whose results to reproduce: 128, 256 or 512
     */
    public VectorEquivalentBlas(int bits) {
        if (bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("vector width must be 128, 256 or 512 bits, got " + bits);
        }
        this.bits = bits;
        this.doubleLanes = bits / 64;
        this.floatLanes = bits / 32;
    }

    @Override
    public String name() {
        return "vector-api-scalar";
    }

    /** The width whose results this back-end reproduces. */
    public int emulatedBits() {
        return bits;
    }

    /** Double k block length: ⌈k / ⌈k / KC⌉⌉ (as VectorDgemm). */
    static int blockDepth(int k) {
        return blockDepth(k, KC);
    }

    /** Float k block length: ⌈k / ⌈k / KC_FLOAT⌉⌉ (as VectorSgemm). */
    static int floatBlockDepth(int k) {
        return blockDepth(k, KC_FLOAT);
    }

    private static int blockDepth(int k, int largest) {
        int blocks = (k + largest - 1) / largest;
        return (k + blocks - 1) / blocks;
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int ci = cOff + i * ldc + j;
                    c[ci] = beta == 0 ? 0 : beta * c[ci];
                }
            }
            return;
        }
        if (DotGemmShape.suits(transA, transB, m, n, k)) {
            dotGemm(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Buffers buf = BUFFERS.get();
        double[] ap = buf.doubles(0, m * k);
        double[] bp = buf.doubles(1, n * k);
        for (int i = 0; i < m; i++) {          // ap[i·k + p] = op(A)(i, p)
            for (int p = 0; p < k; p++) {
                ap[i * k + p] = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
            }
        }
        for (int j = 0; j < n; j++) {          // bp[j·k + p] = op(B)(p, j)
            for (int p = 0; p < k; p++) {
                bp[j * k + p] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        int kc = blockDepth(k);
        for (int p0 = 0; p0 < k; p0 += kc) {
            int p1 = Math.min(k, p0 + kc);
            for (int i = 0; i < m; i++) {
                int ai = i * k;
                int row = cOff + i * ldc;
                int j = 0;
                for (; j + 4 <= n; j += 4) {   // four independent chains hide the fma latency
                    int b0 = j * k;
                    int b1 = b0 + k;
                    int b2 = b1 + k;
                    int b3 = b2 + k;
                    double t0 = 0;
                    double t1 = 0;
                    double t2 = 0;
                    double t3 = 0;
                    for (int p = p0; p < p1; p++) {
                        double x = ap[ai + p];
                        t0 = Math.fma(x, bp[b0 + p], t0);
                        t1 = Math.fma(x, bp[b1 + p], t1);
                        t2 = Math.fma(x, bp[b2 + p], t2);
                        t3 = Math.fma(x, bp[b3 + p], t3);
                    }
                    store(c, row + j, alpha * t0, beta, p0 > 0);
                    store(c, row + j + 1, alpha * t1, beta, p0 > 0);
                    store(c, row + j + 2, alpha * t2, beta, p0 > 0);
                    store(c, row + j + 3, alpha * t3, beta, p0 > 0);
                }
                for (; j < n; j++) {
                    int bj = j * k;
                    double t = 0;
                    for (int p = p0; p < p1; p++) {
                        t = Math.fma(ap[ai + p], bp[bj + p], t);
                    }
                    store(c, row + j, alpha * t, beta, p0 > 0);
                }
            }
        }
    }

    /** C = α·A·Bᵀ + β·C as {@code VectorDotGemm} computes it at this width (class comment). */
    private void dotGemm(int m, int n, int k, double alpha, double[] a, int aOff, int lda, double[] b, int bOff,
                         int ldb, double beta, double[] c, int cOff, int ldc) {
        int l = doubleLanes;
        int kv = k - k % l;
        double[] lanes = new double[l];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ar = aOff + i * lda;
                int br = bOff + j * ldb;
                Arrays.fill(lanes, 0.0);
                for (int p = 0; p < kv; p += l) {
                    for (int t = 0; t < l; t++) {
                        lanes[t] = Math.fma(a[ar + p + t], b[br + p + t], lanes[t]);
                    }
                }
                double sum = 0;
                for (int t = 0; t < l; t++) {
                    sum += lanes[t];
                }
                for (int p = kv; p < k; p++) {
                    sum += a[ar + p] * b[br + p];
                }
                int ci = cOff + i * ldc + j;
                double v = alpha * sum;
                c[ci] = beta == 0 ? v : Math.fma(beta, c[ci], v);
            }
        }
    }

    /** The same in single precision (float lanes, float sums). */
    private void dotGemm(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff,
                         int ldb, float beta, float[] c, int cOff, int ldc) {
        int l = floatLanes;
        int kv = k - k % l;
        float[] lanes = new float[l];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int ar = aOff + i * lda;
                int br = bOff + j * ldb;
                Arrays.fill(lanes, 0f);
                for (int p = 0; p < kv; p += l) {
                    for (int t = 0; t < l; t++) {
                        lanes[t] = Math.fma(a[ar + p + t], b[br + p + t], lanes[t]);
                    }
                }
                float sum = 0;
                for (int t = 0; t < l; t++) {
                    sum += lanes[t];
                }
                for (int p = kv; p < k; p++) {
                    sum += a[ar + p] * b[br + p];
                }
                int ci = cOff + i * ldc + j;
                float v = alpha * sum;
                c[ci] = beta == 0 ? v : Math.fma(beta, c[ci], v);
            }
        }
    }

    /** A later k block adds; the first applies β as the vector update does: fma(β, C, v). */
    private static void store(double[] c, int ci, double v, double beta, boolean later) {
        c[ci] = later ? c[ci] + v : beta == 0 ? v : Math.fma(beta, c[ci], v);
    }

    private static void store(float[] c, int ci, float v, float beta, boolean later) {
        c[ci] = later ? c[ci] + v : beta == 0 ? v : Math.fma(beta, c[ci], v);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int ci = cOff + i * ldc + j;
                    c[ci] = beta == 0 ? 0 : beta * c[ci];
                }
            }
            return;
        }
        if (DotGemmShape.suits(transA, transB, m, n, k)) {
            dotGemm(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Buffers buf = BUFFERS.get();
        float[] ap = buf.floats(0, m * k);
        float[] bp = buf.floats(1, n * k);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                ap[i * k + p] = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
            }
        }
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < k; p++) {
                bp[j * k + p] = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
            }
        }
        int kc = floatBlockDepth(k);
        for (int p0 = 0; p0 < k; p0 += kc) {
            int p1 = Math.min(k, p0 + kc);
            for (int i = 0; i < m; i++) {
                int ai = i * k;
                int row = cOff + i * ldc;
                int j = 0;
                for (; j + 4 <= n; j += 4) {
                    int b0 = j * k;
                    int b1 = b0 + k;
                    int b2 = b1 + k;
                    int b3 = b2 + k;
                    float t0 = 0;
                    float t1 = 0;
                    float t2 = 0;
                    float t3 = 0;
                    for (int p = p0; p < p1; p++) {
                        float x = ap[ai + p];
                        t0 = Math.fma(x, bp[b0 + p], t0);
                        t1 = Math.fma(x, bp[b1 + p], t1);
                        t2 = Math.fma(x, bp[b2 + p], t2);
                        t3 = Math.fma(x, bp[b3 + p], t3);
                    }
                    store(c, row + j, alpha * t0, beta, p0 > 0);
                    store(c, row + j + 1, alpha * t1, beta, p0 > 0);
                    store(c, row + j + 2, alpha * t2, beta, p0 > 0);
                    store(c, row + j + 3, alpha * t3, beta, p0 > 0);
                }
                for (; j < n; j++) {
                    int bj = j * k;
                    float t = 0;
                    for (int p = p0; p < p1; p++) {
                        t = Math.fma(ap[ai + p], bp[bj + p], t);
                    }
                    store(c, row + j, alpha * t, beta, p0 > 0);
                }
            }
        }
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
            Arrays.fill(y, yOff, yOff + n, 0.0);
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
            Arrays.fill(y, yOff, yOff + n, 0.0f);
        } else if (beta != 1) {
            sscal(n, beta, y, yOff);
        }
        for (int i = 0; i < m; i++) {
            saxpy(n, alpha * x[xOff + i], a, aOff + i * lda, y, yOff);
        }
    }

    @Override
    public double ddot(int n, double[] x, int xOff, double[] y, int yOff) {
        int len = doubleLanes;
        int upper = n - n % (2 * len);
        double s = 0;
        for (int l = 0; l < len; l++) { // lane l: s0 over elements i + l, s1 over i + len + l
            double s0 = 0;
            double s1 = 0;
            for (int i = 0; i < upper; i += 2 * len) {
                s0 = Math.fma(x[xOff + i + l], y[yOff + i + l], s0);
                s1 = Math.fma(x[xOff + i + len + l], y[yOff + i + len + l], s1);
            }
            double lane = s0 + s1;
            s = l == 0 ? lane : s + lane;
        }
        for (int i = upper; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public float sdot(int n, float[] x, int xOff, float[] y, int yOff) {
        int len = floatLanes;
        int upper = n - n % (2 * len);
        float s = 0;
        for (int l = 0; l < len; l++) {
            float s0 = 0;
            float s1 = 0;
            for (int i = 0; i < upper; i += 2 * len) {
                s0 = Math.fma(x[xOff + i + l], y[yOff + i + l], s0);
                s1 = Math.fma(x[xOff + i + len + l], y[yOff + i + len + l], s1);
            }
            float lane = s0 + s1;
            s = l == 0 ? lane : s + lane;
        }
        for (int i = upper; i < n; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    @Override
    public void daxpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(x[xOff + i], alpha, y[yOff + i]);
        }
    }

    @Override
    public void saxpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(x[xOff + i], alpha, y[yOff + i]);
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

    /** Per-thread packing buffers (two of each precision), grown on demand. */
    private static final class Buffers {
        private final double[][] doubles = {new double[0], new double[0]};
        private final float[][] floats = {new float[0], new float[0]};

        double[] doubles(int which, int size) {
            if (doubles[which].length < size) {
                doubles[which] = new double[size];
            }
            return doubles[which];
        }

        float[] floats(int which, int size) {
            if (floats[which].length < size) {
                floats[which] = new float[size];
            }
            return floats[which];
        }
    }
}
