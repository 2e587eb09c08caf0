package org.oneneuron.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked float-precision GEMM on the Vector API: C = α·op(A)·op(B) + β·C, row-major.
 *
 * <p>op(B) is packed into column panels of {@code NRW = 2·L} columns (L = lanes per vector),
 * zero-padded on the right; a transposed B by 16 × 16 transposes in registers at 16 lanes
 * ({@link VectorTransposeFloat}), by gathers otherwise. op(A) is read in place, {@link #MR} rows at a time, in either
 * layout (only a last panel of fewer than MR rows is copied and zero-padded). k is cut into
 * blocks of at most {@link #KC} (the same for every thread), so one block of a B panel stays in
 * L1 while every A panel passes it: C = α·Σ_blocks(A_blk·B_blk) + β·C,
 * the first block applying β and the later ones adding to C. The micro-kernel keeps an MR × NRW
 * block in 2·MR vector registers (one broadcast-FMA per row and vector for each p).
 *
 * <p>JIT robustness: no Vector API value crosses a method boundary of ours. The micro-kernel
 * stores its accumulators to a per-thread tile and {@link #update} reloads them. A vector passed to
 * a method C2 did not inline (which happened on JDK 17 when a large k made the call sites look
 * cold) must be boxed, and C2 then allocates the box at every FMA of the loop: ~0.2 GFLOP/s and
 * megabytes per call. Buffers are per thread and reused (no allocation once warm).
 */
final class VectorSgemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of C per micro-kernel call. */
    static final int MR = 6;
    /** Columns of C per micro-kernel call. */
    static final int NRW = 2 * L;
    /**
     * Largest k block; blocks are balanced, e.g. k = 784 runs as 4 blocks of 196. A 256 × NRW
     * block of B is 32 KB at 16 lanes, inside a 48 KB L1; against 128 it spares W2's forward
     * X·W1ᵀ three of its six C reloads and takes 2.5–3% off its step (PERFORMANCE.md).
     */
    static final int KC = 256;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private VectorSgemm() {
    }

    /** See {@link Blas#sgemm}. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0) {
            scaleC(m, n, beta, c, cOff, ldc);
            return;
        }
        if (VectorDotGemm.suits(transA, transB, m, n, k)) {
            VectorDotGemm.sgemm(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        float[] bp = BUFFERS.get().b(((n + NRW - 1) / NRW) * k * NRW);
        packB(transB, n, k, b, bOff, ldb, bp);
        int mPanels = (m + MR - 1) / MR;
        long work = (long) m * n * k;
        int parts = Backends.gemmThreads(mPanels, work);
        if (parts <= 1) {
            panels(0, mPanels, transA, m, n, k, alpha, a, aOff, lda, bp, beta, c, cOff, ldc);
            return;
        }
        ChunkWorkers.runRanges(mPanels, parts, (from, to) -> panels(from, to, transA, m, n, k,
                alpha, a, aOff, lda, bp, beta, c, cOff, ldc));
    }

    /** k block length: ⌈k / ⌈k / KC⌉⌉. */
    static int blockDepth(int k) {
        int blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }

    /**
     * Row panels [from, to) of C. Full panels read op(A) in place (element (r, p) at
     * aRow + r·rowStep + p·pStep); only a partial last panel is packed, zero-padded to MR rows.
     */
    private static void panels(int from, int to, boolean transA, int m, int n, int k, float alpha,
                               float[] a, int aOff, int lda, float[] bp, float beta, float[] c,
                               int cOff, int ldc) {
        Buffers buf = BUFFERS.get();
        int rowStep = transA ? 1 : lda;
        int pStep = transA ? lda : 1;
        int fullPanels = Math.min(to, m / MR) - from;
        float[] ap = buf.a;
        if (fullPanels < to - from) {
            int i0 = (to - 1) * MR;
            ap = buf.a(k * MR);
            packA(transA, m - i0, k, a, transA ? aOff + i0 : aOff + i0 * lda, lda, ap);
        }
        int nPanels = (n + NRW - 1) / NRW;
        int kc = blockDepth(k);
        for (int p0 = 0; p0 < k; p0 += kc) {
            int depth = Math.min(kc, k - p0);
            float betaHere = p0 == 0 ? beta : 1f;
            for (int jp = 0; jp < nPanels; jp++) {
                int j0 = jp * NRW;
                int cols = Math.min(NRW, n - j0);
                int bBase = jp * k * NRW + p0 * NRW;
                for (int ip = from; ip < to; ip++) {
                    int i0 = ip * MR;
                    int cBase = cOff + i0 * ldc + j0;
                    if (ip - from < fullPanels) {
                        kernel(a, aOff + i0 * rowStep + p0 * pStep, rowStep, pStep, bp, bBase, depth, buf.tile);
                    } else {
                        kernel(ap, p0 * MR, 1, MR, bp, bBase, depth, buf.tile);
                    }
                    update(buf.tile, Math.min(MR, m - i0), cols, alpha, betaHere, c, cBase, ldc);
                }
            }
        }
    }

    /** C = β·C (C = 0 when β = 0, without reading C). */
    private static void scaleC(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0 ? 0 : beta * c[row + j];
            }
        }
    }

    /** bp[panel][p][col] = op(B)[p][panel·NRW + col], zero beyond column n. */
    private static void packB(boolean transB, int n, int k, float[] b, int bOff, int ldb, float[] bp) {
        int nPanels = (n + NRW - 1) / NRW;
        for (int jp = 0; jp < nPanels; jp++) {
            int j0 = jp * NRW;
            int cols = Math.min(NRW, n - j0);
            int base = jp * k * NRW;
            if (transB) {
                // 16 × 16 blocks transposed in registers (at 16 lanes), then the rest of the panel
                // gathered (one float from each of the panel's NRW rows of B per vector), so the
                // writes run in order. Writing a column at a time strided the stores by NRW floats
                // across a k·NRW panel larger than L1: packing W2's W1ᵀ (784 × 256) took 159 µs
                // that way, 78 µs gathered, 27 µs transposed (PERFORMANCE.md).
                int src0 = bOff + j0 * ldb;
                if (cols == NRW) {
                    int p = 0;
                    if (VectorTransposeFloat.FITS) {
                        for (; p + L <= k; p += L) {
                            int dst = base + p * NRW;
                            VectorTransposeFloat.block(b, src0 + p, ldb, bp, dst, NRW);
                            VectorTransposeFloat.block(b, src0 + L * ldb + p, ldb, bp, dst + L, NRW);
                        }
                    }
                    int[] map = BUFFERS.get().gatherMap(ldb);
                    for (; p < k; p++) {
                        int dst = base + p * NRW;
                        FloatVector.fromArray(S, b, src0 + p, map, 0).intoArray(bp, dst);
                        FloatVector.fromArray(S, b, src0 + p, map, L).intoArray(bp, dst + L);
                    }
                    continue;
                }
                for (int p = 0; p < k; p++) {
                    int dst = base + p * NRW;
                    int src = src0 + p;
                    for (int j = 0; j < cols; j++) {
                        bp[dst + j] = b[src + j * ldb];
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    System.arraycopy(b, bOff + p * ldb + j0, bp, base + p * NRW, cols);
                }
            }
            if (cols < NRW) {
                for (int p = 0; p < k; p++) {
                    int dst = base + p * NRW;
                    for (int j = cols; j < NRW; j++) {
                        bp[dst + j] = 0;
                    }
                }
            }
        }
    }

    /** ap[panel][p][row] = op(A)[panel·MR + row][p], zero beyond row m. */
    private static void packA(boolean transA, int m, int k, float[] a, int aOff, int lda, float[] ap) {
        int mPanels = (m + MR - 1) / MR;
        for (int ip = 0; ip < mPanels; ip++) {
            int i0 = ip * MR;
            int rows = Math.min(MR, m - i0);
            int base = ip * k * MR;
            if (transA) {
                for (int p = 0; p < k; p++) {
                    int src = aOff + p * lda + i0;
                    int dst = base + p * MR;
                    for (int r = 0; r < rows; r++) {
                        ap[dst + r] = a[src + r];
                    }
                    for (int r = rows; r < MR; r++) {
                        ap[dst + r] = 0;
                    }
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = aOff + (i0 + r) * lda;
                        for (int p = 0; p < k; p++) {
                            ap[base + p * MR + r] = a[src + p];
                        }
                    } else {
                        for (int p = 0; p < k; p++) {
                            ap[base + p * MR + r] = 0;
                        }
                    }
                }
            }
        }
    }

    /**
     * tile[r][j] = Σ_p A(r, p)·Bpanel[p][j] over depth p for the MR × NRW block, A(r, p) at
     * a[aBase + r·rowStep + p·pStep].
     */
    private static void kernel(float[] a, int aBase, int rowStep, int pStep, float[] bp, int bBase,
                               int depth, float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        int r1 = rowStep;
        int r2 = 2 * rowStep;
        int r3 = 3 * rowStep;
        int r4 = 4 * rowStep;
        int r5 = 5 * rowStep;
        int pa = aBase;
        int pb = bBase;
        for (int p = 0; p < depth; p++, pa += pStep, pb += NRW) {
            FloatVector b0 = FloatVector.fromArray(S, bp, pb);
            FloatVector b1 = FloatVector.fromArray(S, bp, pb + L);
            FloatVector x = FloatVector.broadcast(S, a[pa]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[pa + r1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[pa + r2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[pa + r3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[pa + r4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[pa + r5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NRW);
        c11.intoArray(tile, NRW + L);
        c20.intoArray(tile, 2 * NRW);
        c21.intoArray(tile, 2 * NRW + L);
        c30.intoArray(tile, 3 * NRW);
        c31.intoArray(tile, 3 * NRW + L);
        c40.intoArray(tile, 4 * NRW);
        c41.intoArray(tile, 4 * NRW + L);
        c50.intoArray(tile, 5 * NRW);
        c51.intoArray(tile, 5 * NRW + L);
    }

    /**
     * C[r][j] = fma(β, C[r][j], α·tile[r][j]) for r &lt; rows, j &lt; cols (C not read when β = 0);
     * vector and scalar paths give the same bits.
     */
    private static void update(float[] tile, int rows, int cols, float alpha, float beta,
                               float[] c, int cBase, int ldc) {
        for (int r = 0; r < rows; r++) {
            int row = cBase + r * ldc;
            int t = r * NRW;
            if (cols == NRW) {
                FloatVector v0 = FloatVector.fromArray(S, tile, t).mul(alpha);
                FloatVector v1 = FloatVector.fromArray(S, tile, t + L).mul(alpha);
                if (beta != 0) {
                    FloatVector bv = FloatVector.broadcast(S, beta);
                    v0 = FloatVector.fromArray(S, c, row).fma(bv, v0);
                    v1 = FloatVector.fromArray(S, c, row + L).fma(bv, v1);
                }
                v0.intoArray(c, row);
                v1.intoArray(c, row + L);
            } else {
                for (int j = 0; j < cols; j++) {
                    float v = alpha * tile[t + j];
                    c[row + j] = beta == 0 ? v : Math.fma(beta, c[row + j], v);
                }
            }
        }
    }

    /** Per-thread packing buffers, grown on demand. */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * NRW];
        final int[] map = new int[NRW];
        int mapStride = -1;

        /** map[j] = j·stride: a gather of one float from each of NRW rows {@code stride} apart. */
        int[] gatherMap(int stride) {
            if (mapStride != stride) {
                for (int j = 0; j < NRW; j++) {
                    map[j] = j * stride;
                }
                mapStride = stride;
            }
            return map;
        }

        float[] a(int size) {
            if (a.length < size) {
                a = new float[size];
            }
            return a;
        }

        float[] b(int size) {
            if (b.length < size) {
                b = new float[size];
            }
            return b;
        }
    }
}
