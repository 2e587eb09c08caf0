package org.oneneuron.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked float-precision GEMM on the Vector API: C = α·op(A)·op(B) + β·C, row-major.
 *
 * <p>op(B) is packed into column panels of {@link #NRW} columns (four vectors at 512 bits, else
 * two; {@link VectorSgemmKernels}), a last panel of at most two vectors' worth of columns into a
 * narrow one, each zero-padded on the right; a transposed B by 16 × 16 transposes in registers at
 * 16 lanes ({@link VectorTransposeFloat}), by gathers otherwise. op(A) is read in place,
 * {@link #MR} rows at a time, in either layout (only a last panel of fewer than MR rows is copied
 * and zero-padded). k is cut into
 * blocks of at most {@link #KC} (the same for every thread), so one block of a B panel stays in
 * L1 while every A panel passes it: C = α·Σ_blocks(A_blk·B_blk) + β·C,
 * the first block applying β and the later ones adding to C. The micro-kernels keep an MR × width
 * block in registers (one broadcast per row and one FMA per row and vector for each p).
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
    static final int MR = VectorSgemmKernels.MR;
    /** Columns of a full B panel (the wide kernel's block). */
    static final int NRW = VectorSgemmKernels.WIDE;
    /** Columns of a narrow last panel. */
    private static final int NARROW = VectorSgemmKernels.NARROW;
    /**
     * Largest k block; blocks are balanced, e.g. k = 784 runs as 4 blocks of 196. Chosen on the
     * 32-wide kernel, whose 256 × 32 block of B is 32 KB, inside a 48 KB L1; against 128 it spared
     * W2's forward X·W1ᵀ three of its six C reloads and took 2.5–3% off its step (PERFORMANCE.md).
     * The 64-wide block of a 196-deep k block is 50 KB (not re-tuned).
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
                int width = panelWidth(cols);
                int bBase = jp * k * NRW + p0 * width;
                for (int ip = from; ip < to; ip++) {
                    int i0 = ip * MR;
                    int cBase = cOff + i0 * ldc + j0;
                    if (ip - from < fullPanels) {
                        kernel(width, a, aOff + i0 * rowStep + p0 * pStep, rowStep, pStep, bp, bBase, depth, buf.tile);
                    } else {
                        kernel(width, ap, p0 * MR, 1, MR, bp, bBase, depth, buf.tile);
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

    /**
     * bp[base + p·w + col] = op(B)[p][panel·NRW + col] for panel base = panel·k·NRW and w its
     * {@link #panelWidth}, zero beyond column n.
     */
    private static void packB(boolean transB, int n, int k, float[] b, int bOff, int ldb, float[] bp) {
        int nPanels = (n + NRW - 1) / NRW;
        for (int jp = 0; jp < nPanels; jp++) {
            int j0 = jp * NRW;
            int cols = Math.min(NRW, n - j0);
            int width = panelWidth(cols);
            int base = jp * k * NRW;
            if (transB) {
                // 16 × 16 blocks transposed in registers (at 16 lanes), then the rest of the panel
                // gathered (one float from each of the panel's rows of B per vector), so the
                // writes run in order. Writing a column at a time strided the stores by the panel
                // width across a k-deep panel larger than L1: packing W2's W1ᵀ (784 × 256) in
                // 32-wide panels took 159 µs that way, 78 µs gathered, 27 µs transposed (PERFORMANCE.md).
                int src0 = bOff + j0 * ldb;
                if (cols == width) {
                    int p = 0;
                    if (VectorTransposeFloat.FITS) {
                        for (; p + L <= k; p += L) {
                            int dst = base + p * width;
                            for (int q = 0; q < width; q += L) {
                                VectorTransposeFloat.block(b, src0 + q * ldb + p, ldb, bp, dst + q, width);
                            }
                        }
                    }
                    int[] map = BUFFERS.get().gatherMap(ldb);
                    for (; p < k; p++) {
                        int dst = base + p * width;
                        for (int q = 0; q < width; q += L) {
                            FloatVector.fromArray(S, b, src0 + p, map, q).intoArray(bp, dst + q);
                        }
                    }
                    continue;
                }
                for (int p = 0; p < k; p++) {
                    int dst = base + p * width;
                    int src = src0 + p;
                    for (int j = 0; j < cols; j++) {
                        bp[dst + j] = b[src + j * ldb];
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    System.arraycopy(b, bOff + p * ldb + j0, bp, base + p * width, cols);
                }
            }
            if (cols < width) {
                for (int p = 0; p < k; p++) {
                    int dst = base + p * width;
                    for (int j = cols; j < width; j++) {
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

    /** Columns a panel of {@code cols} (≤ NRW) columns is packed to: NARROW when they fit, else NRW. */
    private static int panelWidth(int cols) {
        return cols <= NARROW ? NARROW : NRW;
    }

    /** The MR × width block of A(r, p) = a[aBase + r·rowStep + p·pStep] times a packed B panel. */
    private static void kernel(int width, float[] a, int aBase, int rowStep, int pStep, float[] bp, int bBase,
                               int depth, float[] tile) {
        if (width == NARROW) {
            VectorSgemmKernels.narrow(a, aBase, rowStep, pStep, bp, bBase, depth, tile);
        } else {
            VectorSgemmKernels.wide(a, aBase, rowStep, pStep, bp, bBase, depth, tile);
        }
    }

    /**
     * C[r][j] = fma(β, C[r][j], α·tile[r][j]) for r &lt; rows, j &lt; cols (C not read when β = 0);
     * vector and scalar paths give the same bits.
     */
    private static void update(float[] tile, int rows, int cols, float alpha, float beta,
                               float[] c, int cBase, int ldc) {
        int vectorCols = cols - cols % L;
        for (int r = 0; r < rows; r++) {
            int row = cBase + r * ldc;
            int t = r * VectorSgemmKernels.TILE_STRIDE;
            for (int j = 0; j < vectorCols; j += L) {
                FloatVector v = FloatVector.fromArray(S, tile, t + j).mul(alpha);
                if (beta != 0) {
                    v = FloatVector.fromArray(S, c, row + j).fma(FloatVector.broadcast(S, beta), v);
                }
                v.intoArray(c, row + j);
            }
            for (int j = vectorCols; j < cols; j++) {
                float v = alpha * tile[t + j];
                c[row + j] = beta == 0 ? v : Math.fma(beta, c[row + j], v);
            }
        }
    }

    /** Per-thread packing buffers, grown on demand. */
    private static final class Buffers {
        float[] a = new float[0];
        float[] b = new float[0];
        final float[] tile = new float[MR * VectorSgemmKernels.TILE_STRIDE];
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
