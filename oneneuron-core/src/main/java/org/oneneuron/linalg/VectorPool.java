package org.oneneuron.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2×2 max pooling at stride 2 on the Vector API ({@link ConvKernels#maxPool2x2}). One vector
 * holds 2n consecutive values of the window's top row and one of its bottom row, n outputs; a
 * pair swap puts each window's top-right (bottom-right) value beside its top-left (bottom-left)
 * one, and the first maximum in the order top-left, top-right, bottom-left, bottom-right is found
 * by three strict comparisons with blends of values and indices, exactly the scalar loop's
 * choice; a NaN in the window makes the output NaN. The even lanes are then packed and stored
 * (in float as half vectors, unmasked, or masked in rows of fewer than n outputs: the masked
 * stores made W5's first pooling 1.2x slower; through a small tile in double, whose 8-lane int
 * store was not intrinsified).
 * In float a row's last partial chunk is recomputed over the row's final n outputs (overlapping
 * the previous chunk, the same values), so only rows of fewer than n outputs use masked loads
 * (measured: 1.6× faster than masked partial chunks on W5's first pooling); in double a partial
 * last chunk uses masked loads.
 */
final class VectorPool {

    private static final VectorSpecies<Float> SF = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> SFI = SF.withLanes(int.class);
    private static final int LF = SF.length();
    /** Half a float vector: the packed outputs of a whole chunk, stored unmasked. */
    private static final VectorSpecies<Float> HF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SF.vectorBitSize() / 2)));
    private static final VectorSpecies<Integer> HFI = HF.withLanes(int.class);
    /** A quarter float vector: the outputs of one window row that fills a vector (w = L/2). */
    private static final VectorSpecies<Float> QF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(Math.max(64, SF.vectorBitSize() / 4)));
    private static final VectorSpecies<Integer> QFI = QF.withLanes(int.class);
    /** Lane k ← k / 2 (each of the half vector's outputs to its window's two columns). */
    private static final VectorShuffle<Float> DUP_F = VectorShuffle.fromOp(SF, k -> k / 2);
    private static final VectorShuffle<Integer> DUP_FI = VectorShuffle.fromOp(SFI, k -> k / 2);
    /** Lane k ← (k mod L/2) / 2 (a quarter vector's outputs to their windows' top and bottom rows). */
    private static final VectorShuffle<Float> DUP2_F = VectorShuffle.fromOp(SF, k -> (k % (LF / 2)) / 2);
    private static final VectorShuffle<Integer> DUP2_FI = VectorShuffle.fromOp(SFI, k -> (k % (LF / 2)) / 2);
    /** Lane k ← k + L/2 mod L: the bottom row's lanes onto the top row's. */
    private static final VectorShuffle<Float> HALF_SWAP_F = VectorShuffle.fromOp(SF, k -> (k + LF / 2) % LF);
    private static final VectorShuffle<Integer> HALF_SWAP_FI = VectorShuffle.fromOp(SFI, k -> (k + LF / 2) % LF);
    private static final VectorSpecies<Double> SD = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> SDL = SD.withLanes(long.class);
    private static final int LD = SD.length();
    private static final int[] SWAP = new int[Math.max(LF, LD)];
    private static final int[] IOTA = new int[Math.max(LF, LD)];
    private static final long[] IOTA_L = new long[LD];
    private static final VectorShuffle<Float> SWAP_F;
    private static final VectorShuffle<Float> EVEN_F;
    private static final VectorShuffle<Integer> EVEN_FI;
    private static final VectorShuffle<Double> SWAP_D;
    private static final VectorShuffle<Double> EVEN_D;
    private static final VectorShuffle<Long> EVEN_DL;
    private static final VectorShuffle<Long> SWAP_DL;

    static {
        for (int i = 0; i < SWAP.length; i++) {
            SWAP[i] = i ^ 1;
            IOTA[i] = i;
        }
        for (int i = 0; i < LD; i++) {
            IOTA_L[i] = i;
        }
        SWAP_F = VectorShuffle.fromArray(SF, SWAP, 0);
        EVEN_F = VectorShuffle.fromArray(SF, evenFor(LF), 0);
        EVEN_FI = VectorShuffle.fromArray(SFI, evenFor(LF), 0);
        SWAP_D = VectorShuffle.fromArray(SD, SWAP, 0);
        EVEN_D = VectorShuffle.fromArray(SD, evenFor(LD), 0);
        EVEN_DL = VectorShuffle.fromArray(SDL, evenFor(LD), 0);
        SWAP_DL = VectorShuffle.fromArray(SDL, SWAP, 0);
    }

    private static final ThreadLocal<Tile> TILE = ThreadLocal.withInitial(Tile::new);

    /** Per-thread landing place of one chunk's packed values and indices. */
    private static final class Tile {
        final double[] d = new double[LD];
        final long[] l = new long[LD];
    }

    private VectorPool() {
    }

    static void maxPool2x2(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff, int[] arg, int aOff) {
        if (2 * w == LF && LF >= 8) {
            maxPoolRowVectors(x, xOff, channels, h, w, y, yOff, arg, aOff);
            return;
        }
        int oh = h / 2;
        int ow = w / 2;
        int half = LF / 2;
        int n = Math.min(half, ow);
        VectorShuffle<Float> swap = SWAP_F;
        VectorShuffle<Float> even = EVEN_F;
        VectorShuffle<Integer> evenI = EVEN_FI;
        IntVector iota = IntVector.fromArray(SFI, IOTA, 0);
        IntVector iotaSwap = IntVector.fromArray(SFI, SWAP, 0);
        IntVector iotaBelow = iota.add(w);
        IntVector iotaSwapBelow = iotaSwap.add(w);
        VectorMask<Float> in = SF.indexInRange(0, 2 * n);
        VectorMask<Float> out = SF.indexInRange(0, n);
        VectorMask<Integer> outI = out.cast(SFI);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < oh; i++) {
                int top = c * h * w + 2 * i * w;
                int o = (c * oh + i) * ow;
                for (int j = 0; j < ow; j += half) {
                    int j0 = Math.min(j, ow - n);
                    int at = top + 2 * j0;
                    FloatVector t = n == half ? FloatVector.fromArray(SF, x, xOff + at)
                            : FloatVector.fromArray(SF, x, xOff + at, in);
                    FloatVector b = n == half ? FloatVector.fromArray(SF, x, xOff + at + w)
                            : FloatVector.fromArray(SF, x, xOff + at + w, in);
                    FloatVector ts = t.rearrange(swap);
                    FloatVector bs = b.rearrange(swap);
                    VectorMask<Float> m = ts.compare(VectorOperators.GT, t);
                    FloatVector best = t.blend(ts, m);
                    IntVector idx = iota.blend(iotaSwap, m.cast(SFI));
                    m = b.compare(VectorOperators.GT, best);
                    best = best.blend(b, m);
                    idx = idx.blend(iotaBelow, m.cast(SFI));
                    m = bs.compare(VectorOperators.GT, best);
                    best = best.blend(bs, m);
                    idx = idx.blend(iotaSwapBelow, m.cast(SFI)).add(at);
                    VectorMask<Float> bad = t.compare(VectorOperators.NE, t).or(ts.compare(VectorOperators.NE, ts))
                            .or(b.compare(VectorOperators.NE, b)).or(bs.compare(VectorOperators.NE, bs));
                    best = best.blend(Float.NaN, bad);
                    if (n == half) {
                        ((FloatVector) best.rearrange(even).reinterpretShape(HF, 0)).intoArray(y, yOff + o + j0);
                        ((IntVector) idx.rearrange(evenI).reinterpretShape(HFI, 0)).intoArray(arg, aOff + o + j0);
                    } else {
                        best.rearrange(even).intoArray(y, yOff + o + j0, out);
                        idx.rearrange(evenI).intoArray(arg, aOff + o + j0, outI);
                    }
                }
            }
        }
    }

    /**
     * {@link #maxPool2x2} where one vector holds a window row (w = L/2: W5's second pooling, 8
     * columns): the first maximum of each column pair (top-left before top-right, bottom-left
     * before bottom-right), then the bottom pair's only where strictly greater than the top
     * pair's, which is the first maximum in the scalar order; a window row holding a NaN takes the
     * scalar rule ({@link ScalarPool#poolRow}).
     */
    private static void maxPoolRowVectors(float[] x, int xOff, int channels, int h, int w, float[] y, int yOff,
                                          int[] arg, int aOff) {
        int oh = h / 2;
        int ow = w / 2;
        IntVector iota = IntVector.fromArray(SFI, IOTA, 0);
        IntVector iotaSwap = IntVector.fromArray(SFI, SWAP, 0);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < oh; i++) {
                int top = c * h * w + 2 * i * w;
                int o = (c * oh + i) * ow;
                FloatVector v = FloatVector.fromArray(SF, x, xOff + top);
                if (v.compare(VectorOperators.NE, v).anyTrue()) {
                    ScalarPool.poolRow(x, xOff, top, w, ow, y, yOff + o, arg, aOff + o);
                    continue;
                }
                VectorMask<Float> m = v.rearrange(SWAP_F).compare(VectorOperators.GT, v);
                FloatVector pair = v.blend(v.rearrange(SWAP_F), m);
                IntVector at = iota.blend(iotaSwap, m.cast(SFI));
                FloatVector below = pair.rearrange(HALF_SWAP_F);
                m = below.compare(VectorOperators.GT, pair);
                FloatVector best = pair.blend(below, m);
                IntVector idx = at.blend(at.rearrange(HALF_SWAP_FI), m.cast(SFI)).add(top);
                ((FloatVector) best.rearrange(EVEN_F).reinterpretShape(QF, 0)).intoArray(y, yOff + o);
                ((IntVector) idx.rearrange(EVEN_FI).reinterpretShape(QFI, 0)).intoArray(arg, aOff + o);
            }
        }
    }

    /**
     * The adjoint of {@link #maxPool2x2} on one sample ({@link ConvKernels#maxPoolAdjoint2x2}):
     * each window written whole, δy (plus +0, as the scalar scatter's sum from 0 gives) at its
     * maximum and 0 elsewhere, half a vector of outputs (or a window row, w = L/2) at a time.
     * Shapes with an odd side or rows of fewer outputs take the scalar zero-and-scatter.
     */
    static void maxPoolAdjoint2x2(float[] dy, int dyOff, int[] arg, int aOff, int channels, int h, int w, float[] dx,
                                  int dxOff) {
        int oh = h / 2;
        int ow = w / 2;
        int half = LF / 2;
        boolean rowVectors = 2 * w == LF && LF >= 8;
        if (h % 2 != 0 || w % 2 != 0 || !(ow >= half || rowVectors)) {
            ScalarPool.maxPoolAdjoint(dy, dyOff, arg, aOff, channels * oh * ow, channels * h * w, dx, dxOff);
            return;
        }
        FloatVector zero = FloatVector.zero(SF);
        IntVector iota = IntVector.fromArray(SFI, IOTA, 0);
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < oh; i++) {
                int top = c * h * w + 2 * i * w;
                int o = (c * oh + i) * ow;
                if (rowVectors) {
                    FloatVector d = ((FloatVector) FloatVector.fromArray(QF, dy, dyOff + o).reinterpretShape(SF, 0))
                            .rearrange(DUP2_F).add(0f);
                    IntVector a = ((IntVector) IntVector.fromArray(QFI, arg, aOff + o).reinterpretShape(SFI, 0))
                            .rearrange(DUP2_FI);
                    zero.blend(d, a.compare(VectorOperators.EQ, iota.add(top)).cast(SF)).intoArray(dx, dxOff + top);
                    continue;
                }
                for (int j = 0; j < ow; j += half) {
                    int j0 = Math.min(j, ow - half);
                    int at = top + 2 * j0;
                    FloatVector d = ((FloatVector) FloatVector.fromArray(HF, dy, dyOff + o + j0).reinterpretShape(SF, 0))
                            .rearrange(DUP_F).add(0f);
                    IntVector a = ((IntVector) IntVector.fromArray(HFI, arg, aOff + o + j0).reinterpretShape(SFI, 0))
                            .rearrange(DUP_FI);
                    IntVector pos = iota.add(at);
                    zero.blend(d, a.compare(VectorOperators.EQ, pos).cast(SF)).intoArray(dx, dxOff + at);
                    zero.blend(d, a.compare(VectorOperators.EQ, pos.add(w)).cast(SF)).intoArray(dx, dxOff + at + w);
                }
            }
        }
    }

    static void maxPool2x2(double[] x, int xOff, int channels, int h, int w, double[] y, int yOff, int[] arg,
                           int aOff) {
        int oh = h / 2;
        int ow = w / 2;
        int half = LD / 2;
        VectorShuffle<Double> swap = SWAP_D;
        VectorShuffle<Double> even = EVEN_D;
        VectorShuffle<Long> evenL = EVEN_DL;
        LongVector iota = LongVector.fromArray(SDL, IOTA_L, 0);
        LongVector iotaSwap = iota.rearrange(SWAP_DL);
        DoubleVector nan = DoubleVector.broadcast(SD, Double.NaN);
        Tile tile = TILE.get();
        int o = 0;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < oh; i++) {
                int top = c * h * w + 2 * i * w;
                for (int j0 = 0; j0 < ow; j0 += half) {
                    int n = Math.min(half, ow - j0);
                    int at = top + 2 * j0;
                    DoubleVector t;
                    DoubleVector b;
                    if (n == half) {
                        t = DoubleVector.fromArray(SD, x, xOff + at);
                        b = DoubleVector.fromArray(SD, x, xOff + at + w);
                    } else {
                        VectorMask<Double> in = SD.indexInRange(0, 2 * n);
                        t = DoubleVector.fromArray(SD, x, xOff + at, in);
                        b = DoubleVector.fromArray(SD, x, xOff + at + w, in);
                    }
                    DoubleVector ts = t.rearrange(swap);
                    DoubleVector bs = b.rearrange(swap);
                    DoubleVector best = t;
                    LongVector idx = iota.add(at);
                    VectorMask<Double> m = ts.compare(VectorOperators.GT, best);
                    best = best.blend(ts, m);
                    idx = idx.blend(iotaSwap.add(at), m.cast(SDL));
                    m = b.compare(VectorOperators.GT, best);
                    best = best.blend(b, m);
                    idx = idx.blend(iota.add(at + w), m.cast(SDL));
                    m = bs.compare(VectorOperators.GT, best);
                    best = best.blend(bs, m);
                    idx = idx.blend(iotaSwap.add(at + w), m.cast(SDL));
                    VectorMask<Double> bad = t.test(VectorOperators.IS_NAN).or(ts.test(VectorOperators.IS_NAN))
                            .or(b.test(VectorOperators.IS_NAN)).or(bs.test(VectorOperators.IS_NAN));
                    best = best.blend(nan, bad);
                    best.rearrange(even).intoArray(tile.d, 0);
                    idx.rearrange(evenL).intoArray(tile.l, 0);
                    for (int k = 0; k < n; k++) {
                        y[yOff + o + k] = tile.d[k];
                        arg[aOff + o + k] = (int) tile.l[k];
                    }
                    o += n;
                }
            }
        }
    }

    /** The shuffle that moves the even lanes of a {@code lanes}-lane vector to its lower half. */
    private static int[] evenFor(int lanes) {
        int[] e = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            e[i] = i < lanes / 2 ? 2 * i : 2 * (i - lanes / 2) + 1;
        }
        return e;
    }
}
