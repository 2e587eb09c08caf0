package org.oneneuron.engine;

import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.Shape;

/**
 * The geometry of a {@link ShiftConv}: offset tables, the layouts of its buffers, which layout
 * each product uses, and the products themselves on one sample or one group of samples.
 *
 * <p>Layout choice: each product runs where the larger share of its vector lanes does useful
 * work. Positions in lanes compute span = (OH − 1)·wp + OW positions per filter in tiles of two
 * vectors and rows in tiles of 8 (the full correlation of the input adjoint also sums over the
 * zero borders); channels in lanes compute ⌈F / lanes⌉ vectors per position in tiles of 16; the
 * gathered input adjoint computes exactly its columns and then adds them once more. For W5 in
 * float32 (16 lanes): conv1 (8 filters, 24×24) keeps positions in lanes (86% of the lanes useful
 * against 50%), conv2 (16 filters, 8×8) takes channels in lanes (100% against 67%) and the
 * gathered input adjoint (100% against 40%).
 */
final class ShiftPlan {

    /** Values of one group's adjoint and padded-input buffers. */
    static final int GROUP_VALUES = 1 << 16;
    /** Tiles of the kernels: rows of {@code shiftRows}/{@code shiftDots}, outputs of {@code laneProduct}. */
    private static final int ROW_TILE = 8;
    private static final int LANE_TILE = 16;
    /** Weight of the gathering pass of the gathered input adjoint against its products. */
    private static final double GATHER_COST = 1.15;

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
    }

    // ---- layout choice ----

    private static int up(int n, int tile) {
        return (n + tile - 1) / tile * tile;
    }

    /** Lane-positions a shifted-rows product computes for a span (a span shorter than a tile runs scalar). */
    private static double spanCost(int span, int lanes) {
        return span < 2 * lanes ? (double) span * lanes : up(span, 2 * lanes);
    }

    private double rowsShare(int lanes) {
        return (double) filters * positions / (up(filters, ROW_TILE) * spanCost(span, lanes));
    }

    private double laneShare(int lanes, int outputs) {
        return (double) filters * outputs / ((double) up(filters, lanes) * up(outputs, LANE_TILE));
    }

    boolean lanesForward(int lanes) {
        return laneShare(lanes, positions) > rowsShare(lanes);
    }

    boolean lanesGradient(int lanes) {
        double dots = (double) filters * positions * taps
                / ((double) up(filters, ROW_TILE) * up(span, lanes) * up(taps, 2));
        return laneShare(lanes, taps) > dots;
    }

    boolean gatherInputAdjoint(int lanes) {
        double useful = (double) filters * taps * positions;
        double correlate = useful / (up(channels, ROW_TILE) * spanCost(backSpan, lanes) * backTaps);
        double gathered = useful / (up(taps, ROW_TILE) * spanCost(positions, lanes) * filters) / GATHER_COST;
        return gathered > correlate;
    }

    // ---- buffers ----

    /** Rows [r0, r0 + count) of x in the padded layout: x itself (no padding) or copies in buf. */
    Buf padded(Arith ar, Buf x, int xOff, int r0, int count, Buf buf) {
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

    /** D's blocks of the group's samples = δy rows [r0, r0 + count) (borders stay zero). */
    void fold(Arith ar, Buf dy, int r0, int count, Buf d) {
        for (int r = 0; r < count; r++) {
            for (int f = 0; f < filters; f++) {
                ar.copyRuns(dy, (r0 + r) * out.size() + f * positions, out.width(), d, (r * filters + f) * block + lead,
                        wp, out.height(), out.width());
            }
        }
    }

    /** δyᵀ (positions × filters) of each of the group's samples. */
    void transposeAdjoints(Arith ar, Buf dy, int r0, int count, Buf dt) {
        for (int r = 0; r < count; r++) {
            ar.transpose(dy, (r0 + r) * out.size(), filters, positions, dt, r * positions * filters);
        }
    }

    /** (f, i, j) × C: kb[((f·kh + i)·kw + j)·C + c] = K[f, c, i, j], the full correlation's weights. */
    Buf arrangeBackward(Arith ar, Buf theta, Buf kb) {
        int kk = kh * kw;
        for (int f = 0; f < filters; f++) {
            ar.transpose(theta, w + f * taps, channels, kk, kb, f * kk * channels);
        }
        return kb;
    }

    // ---- products ----

    /** y[ys + f·P + p] += Σ_{(c,i,j)} Wᵀ[(c,i,j), f]·src[srcOff + off(p) + off(c,i,j)], channels in lanes. */
    void laneForward(Arith ar, Buf wt, Buf src, int srcOff, Buf y, int ys) {
        ar.laneProduct(positions, taps, filters, positionOffsets, forward, wt, 0, filters, 0, src, srcOff, 0, 1, true,
                true, y, ys, positions);
    }

    /** ∂K (=|+=) Σ over the group of δyᵀ ⊗ shifted inputs, channels in lanes. */
    void laneGradient(Arith ar, Buf dt, Buf src, int srcOff, int count, boolean acc, Buf grad) {
        ar.laneProduct(taps, positions, filters, forward, positionOffsets, dt, 0, filters, positions * filters, src,
                srcOff, paddedStride(), count, true, acc, grad, w, taps);
    }

    /** ∂K (=|+=) Σ over the group of D ⊗ shifted inputs, positions in lanes. */
    void dotsGradient(Arith ar, Buf d, Buf src, int srcOff, int count, boolean acc, Buf grad) {
        ar.shiftDots(filters, span, taps, forward, d, lead, block, filters * block, src, srcOff, paddedStride(), count,
                acc, grad, w, taps);
    }

    /** ∂b (=|+=) Σ over the group's rows and positions of δy, per filter. */
    void biasSums(Arith ar, Buf dy, int r0, int count, boolean acc, Buf grad) {
        for (int f = 0; f < filters; f++) {
            double sum = 0;
            for (int r = 0; r < count; r++) {
                sum += ar.planeSum(dy, (r0 + r) * out.size() + f * positions, positions);
            }
            grad.set(b + f, acc ? grad.get(b + f) + sum : sum);
        }
    }

    /** Length of the columns buffer: taps × P from offset kw, with the slack col2im reads. */
    int columnsLength(int lanes) {
        return kw + taps * positions + in.width() + pad + lanes;
    }

    /** cols (taps × P, from offset kw) (=|+=) Kᵀ·δy of one row, K from weights at w (θ or v). */
    void columns(Arith ar, Buf weights, Buf adjoint, int row, boolean accumulate, Buf cols) {
        ar.shiftRows(taps, positions, filters, filterRows, weights, w, taps, adjoint, row * out.size(), 0, accumulate,
                cols, kw, positions, 0, 1);
    }

    /** dx of one row (overwritten) = col2im(cols). */
    void gather(Arith ar, Buf cols, Buf dx, int row) {
        ar.col2im(channels, in.height(), in.width(), kh, kw, pad, out.height(), out.width(), cols, kw, positions, dx,
                row * in.size());
    }

    /**
     * dx of one row (overwritten) = the full correlation of the group's D block r with kb (+ that of
     * D2 with kb2 when kb2 is non-null), through dxp when the rows are padded.
     */
    void correlate(Arith ar, Buf kb, Buf d, int r, Buf kb2, Buf d2, Buf dxp, Buf dx, int row) {
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
