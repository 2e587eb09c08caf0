package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The double GEMM's micro-kernels ({@link VectorDgemm}), the float ones' twins
 * ({@link VectorSgemmKernels}): an {@link #MR}-row block of C kept in registers over a depth of k,
 * one broadcast of A per row and one FMA per row and B vector for each p, stored to a per-thread
 * tile of row stride {@link #TILE_STRIDE}. Each C entry is the same FMA chain over p in every
 * kernel, so the kernel a panel takes never changes a bit.
 *
 * <p>At 512 bits a {@link #WIDE} = 4L block (24 accumulators in 32 registers); below, and for a
 * narrow last panel, the {@link #NARROW} = 2L one. W1's five products in sequence ran 3.7–6.3%
 * faster on the wide block under the serial collector, ~10% under G1 (PERFORMANCE.md, eleventh
 * session; measured with a second loop for row-major A, which one loop for both layouts matched).
 */
final class VectorDgemmKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of C per kernel call. */
    static final int MR = 6;
    /** Columns of the narrow block: two vectors. */
    static final int NARROW = 2 * L;
    /** Columns of the widest block this machine's registers hold: four vectors at 512 bits, else two. */
    static final int WIDE = S.vectorBitSize() >= 512 ? 4 * L : NARROW;
    /** Row stride of the tile the kernels store to. */
    static final int TILE_STRIDE = WIDE;

    private VectorDgemmKernels() {
    }

    /**
     * tile[r][j] = Σ_p A(r, p)·Bpanel[p][j] for an MR × {@link #WIDE} block; A(r, p) at
     * a[aBase + r·rowStep + p·pStep], Bpanel[p][j] at bp[bBase + p·WIDE + j].
     */
    static void wide(double[] a, int aBase, int rowStep, int pStep, double[] bp, int bBase, int depth,
            double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c02 = DoubleVector.zero(S);
        DoubleVector c03 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c12 = DoubleVector.zero(S);
        DoubleVector c13 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c22 = DoubleVector.zero(S);
        DoubleVector c23 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c32 = DoubleVector.zero(S);
        DoubleVector c33 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c42 = DoubleVector.zero(S);
        DoubleVector c43 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        DoubleVector c51 = DoubleVector.zero(S);
        DoubleVector c52 = DoubleVector.zero(S);
        DoubleVector c53 = DoubleVector.zero(S);
        int a0 = aBase;
        int a1 = aBase + rowStep;
        int a2 = aBase + 2 * rowStep;
        int a3 = aBase + 3 * rowStep;
        int a4 = aBase + 4 * rowStep;
        int a5 = aBase + 5 * rowStep;
        for (int p = 0, pa = 0; p < depth; p++, pa += pStep) {
            int pb = bBase + p * WIDE;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, pb);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, pb + L);
            DoubleVector b2 = DoubleVector.fromArray(S, bp, pb + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, bp, pb + 3 * L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + pa]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            c02 = x0.fma(b2, c02);
            c03 = x0.fma(b3, c03);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + pa]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            c12 = x1.fma(b2, c12);
            c13 = x1.fma(b3, c13);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + pa]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            c22 = x2.fma(b2, c22);
            c23 = x2.fma(b3, c23);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + pa]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            c32 = x3.fma(b2, c32);
            c33 = x3.fma(b3, c33);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + pa]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            c42 = x4.fma(b2, c42);
            c43 = x4.fma(b3, c43);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + pa]);
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
    static void narrow(double[] a, int aBase, int rowStep, int pStep, double[] bp, int bBase, int depth,
            double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S);
        DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S);
        DoubleVector c51 = DoubleVector.zero(S);
        int a0 = aBase;
        int a1 = aBase + rowStep;
        int a2 = aBase + 2 * rowStep;
        int a3 = aBase + 3 * rowStep;
        int a4 = aBase + 4 * rowStep;
        int a5 = aBase + 5 * rowStep;
        for (int p = 0, pa = 0; p < depth; p++, pa += pStep) {
            int pb = bBase + p * NARROW;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, pb);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, pb + L);
            DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + pa]);
            c00 = x0.fma(b0, c00);
            c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + pa]);
            c10 = x1.fma(b0, c10);
            c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + pa]);
            c20 = x2.fma(b0, c20);
            c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + pa]);
            c30 = x3.fma(b0, c30);
            c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(S, a[a4 + pa]);
            c40 = x4.fma(b0, c40);
            c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(S, a[a5 + pa]);
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
