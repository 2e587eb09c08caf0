package org.oneneuron.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * 16 × 16 float transposes in registers (512-bit lanes): dst[p·ldd + j] = src[j·lds + p] for
 * j, p &lt; 16, and 8 × 16 ones ({@link #halfBlock}, and back: {@link #halfBlockBack}). Used by
 * {@link VectorSgemm} to pack a transposed B, and by {@link VectorConvKernels#transpose} for 8 rows (a
 * convolution's channels to channel-minor) and rows of 8 (back); with fewer lanes it keeps its
 * gathers (an 8 × 8 twin allocated a box per vector operation on JDK 17 at 256 bits, 2 MB per
 * W2-sized call, where this one does not).
 *
 * <p>Four stages (s = 8, 4, 2, 1); the stage of distance s swaps the off-diagonal s × s blocks of every 2s × 2s
 * block: for rows i (bit s clear) and i + s, lane l of the new row i is row i's lane l when
 * l has bit s clear, else row (i + s)'s lane l − s; the new row i + s takes row i's lane l + s
 * when l has bit s clear, else its own lane l. One permute and one blend per row and stage: on
 * JDK 25 a 784 × 256 panel set packs in half the time of two 16-lane gathers per
 * row of the panel (27 against 55 µs, PERFORMANCE.md). A pure copy: the bits do not change.
 */
final class VectorTransposeFloat {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Whether {@link #block} serves this machine's lane count. */
    static final boolean FITS = L == 16;

    private static final int STAGES = Integer.numberOfTrailingZeros(L);
    /** Per stage t (s = 2^t): lane l ← l − s where l has bit s (for the new row i). */
    private static final VectorShuffle<Float>[] UP = shuffles(true);
    /** Per stage t: lane l ← l + s where l lacks bit s (for the new row i + s). */
    private static final VectorShuffle<Float>[] DOWN = shuffles(false);
    /** Per stage t: the lanes with bit s set. */
    private static final VectorMask<Float>[] HIGH = masks(true);
    /** Per stage t: the lanes with bit s clear. */
    private static final VectorMask<Float>[] LOW = masks(false);

    private VectorTransposeFloat() {
    }

    /** dst[d + p·ldd + j] = src[s + j·lds + p] for j, p &lt; 16 (requires {@link #FITS}). */
    static void block(float[] src, int s, int lds, float[] dst, int d, int ldd) {
        VectorShuffle<Float> up0 = UP[0];
        VectorShuffle<Float> down0 = DOWN[0];
        VectorMask<Float> high0 = HIGH[0];
        VectorMask<Float> low0 = LOW[0];
        VectorShuffle<Float> up1 = UP[1];
        VectorShuffle<Float> down1 = DOWN[1];
        VectorMask<Float> high1 = HIGH[1];
        VectorMask<Float> low1 = LOW[1];
        VectorShuffle<Float> up2 = UP[2];
        VectorShuffle<Float> down2 = DOWN[2];
        VectorMask<Float> high2 = HIGH[2];
        VectorMask<Float> low2 = LOW[2];
        VectorShuffle<Float> up3 = UP[3];
        VectorShuffle<Float> down3 = DOWN[3];
        VectorMask<Float> high3 = HIGH[3];
        VectorMask<Float> low3 = LOW[3];
        FloatVector r0 = FloatVector.fromArray(S, src, s);
        FloatVector r1 = FloatVector.fromArray(S, src, s + lds);
        FloatVector r2 = FloatVector.fromArray(S, src, s + 2 * lds);
        FloatVector r3 = FloatVector.fromArray(S, src, s + 3 * lds);
        FloatVector r4 = FloatVector.fromArray(S, src, s + 4 * lds);
        FloatVector r5 = FloatVector.fromArray(S, src, s + 5 * lds);
        FloatVector r6 = FloatVector.fromArray(S, src, s + 6 * lds);
        FloatVector r7 = FloatVector.fromArray(S, src, s + 7 * lds);
        FloatVector r8 = FloatVector.fromArray(S, src, s + 8 * lds);
        FloatVector r9 = FloatVector.fromArray(S, src, s + 9 * lds);
        FloatVector r10 = FloatVector.fromArray(S, src, s + 10 * lds);
        FloatVector r11 = FloatVector.fromArray(S, src, s + 11 * lds);
        FloatVector r12 = FloatVector.fromArray(S, src, s + 12 * lds);
        FloatVector r13 = FloatVector.fromArray(S, src, s + 13 * lds);
        FloatVector r14 = FloatVector.fromArray(S, src, s + 14 * lds);
        FloatVector r15 = FloatVector.fromArray(S, src, s + 15 * lds);
        FloatVector t0;
        t0 = r0.blend(r8.rearrange(up3), high3); r8 = r8.blend(r0.rearrange(down3), low3); r0 = t0;
        t0 = r1.blend(r9.rearrange(up3), high3); r9 = r9.blend(r1.rearrange(down3), low3); r1 = t0;
        t0 = r2.blend(r10.rearrange(up3), high3); r10 = r10.blend(r2.rearrange(down3), low3); r2 = t0;
        t0 = r3.blend(r11.rearrange(up3), high3); r11 = r11.blend(r3.rearrange(down3), low3); r3 = t0;
        t0 = r4.blend(r12.rearrange(up3), high3); r12 = r12.blend(r4.rearrange(down3), low3); r4 = t0;
        t0 = r5.blend(r13.rearrange(up3), high3); r13 = r13.blend(r5.rearrange(down3), low3); r5 = t0;
        t0 = r6.blend(r14.rearrange(up3), high3); r14 = r14.blend(r6.rearrange(down3), low3); r6 = t0;
        t0 = r7.blend(r15.rearrange(up3), high3); r15 = r15.blend(r7.rearrange(down3), low3); r7 = t0;
        t0 = r0.blend(r4.rearrange(up2), high2); r4 = r4.blend(r0.rearrange(down2), low2); r0 = t0;
        t0 = r1.blend(r5.rearrange(up2), high2); r5 = r5.blend(r1.rearrange(down2), low2); r1 = t0;
        t0 = r2.blend(r6.rearrange(up2), high2); r6 = r6.blend(r2.rearrange(down2), low2); r2 = t0;
        t0 = r3.blend(r7.rearrange(up2), high2); r7 = r7.blend(r3.rearrange(down2), low2); r3 = t0;
        t0 = r8.blend(r12.rearrange(up2), high2); r12 = r12.blend(r8.rearrange(down2), low2); r8 = t0;
        t0 = r9.blend(r13.rearrange(up2), high2); r13 = r13.blend(r9.rearrange(down2), low2); r9 = t0;
        t0 = r10.blend(r14.rearrange(up2), high2); r14 = r14.blend(r10.rearrange(down2), low2); r10 = t0;
        t0 = r11.blend(r15.rearrange(up2), high2); r15 = r15.blend(r11.rearrange(down2), low2); r11 = t0;
        t0 = r0.blend(r2.rearrange(up1), high1); r2 = r2.blend(r0.rearrange(down1), low1); r0 = t0;
        t0 = r1.blend(r3.rearrange(up1), high1); r3 = r3.blend(r1.rearrange(down1), low1); r1 = t0;
        t0 = r4.blend(r6.rearrange(up1), high1); r6 = r6.blend(r4.rearrange(down1), low1); r4 = t0;
        t0 = r5.blend(r7.rearrange(up1), high1); r7 = r7.blend(r5.rearrange(down1), low1); r5 = t0;
        t0 = r8.blend(r10.rearrange(up1), high1); r10 = r10.blend(r8.rearrange(down1), low1); r8 = t0;
        t0 = r9.blend(r11.rearrange(up1), high1); r11 = r11.blend(r9.rearrange(down1), low1); r9 = t0;
        t0 = r12.blend(r14.rearrange(up1), high1); r14 = r14.blend(r12.rearrange(down1), low1); r12 = t0;
        t0 = r13.blend(r15.rearrange(up1), high1); r15 = r15.blend(r13.rearrange(down1), low1); r13 = t0;
        t0 = r0.blend(r1.rearrange(up0), high0); r1 = r1.blend(r0.rearrange(down0), low0); r0 = t0;
        t0 = r2.blend(r3.rearrange(up0), high0); r3 = r3.blend(r2.rearrange(down0), low0); r2 = t0;
        t0 = r4.blend(r5.rearrange(up0), high0); r5 = r5.blend(r4.rearrange(down0), low0); r4 = t0;
        t0 = r6.blend(r7.rearrange(up0), high0); r7 = r7.blend(r6.rearrange(down0), low0); r6 = t0;
        t0 = r8.blend(r9.rearrange(up0), high0); r9 = r9.blend(r8.rearrange(down0), low0); r8 = t0;
        t0 = r10.blend(r11.rearrange(up0), high0); r11 = r11.blend(r10.rearrange(down0), low0); r10 = t0;
        t0 = r12.blend(r13.rearrange(up0), high0); r13 = r13.blend(r12.rearrange(down0), low0); r12 = t0;
        t0 = r14.blend(r15.rearrange(up0), high0); r15 = r15.blend(r14.rearrange(down0), low0); r14 = t0;
        r0.intoArray(dst, d);
        r1.intoArray(dst, d + ldd);
        r2.intoArray(dst, d + 2 * ldd);
        r3.intoArray(dst, d + 3 * ldd);
        r4.intoArray(dst, d + 4 * ldd);
        r5.intoArray(dst, d + 5 * ldd);
        r6.intoArray(dst, d + 6 * ldd);
        r7.intoArray(dst, d + 7 * ldd);
        r8.intoArray(dst, d + 8 * ldd);
        r9.intoArray(dst, d + 9 * ldd);
        r10.intoArray(dst, d + 10 * ldd);
        r11.intoArray(dst, d + 11 * ldd);
        r12.intoArray(dst, d + 12 * ldd);
        r13.intoArray(dst, d + 13 * ldd);
        r14.intoArray(dst, d + 14 * ldd);
        r15.intoArray(dst, d + 15 * ldd);
    }

    /**
     * dst[d + j·8 + r] = src[s + r·lds + j] for r &lt; 8, j &lt; 16 (requires {@link #FITS}): an 8 × 8 transpose in
     * each half of the vectors (stages s = 4, 2, 1 leave row r holding columns r and 8 + r), then the
     * halves of rows 2m and 2m + 1 exchanged (the s = 8 lanes between neighbouring rows), which gives
     * the output rows 2m, 2m + 1 and 8 + 2m, 9 + 2m as whole vectors.
     */
    static void halfBlock(float[] src, int s, int lds, float[] dst, int d) {
        VectorShuffle<Float> up0 = UP[0];
        VectorShuffle<Float> down0 = DOWN[0];
        VectorMask<Float> high0 = HIGH[0];
        VectorMask<Float> low0 = LOW[0];
        VectorShuffle<Float> up1 = UP[1];
        VectorShuffle<Float> down1 = DOWN[1];
        VectorMask<Float> high1 = HIGH[1];
        VectorMask<Float> low1 = LOW[1];
        VectorShuffle<Float> up2 = UP[2];
        VectorShuffle<Float> down2 = DOWN[2];
        VectorMask<Float> high2 = HIGH[2];
        VectorMask<Float> low2 = LOW[2];
        VectorShuffle<Float> up3 = UP[3];
        VectorShuffle<Float> down3 = DOWN[3];
        VectorMask<Float> high3 = HIGH[3];
        VectorMask<Float> low3 = LOW[3];
        FloatVector r0 = FloatVector.fromArray(S, src, s);
        FloatVector r1 = FloatVector.fromArray(S, src, s + lds);
        FloatVector r2 = FloatVector.fromArray(S, src, s + 2 * lds);
        FloatVector r3 = FloatVector.fromArray(S, src, s + 3 * lds);
        FloatVector r4 = FloatVector.fromArray(S, src, s + 4 * lds);
        FloatVector r5 = FloatVector.fromArray(S, src, s + 5 * lds);
        FloatVector r6 = FloatVector.fromArray(S, src, s + 6 * lds);
        FloatVector r7 = FloatVector.fromArray(S, src, s + 7 * lds);
        FloatVector t0;
        t0 = r0.blend(r4.rearrange(up2), high2); r4 = r4.blend(r0.rearrange(down2), low2); r0 = t0;
        t0 = r1.blend(r5.rearrange(up2), high2); r5 = r5.blend(r1.rearrange(down2), low2); r1 = t0;
        t0 = r2.blend(r6.rearrange(up2), high2); r6 = r6.blend(r2.rearrange(down2), low2); r2 = t0;
        t0 = r3.blend(r7.rearrange(up2), high2); r7 = r7.blend(r3.rearrange(down2), low2); r3 = t0;
        t0 = r0.blend(r2.rearrange(up1), high1); r2 = r2.blend(r0.rearrange(down1), low1); r0 = t0;
        t0 = r1.blend(r3.rearrange(up1), high1); r3 = r3.blend(r1.rearrange(down1), low1); r1 = t0;
        t0 = r4.blend(r6.rearrange(up1), high1); r6 = r6.blend(r4.rearrange(down1), low1); r4 = t0;
        t0 = r5.blend(r7.rearrange(up1), high1); r7 = r7.blend(r5.rearrange(down1), low1); r5 = t0;
        t0 = r0.blend(r1.rearrange(up0), high0); r1 = r1.blend(r0.rearrange(down0), low0); r0 = t0;
        t0 = r2.blend(r3.rearrange(up0), high0); r3 = r3.blend(r2.rearrange(down0), low0); r2 = t0;
        t0 = r4.blend(r5.rearrange(up0), high0); r5 = r5.blend(r4.rearrange(down0), low0); r4 = t0;
        t0 = r6.blend(r7.rearrange(up0), high0); r7 = r7.blend(r6.rearrange(down0), low0); r6 = t0;
        t0 = r0.blend(r1.rearrange(up3), high3); r1 = r1.blend(r0.rearrange(down3), low3); r0 = t0;
        t0 = r2.blend(r3.rearrange(up3), high3); r3 = r3.blend(r2.rearrange(down3), low3); r2 = t0;
        t0 = r4.blend(r5.rearrange(up3), high3); r5 = r5.blend(r4.rearrange(down3), low3); r4 = t0;
        t0 = r6.blend(r7.rearrange(up3), high3); r7 = r7.blend(r6.rearrange(down3), low3); r6 = t0;
        r0.intoArray(dst, d + 0);
        r1.intoArray(dst, d + 64);
        r2.intoArray(dst, d + 16);
        r3.intoArray(dst, d + 80);
        r4.intoArray(dst, d + 32);
        r5.intoArray(dst, d + 96);
        r6.intoArray(dst, d + 48);
        r7.intoArray(dst, d + 112);
    }

    /**
     * The inverse of {@link #halfBlock}: dst[d + r·ldd + j] = src[s + j·8 + r] for r &lt; 8, j &lt; 16
     * (16 rows of 8 to 8 rows of 16; requires {@link #FITS}). Every stage of halfBlock swaps blocks
     * between two rows, so it undoes itself: the same stages in the reverse order.
     */
    static void halfBlockBack(float[] src, int s, float[] dst, int d, int ldd) {
        VectorShuffle<Float> up0 = UP[0];
        VectorShuffle<Float> down0 = DOWN[0];
        VectorMask<Float> high0 = HIGH[0];
        VectorMask<Float> low0 = LOW[0];
        VectorShuffle<Float> up1 = UP[1];
        VectorShuffle<Float> down1 = DOWN[1];
        VectorMask<Float> high1 = HIGH[1];
        VectorMask<Float> low1 = LOW[1];
        VectorShuffle<Float> up2 = UP[2];
        VectorShuffle<Float> down2 = DOWN[2];
        VectorMask<Float> high2 = HIGH[2];
        VectorMask<Float> low2 = LOW[2];
        VectorShuffle<Float> up3 = UP[3];
        VectorShuffle<Float> down3 = DOWN[3];
        VectorMask<Float> high3 = HIGH[3];
        VectorMask<Float> low3 = LOW[3];
        FloatVector r0 = FloatVector.fromArray(S, src, s);
        FloatVector r1 = FloatVector.fromArray(S, src, s + 64);
        FloatVector r2 = FloatVector.fromArray(S, src, s + 16);
        FloatVector r3 = FloatVector.fromArray(S, src, s + 80);
        FloatVector r4 = FloatVector.fromArray(S, src, s + 32);
        FloatVector r5 = FloatVector.fromArray(S, src, s + 96);
        FloatVector r6 = FloatVector.fromArray(S, src, s + 48);
        FloatVector r7 = FloatVector.fromArray(S, src, s + 112);
        FloatVector t0;
        t0 = r0.blend(r1.rearrange(up3), high3); r1 = r1.blend(r0.rearrange(down3), low3); r0 = t0;
        t0 = r2.blend(r3.rearrange(up3), high3); r3 = r3.blend(r2.rearrange(down3), low3); r2 = t0;
        t0 = r4.blend(r5.rearrange(up3), high3); r5 = r5.blend(r4.rearrange(down3), low3); r4 = t0;
        t0 = r6.blend(r7.rearrange(up3), high3); r7 = r7.blend(r6.rearrange(down3), low3); r6 = t0;
        t0 = r0.blend(r1.rearrange(up0), high0); r1 = r1.blend(r0.rearrange(down0), low0); r0 = t0;
        t0 = r2.blend(r3.rearrange(up0), high0); r3 = r3.blend(r2.rearrange(down0), low0); r2 = t0;
        t0 = r4.blend(r5.rearrange(up0), high0); r5 = r5.blend(r4.rearrange(down0), low0); r4 = t0;
        t0 = r6.blend(r7.rearrange(up0), high0); r7 = r7.blend(r6.rearrange(down0), low0); r6 = t0;
        t0 = r0.blend(r2.rearrange(up1), high1); r2 = r2.blend(r0.rearrange(down1), low1); r0 = t0;
        t0 = r1.blend(r3.rearrange(up1), high1); r3 = r3.blend(r1.rearrange(down1), low1); r1 = t0;
        t0 = r4.blend(r6.rearrange(up1), high1); r6 = r6.blend(r4.rearrange(down1), low1); r4 = t0;
        t0 = r5.blend(r7.rearrange(up1), high1); r7 = r7.blend(r5.rearrange(down1), low1); r5 = t0;
        t0 = r0.blend(r4.rearrange(up2), high2); r4 = r4.blend(r0.rearrange(down2), low2); r0 = t0;
        t0 = r1.blend(r5.rearrange(up2), high2); r5 = r5.blend(r1.rearrange(down2), low2); r1 = t0;
        t0 = r2.blend(r6.rearrange(up2), high2); r6 = r6.blend(r2.rearrange(down2), low2); r2 = t0;
        t0 = r3.blend(r7.rearrange(up2), high2); r7 = r7.blend(r3.rearrange(down2), low2); r3 = t0;
        r0.intoArray(dst, d);
        r1.intoArray(dst, d + ldd);
        r2.intoArray(dst, d + 2 * ldd);
        r3.intoArray(dst, d + 3 * ldd);
        r4.intoArray(dst, d + 4 * ldd);
        r5.intoArray(dst, d + 5 * ldd);
        r6.intoArray(dst, d + 6 * ldd);
        r7.intoArray(dst, d + 7 * ldd);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static VectorShuffle<Float>[] shuffles(boolean up) {
        VectorShuffle<Float>[] result = new VectorShuffle[STAGES];
        for (int t = 0; t < STAGES; t++) {
            int s = 1 << t;
            int[] lanes = new int[L];
            for (int l = 0; l < L; l++) {
                boolean bit = (l & s) != 0;
                lanes[l] = up ? (bit ? l - s : l) : (bit ? l : l + s);
            }
            result[t] = VectorShuffle.fromArray(S, lanes, 0);
        }
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static VectorMask<Float>[] masks(boolean high) {
        VectorMask<Float>[] result = new VectorMask[STAGES];
        for (int t = 0; t < STAGES; t++) {
            boolean[] lanes = new boolean[L];
            for (int l = 0; l < L; l++) {
                lanes[l] = ((l & (1 << t)) != 0) == high;
            }
            result[t] = VectorMask.fromArray(S, lanes, 0);
        }
        return result;
    }
}
