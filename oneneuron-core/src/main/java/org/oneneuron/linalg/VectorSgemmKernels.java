package org.oneneuron.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float GEMM's micro-kernels ({@link VectorSgemm}): an {@link #MR}-row block of C kept in
 * registers over a depth of k, one broadcast of A per row and one FMA per row and B vector for each
 * p, stored to a per-thread tile of row stride {@link #TILE_STRIDE} at the end. Each C entry is the
 * same FMA chain over p in every kernel (only the block's width differs), so the kernel a panel
 * takes never changes a bit.
 *
 * <p>Widths: at 512 bits (32 vector registers) a {@link #WIDE} = 4L block, 24 accumulators, four
 * B vectors and a broadcast, one broadcast per four FMAs; below, the {@link #NARROW} = 2L block
 * (12 accumulators fit 16 registers). Against the narrow block alone, W2's training loop ran 3.6%
 * faster under the serial collector (the launcher's) and 5.8% under G1 (a library user's
 * default), W6's 1.7% and within noise (PERFORMANCE.md, eleventh session). One loop serves both
 * layouts of A: a second one for row-major A was faster under G1 and slower under the serial
 * collector in the same microbenchmark, and no faster in the training loop.
 */
final class VectorSgemmKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of C per kernel call. */
    static final int MR = 6;
    /** Columns of the narrow block: two vectors. */
    static final int NARROW = 2 * L;
    /** Columns of the widest block this machine's registers hold: four vectors at 512 bits, else two. */
    static final int WIDE = S.vectorBitSize() >= 512 ? 4 * L : NARROW;
    /** Row stride of the tile the kernels store to. */
    static final int TILE_STRIDE = WIDE;

    private VectorSgemmKernels() {
    }

    /**
     * tile[r][j] = Σ_p A(r, p)·Bpanel[p][j] for an MR × {@link #WIDE} block; A(r, p) at
     * a[aBase + r·rowStep + p·pStep], Bpanel[p][j] at bp[bBase + p·WIDE + j].
     */
    static void wide(float[] a, int aBase, int rowStep, int pStep, float[] bp, int bBase, int depth,
            float[] tile) {
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c02 = FloatVector.zero(S);
        FloatVector c03 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c12 = FloatVector.zero(S);
        FloatVector c13 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c22 = FloatVector.zero(S);
        FloatVector c23 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c32 = FloatVector.zero(S);
        FloatVector c33 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c42 = FloatVector.zero(S);
        FloatVector c43 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        FloatVector c52 = FloatVector.zero(S);
        FloatVector c53 = FloatVector.zero(S);
        int a0 = aBase;
        int a1 = aBase + rowStep;
        int a2 = aBase + 2 * rowStep;
        int a3 = aBase + 3 * rowStep;
        int a4 = aBase + 4 * rowStep;
        int a5 = aBase + 5 * rowStep;
        for (int p = 0, pa = 0; p < depth; p++, pa += pStep) {
            int pb = bBase + p * WIDE;
            FloatVector b0 = FloatVector.fromArray(S, bp, pb);
            FloatVector b1 = FloatVector.fromArray(S, bp, pb + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, pb + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, pb + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + pa]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            c03 = x0.fma(b3, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + pa]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            c13 = x1.fma(b3, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + pa]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            c23 = x2.fma(b3, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + pa]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            c33 = x3.fma(b3, c33);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + pa]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            c42 = x4.fma(b2, c42);
            c43 = x4.fma(b3, c43);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + pa]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
            c52 = x5.fma(b2, c52);
            c53 = x5.fma(b3, c53);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c02.intoArray(tile, 2 * L);
        c03.intoArray(tile, 3 * L);
        c10.intoArray(tile, TILE_STRIDE);
        c11.intoArray(tile, TILE_STRIDE + L);
        c12.intoArray(tile, TILE_STRIDE + 2 * L);
        c13.intoArray(tile, TILE_STRIDE + 3 * L);
        c20.intoArray(tile, 2 * TILE_STRIDE);
        c21.intoArray(tile, 2 * TILE_STRIDE + L);
        c22.intoArray(tile, 2 * TILE_STRIDE + 2 * L);
        c23.intoArray(tile, 2 * TILE_STRIDE + 3 * L);
        c30.intoArray(tile, 3 * TILE_STRIDE);
        c31.intoArray(tile, 3 * TILE_STRIDE + L);
        c32.intoArray(tile, 3 * TILE_STRIDE + 2 * L);
        c33.intoArray(tile, 3 * TILE_STRIDE + 3 * L);
        c40.intoArray(tile, 4 * TILE_STRIDE);
        c41.intoArray(tile, 4 * TILE_STRIDE + L);
        c42.intoArray(tile, 4 * TILE_STRIDE + 2 * L);
        c43.intoArray(tile, 4 * TILE_STRIDE + 3 * L);
        c50.intoArray(tile, 5 * TILE_STRIDE);
        c51.intoArray(tile, 5 * TILE_STRIDE + L);
        c52.intoArray(tile, 5 * TILE_STRIDE + 2 * L);
        c53.intoArray(tile, 5 * TILE_STRIDE + 3 * L);
    }

    /**
     * tile[r][j] = Σ_p A(r, p)·Bpanel[p][j] for an MR × {@link #NARROW} block; A(r, p) at
     * a[aBase + r·rowStep + p·pStep], Bpanel[p][j] at bp[bBase + p·NARROW + j].
     */
    static void narrow(float[] a, int aBase, int rowStep, int pStep, float[] bp, int bBase, int depth,
            float[] tile) {
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
        int a0 = aBase;
        int a1 = aBase + rowStep;
        int a2 = aBase + 2 * rowStep;
        int a3 = aBase + 3 * rowStep;
        int a4 = aBase + 4 * rowStep;
        int a5 = aBase + 5 * rowStep;
        for (int p = 0, pa = 0; p < depth; p++, pa += pStep) {
            int pb = bBase + p * NARROW;
            FloatVector b0 = FloatVector.fromArray(S, bp, pb);
            FloatVector b1 = FloatVector.fromArray(S, bp, pb + L);
            FloatVector x0 = FloatVector.broadcast(S, a[a0 + pa]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1 + pa]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2 + pa]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3 + pa]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4 + pa]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5 + pa]);
            c50 = x5.fma(b0, c50);
            c51 = x5.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, TILE_STRIDE);
        c11.intoArray(tile, TILE_STRIDE + L);
        c20.intoArray(tile, 2 * TILE_STRIDE);
        c21.intoArray(tile, 2 * TILE_STRIDE + L);
        c30.intoArray(tile, 3 * TILE_STRIDE);
        c31.intoArray(tile, 3 * TILE_STRIDE + L);
        c40.intoArray(tile, 4 * TILE_STRIDE);
        c41.intoArray(tile, 4 * TILE_STRIDE + L);
        c50.intoArray(tile, 5 * TILE_STRIDE);
        c51.intoArray(tile, 5 * TILE_STRIDE + L);
    }
}
