package org.oneneuron.engine;

import org.oneneuron.data.Shape;
import org.oneneuron.model.LayerSpec;

/**
 * The geometry of a {@link ShiftConv}: offset tables, the layouts of its buffers, which layout
 * each product uses, and the products themselves on one sample or one group of samples.
 *
 * <p>Layout choice: each product takes the layout with the lower count of vector fmas, weighted
 * by their measured cost (ConvPieceTimes: CPU time per sample of every layout of W5's layers on
 * this machine kind). Positions in lanes compute the value and the weight gradient over shifted
 * copies of the input (exactly OH·OW positions), in tiles of two vectors, the rows in tiles of 8
 * (the full correlation of the input adjoint also sums over zero borders); a weight-gradient fma
 * costs 1.5× a value fma (two loads per two fmas, the adjoint re-read for every pair of taps),
 * plus the lane sums of each tile once per group of samples. Channels in lanes compute
 * ⌈F / lanes⌉ vectors per output: with one broadcast input per fma when F fits one vector, 1.4×
 * a shifted-rows fma (conv1's value took 9.1 µs against 3.1 µs in float32, 9.6 against 6.5 in
 * float64), with one per two fmas otherwise, 0.9× (conv2's value in float64: 6.9 against 7.7 µs).
 * The gathered input adjoint computes exactly its columns, then adds them once more (conv2 in
 * float32: 10.1 µs with the channel-lanes gradient, against 12.1 for the full correlation; with
 * positions in lanes for the gradient, 15.1). The weight gradient may also run over a channel-minor
 * copy of the input, with the runs of kw·C values (j, c) of one kernel row in the lanes of 3-vector
 * tiles (fma weight {@link #RUNS_COST}, exact lanes rounded up to whole tiles), which pays when
 * kw·C fills most of them; each layout also pays its rearranged copies (shifted copies at
 * {@link #COPY_COST}, transposes at {@link #TRANSPOSE_COST} per value). W5: conv1 takes positions
 * in lanes for both its products in both precisions; conv2 the shifted copies for its value in
 * float32 and channels in lanes in float64, the runs for its weight gradient in float32 (2.5 µs
 * per sample plus 0.2 for the input's transposes, against 3.6 plus 0.4 for δy's; kw·C = 40 lanes
 * of 48) and channels in lanes in float64 and at 8 float lanes (measured slower there), and the
 * gathered input adjoint. The transpose weight was measured on gathers (0.45–0.50 µs for W5's
 * input); 8 rows at 16 float lanes now transpose in registers in 0.20, so the model overcharges
 * the runs there, which only makes it pick them less eagerly.
 */
final class ShiftPlan {

    /** Values of one group's adjoint and padded-input buffers. */
    static final int GROUP_VALUES = 1 << 16;
    /** Tiles of the kernels: rows of {@code shiftRows}/{@code shiftDots}, outputs of {@code laneProduct}. */
    private static final int ROW_TILE = 8;
    private static final int LANE_TILE = 16;
    /**
     * Cost of a fma, against one of {@code shiftRows}, in a channels-in-lanes tile of one vector
     * (a broadcast per fma), in {@code shiftDots} (two loads per two fmas, the adjoint re-read
     * for every pair of taps) and in the gathered input adjoint (its columns, then col2im).
     */
    private static final double SINGLE_COST = 1.4;
    private static final double PAIR_COST = 0.9;
    private static final double DOTS_COST = 1.5;
    private static final double GATHER_COST = 1.15;
    private static final double RUNS_COST = 1.05;
    /** Cost of one value of a shifted copy or of a transpose, against a shifted-rows fma. */
    private static final double COPY_COST = 0.6;
    private static final double TRANSPOSE_COST = 2.4;

    /** The layouts of the weight gradient. */
    enum Gradient {
        /** Positions in lanes over the shifted copies ({@link #dotsGradient}). */
        DOTS,
        /** Filters in lanes over δyᵀ ({@link #laneGradient}). */
        LANES,
        /** Runs (j, c) of a kernel row in lanes over a channel-minor input ({@link #runsGradient}). */
        RUNS
    }

    final Shape in;
    final Shape out;
    final int w;
    final int b;
    final int filters;
    final int channels;
    final int positions;
    final int pad;
    final int hp;
    final int wp;
    final int kh;
    final int kw;
    final int taps;
    final int backTaps;
    final int paddedSize;
    /** off(c, i, j) into the padded input, and p → oh·wp + ow. */
    final int[] forward;
    final int[] positionOffsets;
    final int span;
    /** Start of the data in one filter's block of D, and the block length. */
    final int lead;
    final int block;
    /** Offsets (f, i, j) of the full correlation into D, and the span of u. */
    final int[] backward;
    final int backSpan;
    /** f·OH·OW: the filters as taps of the gathered input adjoint's columns. */
    final int[] filterRows;
    /**
     * The shifted copies of one sample's padded input, X_j[c, ih, ow] = x[c, ih, ow + j] for j &lt; kw
     * (kw·C·hp·OW values): tap (c, i, j) of output p = oh·OW + ow reads X_j[c, oh + i, ow], so the
     * value's positions are contiguous and exact.
     */
    final int copiesSize;
    final int[] copyTaps;
    /**
     * The runs layout: p itself (δy's column), p's start (oh·wp + ow)·C in a channel-minor padded
     * input, f·taps, and lane (j, c)'s place c·kh·kw + j in a kernel row of θ.
     */
    final int[] positionIndex;
    final int[] runOffsets;
    final int[] filterTaps;
    final int[] runTaps;

    ShiftPlan(Shape in, LayerSpec.Conv spec, int weightOffset, int biasOffset) {
        this.in = in;
        this.out = spec.output(in);
        this.w = weightOffset;
        this.b = biasOffset;
        this.filters = spec.filters();
        this.channels = in.channels();
        this.positions = out.area();
        this.kh = spec.kernelHeight();
        this.kw = spec.kernelWidth();
        this.pad = spec.padding();
        this.hp = in.height() + 2 * pad;
        this.wp = in.width() + 2 * pad;
        this.paddedSize = channels * hp * wp;
        this.taps = channels * kh * kw;
        this.backTaps = filters * kh * kw;
        this.forward = new int[taps];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    forward[(c * kh + i) * kw + j] = (c * hp + i) * wp + j;
                }
            }
        }
        this.positionOffsets = new int[positions];
        for (int p = 0; p < positions; p++) {
            positionOffsets[p] = (p / out.width()) * wp + p % out.width();
        }
        this.span = (out.height() - 1) * wp + out.width();
        this.lead = Math.max(0, kh - 1 - pad) * wp + Math.max(0, kw - 1 - pad);
        this.block = lead + Math.max(out.height(), in.height() + pad) * wp;
        this.backward = new int[backTaps];
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    backward[(f * kh + i) * kw + j] = f * block + lead + pad * wp + pad - i * wp - j;
                }
            }
        }
        this.backSpan = (in.height() - 1) * wp + in.width();
        this.filterRows = new int[filters];
        for (int f = 0; f < filters; f++) {
            filterRows[f] = f * positions;
        }
        this.positionIndex = new int[positions];
        this.runOffsets = new int[positions];
        for (int p = 0; p < positions; p++) {
            positionIndex[p] = p;
            runOffsets[p] = positionOffsets[p] * channels;
        }
        this.filterTaps = new int[filters];
        for (int f = 0; f < filters; f++) {
            filterTaps[f] = f * taps;
        }
        this.runTaps = new int[kw * channels];
        for (int j = 0; j < kw; j++) {
            for (int c = 0; c < channels; c++) {
                runTaps[j * channels + c] = c * kh * kw + j;
            }
        }
        int plane = hp * out.width();
        this.copiesSize = kw * channels * plane;
        this.copyTaps = new int[taps];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    copyTaps[(c * kh + i) * kw + j] = (j * channels + c) * plane + i * out.width();
                }
            }
        }
    }

    // ---- layout choice ----

    private static int up(int n, int tile) {
        return (n + tile - 1) / tile * tile;
    }

    /** Vector fmas of a shifted-rows product: rows in tiles of 8, the span in tiles of 2 vectors (scalar when shorter). */
    private static double rowsCost(int rows, int span, int taps, int lanes) {
        double spanVectors = span < 2 * lanes ? span : up(span, 2 * lanes) / (double) lanes;
        return up(rows, ROW_TILE) * spanVectors * taps;
    }

    /**
     * Weighted fmas of a channels-in-lanes product: one broadcast per fma in tiles of 16 outputs ×
     * 1 vector (weight {@link #SINGLE_COST}), or per two fmas in tiles of 8 × 2 vectors ({@link #PAIR_COST}).
     */
    private double laneCost(int outputs, int steps, int lanes) {
        int vectors = (filters + lanes - 1) / lanes;
        return vectors >= 2 ? PAIR_COST * vectors * up(outputs, 8) * steps
                : SINGLE_COST * up(outputs, LANE_TILE) * steps;
    }

    boolean lanesForward(int lanes) {
        return laneCost(positions, taps, lanes) < rowsCost(filters, positions, taps, lanes);
    }

    Gradient gradient(int lanes) {
        // fmas, plus the lane sums of every 8 × 2 tile once per group of samples
        double group = Math.max(1, Math.min(64, GROUP_VALUES / (double) copiesSize));
        double dots = DOTS_COST * up(filters, ROW_TILE) * ((positions + lanes - 1) / lanes) * up(taps, 2)
                + up(filters, ROW_TILE) / 8.0 * up(taps, 2) / 2.0 * 16 * lanes / group + COPY_COST * copiesSize;
        double channelLanes = laneCost(taps, positions, lanes) + TRANSPOSE_COST * positions * filters;
        double runs = RUNS_COST * up(filters, ROW_TILE) * kh * positions * up(kw * channels, 3 * lanes) / lanes
                + TRANSPOSE_COST * paddedSize;
        if (runs < channelLanes && runs < dots) {
            return Gradient.RUNS;
        }
        return channelLanes < dots ? Gradient.LANES : Gradient.DOTS;
    }

    boolean gatherInputAdjoint(int lanes) {
        return GATHER_COST * rowsCost(taps, positions, filters, lanes) < rowsCost(channels, backSpan, backTaps, lanes);
    }

    // ---- buffers ----

    /** Rows [r0, r0 + count) of x in the padded layout: x itself (no padding) or copies in buf. */
    Buf padded(PlaneArith ar, Buf x, int xOff, int r0, int count, Buf buf) {
        if (pad == 0) {
            return x;
        }
        int ph = hp * wp;
        for (int r = 0; r < count; r++) {
            int src = xOff + (r0 + r) * in.size();
            for (int c = 0; c < channels; c++) {
                ar.copyRuns(x, src + c * in.area(), in.width(), buf, r * paddedSize + c * ph + pad * wp + pad, wp,
                        in.height(), in.width());
            }
        }
        return buf;
    }

    int paddedOffset(int xOff, int r0) {
        return pad == 0 ? xOff + r0 * in.size() : 0;
    }

    int paddedStride() {
        return pad == 0 ? in.size() : paddedSize;
    }

    /** The shifted copies of row r of x (padded through xp when pad &gt; 0) into copies from cOff. */
    void shiftedCopies(PlaneArith ar, Buf x, int xOff, int r, Buf xp, Buf copies, int cOff) {
        Buf src = padded(ar, x, xOff, r, 1, xp);
        int srcOff = paddedOffset(xOff, r);
        int plane = hp * out.width();
        for (int j = 0; j < kw; j++) {
            for (int c = 0; c < channels; c++) {
                ar.copyRuns(src, srcOff + c * hp * wp + j, wp, copies, cOff + (j * channels + c) * plane, out.width(),
                        hp, out.width());
            }
        }
    }

    /** The shifted copies of rows [r0, r0 + count) of x, one sample after another. */
    void groupCopies(PlaneArith ar, Buf x, int xOff, int r0, int count, Buf xp, Buf copies) {
        for (int r = 0; r < count; r++) {
            shiftedCopies(ar, x, xOff, r0 + r, xp, copies, r * copiesSize);
        }
    }

    /** y[ys + f·P + p] += Σ_{(c,i,j)} Wᵀ[(c,i,j), f]·X_j[c, oh + i, ow] over the shifted copies. */
    void copiesForward(PlaneArith ar, Buf wt, Buf copies, Buf y, int ys) {
        ar.shiftRows(filters, positions, taps, copyTaps, wt, 0, filters, copies, 0, 0, true, y, ys, positions, 0, 1);
    }

    /** D's blocks of the group's samples = δy rows [r0, r0 + count) (borders stay zero). */
    void fold(PlaneArith ar, Buf dy, int r0, int count, Buf d) {
        for (int r = 0; r < count; r++) {
            for (int f = 0; f < filters; f++) {
                ar.copyRuns(dy, (r0 + r) * out.size() + f * positions, out.width(), d, (r * filters + f) * block + lead,
                        wp, out.height(), out.width());
            }
        }
    }

    /** δyᵀ (positions × filters) of each of the group's samples. */
    void transposeAdjoints(PlaneArith ar, Buf dy, int r0, int count, Buf dt) {
        for (int r = 0; r < count; r++) {
            ar.transpose(dy, (r0 + r) * out.size(), filters, positions, dt, r * positions * filters);
        }
    }

    /** (f, i, j) × C: kb[((f·kh + i)·kw + j)·C + c] = K[f, c, i, j], the full correlation's weights. */
    Buf arrangeBackward(PlaneArith ar, Buf theta, Buf kb) {
        int kk = kh * kw;
        for (int f = 0; f < filters; f++) {
            ar.transpose(theta, w + f * taps, channels, kk, kb, f * kk * channels);
        }
        return kb;
    }

    // ---- products ----

    /** y[ys + f·P + p] += Σ_{(c,i,j)} Wᵀ[(c,i,j), f]·src[srcOff + off(p) + off(c,i,j)], channels in lanes. */
    void laneForward(PlaneArith ar, Buf wt, Buf src, int srcOff, Buf y, int ys) {
        ar.laneProduct(positions, taps, filters, positionOffsets, forward, wt, 0, filters, 0, src, srcOff, 0, 1, true,
                true, y, ys, positions);
    }

    /** ∂K (=|+=) Σ over the group of δyᵀ ⊗ shifted inputs, channels in lanes. */
    void laneGradient(PlaneArith ar, Buf dt, Buf src, int srcOff, int count, boolean acc, Buf grad) {
        ar.laneProduct(taps, positions, filters, forward, positionOffsets, dt, 0, filters, positions * filters, src,
                srcOff, paddedStride(), count, true, acc, grad, w, taps);
    }

    /**
     * xt = rows [r0, r0 + count) of x, padded, channel-minor: xt[r·paddedSize + (ih·wp + iw)·C + c]
     * (xt holds 3 vectors of slack past the last sample, for whole-vector reads).
     */
    void channelMinor(PlaneArith ar, Buf x, int xOff, int r0, int count, Buf xp, Buf xt) {
        Buf src = padded(ar, x, xOff, r0, count, xp);
        int srcOff = paddedOffset(xOff, r0);
        for (int r = 0; r < count; r++) {
            ar.transpose(src, srcOff + r * paddedStride(), channels, hp * wp, xt, r * paddedSize);
        }
    }

    /**
     * ∂K (=|+=) Σ over the group (rows [r0, r0 + count)) of δy ⊗ the channel-minor input xt, per
     * kernel row i: ∂K[f, c, i, j] = Σ_s Σ_p δy[s, f, p]·xt[s, (oh + i)·wp + ow + j, c].
     */
    void runsGradient(PlaneArith ar, Buf dy, int r0, Buf xt, int count, boolean acc, Buf grad) {
        for (int i = 0; i < kh; i++) {
            ar.runProduct(filters, positions, kw * channels, filterRows, positionIndex, runOffsets, xt,
                    i * wp * channels, paddedSize, dy, r0 * out.size(), out.size(), count, acc, grad, w + i * kw,
                    filterTaps, runTaps);
        }
    }

    /** ∂K (=|+=) Σ over the group (rows [r0, r0 + count)) of δy ⊗ shifted copies, positions in lanes. */
    void dotsGradient(PlaneArith ar, Buf dy, int r0, Buf copies, int count, boolean acc, Buf grad) {
        ar.shiftDots(filters, positions, taps, copyTaps, dy, r0 * out.size(), positions, out.size(), copies, 0,
                copiesSize, count, acc, grad, w, taps);
    }

    /**
     * ∂b (=|+=) Σ over the group's rows and positions of δy, per filter: each row's plane summed,
     * then the rows' sums in row order (sums: scratch of at least count values).
     */
    void biasSums(PlaneArith ar, Buf dy, int r0, int count, boolean acc, Buf grad, double[] sums) {
        for (int f = 0; f < filters; f++) {
            ar.planeSums(dy, r0 * out.size() + f * positions, positions, out.size(), count, sums);
            double sum = 0;
            for (int r = 0; r < count; r++) {
                sum += sums[r];
            }
            grad.set(b + f, acc ? grad.get(b + f) + sum : sum);
        }
    }

    /** Length of the columns buffer: taps × P from offset kw, with the slack col2im reads. */
    int columnsLength(int lanes) {
        return kw + taps * positions + in.width() + pad + lanes;
    }

    /** cols (taps × P, from offset kw) (=|+=) Kᵀ·δy of one row, K from weights at w (θ or v). */
    void columns(PlaneArith ar, Buf weights, Buf adjoint, int row, boolean accumulate, Buf cols) {
        ar.shiftRows(taps, positions, filters, filterRows, weights, w, taps, adjoint, row * out.size(), 0, accumulate,
                cols, kw, positions, 0, 1);
    }

    /** dx of one row (overwritten) = col2im(cols). */
    void gather(PlaneArith ar, Buf cols, Buf dx, int row) {
        ar.col2im(channels, in.height(), in.width(), kh, kw, pad, out.height(), out.width(), cols, kw, positions, dx,
                row * in.size());
    }

    /**
     * dx of one row (overwritten) = the full correlation of the group's D block r with kb (+ that of
     * D2 with kb2 when kb2 is non-null), through dxp when the rows are padded.
     */
    void correlate(PlaneArith ar, Buf kb, Buf d, int r, Buf kb2, Buf d2, Buf dxp, Buf dx, int row) {
        boolean direct = wp == in.width();
        Buf target = direct ? dx : dxp;
        int tOff = direct ? row * in.size() : 0;
        int ld = direct ? in.area() : backSpan;
        ar.shiftRows(channels, backSpan, backTaps, backward, kb, 0, channels, d, r * filters * block, 0, false, target,
                tOff, ld, 0, 1);
        if (kb2 != null) {
            ar.shiftRows(channels, backSpan, backTaps, backward, kb2, 0, channels, d2, r * filters * block, 0, true,
                    target, tOff, ld, 0, 1);
        }
        if (!direct) {
            ar.packPlanes(dxp, 0, backSpan, wp, null, 0, channels, in.height(), in.width(), dx, row * in.size());
        }
    }
}
