package org.oneneuron.engine;

import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.Shape;

/**
 * The rules of a stride-1 convolution without im2col, on the shifted-row kernels of
 * {@link Arith#shiftRows} and {@link Arith#shiftDots}. Every plane is kept in rows of one stride
 * wp = W + 2·pad (the padded input width), so output position t = oh·wp + ow reads input
 * t + off(c, i, j) with off = (c·hp + i)·wp + j: one kernel call per sample computes
 * Z = K ⋆ x as rows of filters over t, and the positions ow ≥ OW of each row are dropped when Z
 * is packed into y (with the bias).
 *
 * <p>The reverse pass writes δy into an adjoint buffer D of the same row stride, one zero-bordered
 * block per filter: ∂K[f, (c,i,j)] = Σ_t D_f[t]·x[t + off(c,i,j)] (the zero columns drop the
 * dropped positions) and δx[c, u] = Σ_{f,i,j} K[f,c,i,j]·D_f[u + pad·wp + pad − i·wp − j] over
 * u = ih·wp + iw (a full correlation: the borders of D are zeros). The R-operator uses the same
 * products with (V, Rx, Rδy). Samples go in groups whose buffers stay near the L2 cache.
 */
final class ShiftConv {

    /** Values of one group's adjoint and padded-input buffers. */
    static final int GROUP_VALUES = 1 << 16;

    private final Shape in;
    private final Shape out;
    private final int w;
    private final int b;
    private final int filters;
    private final int channels;
    private final int area;
    private final int pad;
    private final int hp;
    private final int wp;
    /** C·kh·kw and F·kh·kw: the taps of the forward products and of the input adjoint. */
    private final int taps;
    private final int backTaps;
    private final int kk;
    /** off(c, i, j) of the forward product and the weight gradient; span of t. */
    private final int[] forward;
    private final int span;
    /** Start of the data in one filter's block of D, the block length, and the span of D's rows. */
    private final int lead;
    private final int block;
    private final int adjointSpan;
    /** Offsets (f, i, j) of the input adjoint into D, and the span of u. */
    private final int[] backward;
    private final int backSpan;

    ShiftConv(Shape in, LayerSpec.Conv spec, Shape out, int weightOffset, int biasOffset) {
        this.in = in;
        this.out = out;
        this.w = weightOffset;
        this.b = biasOffset;
        this.filters = spec.filters();
        this.channels = in.channels();
        this.area = out.area();
        int kh = spec.kernelHeight();
        int kw = spec.kernelWidth();
        this.kk = kh * kw;
        this.pad = spec.padding();
        this.hp = in.height() + 2 * pad;
        this.wp = in.width() + 2 * pad;
        this.taps = channels * kk;
        this.backTaps = filters * kk;
        this.forward = new int[taps];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    forward[(c * kh + i) * kw + j] = (c * hp + i) * wp + j;
                }
            }
        }
        this.span = (out.height() - 1) * wp + out.width();
        this.lead = Math.max(0, kh - 1 - pad) * wp + Math.max(0, kw - 1 - pad);
        this.block = lead + Math.max(out.height(), in.height() + pad) * wp;
        this.adjointSpan = span;
        this.backward = new int[backTaps];
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    backward[(f * kh + i) * kw + j] = f * block + lead + pad * wp + pad - i * wp - j;
                }
            }
        }
        this.backSpan = (in.height() - 1) * wp + in.width();
    }

    /** Weights rearranged per pass, one sample's Z, and a group's padded inputs and adjoints. */
    static final class State {
        final int group;
        /** Kᵀ (taps × F) and V's, for the forward products. */
        final Buf kt;
        Buf vt;
        /** K as (f, i, j) × C and V's, for the input adjoint. */
        Buf kb;
        Buf vb;
        final Buf z;
        Buf xp;
        Buf rxp;
        Buf d;
        Buf rd;
        Buf dxp;

        State(Arith ar, ShiftConv c, int capacity) {
            int perSample = c.filters * c.block + (c.pad > 0 ? c.channels * c.hp * c.wp : 0);
            this.group = Math.max(1, Math.min(capacity, GROUP_VALUES / perSample));
            this.kt = ar.alloc(c.taps * c.filters);
            this.z = ar.alloc(c.filters * c.span);
        }
    }

    State newState(Arith ar, int capacity) {
        return new State(ar, this, capacity);
    }

    private static Buf ensure(Arith ar, Buf buf, int n) {
        return buf != null ? buf : ar.alloc(n);
    }

    /** Rows [r0, r0 + count) of x in the padded layout: x itself (no padding) or copies in buf. */
    private Buf padded(Arith ar, Buf x, int xOff, int r0, int count, Buf buf) {
        if (pad == 0) {
            return x;
        }
        int ph = hp * wp;
        for (int r = 0; r < count; r++) {
            int src = xOff + (r0 + r) * in.size();
            for (int c = 0; c < channels; c++) {
                ar.copyRuns(x, src + c * in.area(), in.width(), buf, r * channels * ph + c * ph + pad * wp + pad, wp,
                        in.height(), in.width());
            }
        }
        return buf;
    }

    private int paddedOffset(int xOff, int r0) {
        return pad == 0 ? xOff + r0 * in.size() : 0;
    }

    private int paddedStride() {
        return pad == 0 ? in.size() : channels * hp * wp;
    }

    /** D's blocks of the group's samples = δy rows [r0, r0 + count) (borders stay zero). */
    private void fold(Arith ar, Buf dy, int r0, int count, Buf d) {
        for (int r = 0; r < count; r++) {
            for (int f = 0; f < filters; f++) {
                ar.copyRuns(dy, (r0 + r) * out.size() + f * area, out.width(), d, (r * filters + f) * block + lead, wp,
                        out.height(), out.width());
            }
        }
    }

    void value(Pass p, Buf x, int xOff, Buf y, State s) {
        Arith ar = p.ar;
        ar.transpose(p.theta, w, filters, taps, s.kt, 0);
        if (pad > 0) {
            s.xp = ensure(ar, s.xp, s.group * channels * hp * wp);
        }
        for (int r = 0; r < p.rows; r++) {
            Buf src = padded(ar, x, xOff, r, 1, s.xp);
            ar.shiftRows(filters, span, taps, forward, s.kt, 0, filters, src, paddedOffset(xOff, r), 0, false, s.z, 0,
                    span, 0, 1);
            ar.packPlanes(s.z, 0, span, wp, p.theta, b, filters, out.height(), out.width(), y, r * out.size());
        }
    }

    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, State s) {
        Arith ar = p.ar;
        s.vt = ensure(ar, s.vt, taps * filters);
        ar.transpose(p.v, w, filters, taps, s.vt, 0);
        ar.transpose(p.theta, w, filters, taps, s.kt, 0);
        if (pad > 0) {
            s.xp = ensure(ar, s.xp, s.group * channels * hp * wp);
            s.rxp = ensure(ar, s.rxp, s.group * channels * hp * wp);
        }
        for (int r = 0; r < p.rows; r++) {
            Buf src = padded(ar, x, xOff, r, 1, s.xp);
            ar.shiftRows(filters, span, taps, forward, s.vt, 0, filters, src, paddedOffset(xOff, r), 0, false, s.z, 0,
                    span, 0, 1);
            if (rx != null) {
                Buf rsrc = padded(ar, rx, 0, r, 1, s.rxp);
                ar.shiftRows(filters, span, taps, forward, s.kt, 0, filters, rsrc, paddedOffset(0, r), 0, true, s.z,
                        0, span, 0, 1);
            }
            ar.packPlanes(s.z, 0, span, wp, p.v, b, filters, out.height(), out.width(), ry, r * out.size());
        }
    }

    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, State s) {
        Arith ar = p.ar;
        s.d = ensure(ar, s.d, s.group * filters * block);
        if (dx != null) {
            s.kb = arrangeBackward(ar, p.theta, s.kb);
        }
        if (pad > 0) {
            s.xp = ensure(ar, s.xp, s.group * channels * hp * wp);
        }
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            boolean acc = p.accumulate || r0 > 0;
            fold(ar, dy, r0, count, s.d);
            Buf src = padded(ar, x, xOff, r0, count, s.xp);
            ar.shiftDots(filters, adjointSpan, taps, forward, s.d, lead, block, filters * block, src,
                    paddedOffset(xOff, r0), paddedStride(), count, acc, p.out, w, taps);
            biasSums(ar, dy, r0, count, acc, p.out);
            if (dx != null) {
                inputAdjoint(ar, s, s.kb, s.d, null, null, dx, r0, count);
            }
        }
    }

    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, State s) {
        Arith ar = p.ar;
        s.d = ensure(ar, s.d, s.group * filters * block);
        s.rd = ensure(ar, s.rd, s.group * filters * block);
        if (dx != null) {
            s.kb = arrangeBackward(ar, p.theta, s.kb);
            s.vb = arrangeBackward(ar, p.v, s.vb);
        }
        if (pad > 0) {
            s.xp = ensure(ar, s.xp, s.group * channels * hp * wp);
            s.rxp = ensure(ar, s.rxp, s.group * channels * hp * wp);
        }
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            boolean acc = p.accumulate || r0 > 0;
            fold(ar, dy, r0, count, s.d);
            fold(ar, rdy, r0, count, s.rd);
            Buf src = padded(ar, x, xOff, r0, count, s.xp);
            ar.shiftDots(filters, adjointSpan, taps, forward, s.rd, lead, block, filters * block, src,
                    paddedOffset(xOff, r0), paddedStride(), count, acc, p.out, w, taps);
            if (rx != null) {
                Buf rsrc = padded(ar, rx, 0, r0, count, s.rxp);
                ar.shiftDots(filters, adjointSpan, taps, forward, s.d, lead, block, filters * block, rsrc,
                        paddedOffset(0, r0), paddedStride(), count, true, p.out, w, taps);
            }
            biasSums(ar, rdy, r0, count, acc, p.out);
            if (dx != null) {
                inputAdjoint(ar, s, s.kb, s.d, null, null, dx, r0, count);
                inputAdjoint(ar, s, s.kb, s.rd, s.vb, s.d, rdx, r0, count);
            }
        }
    }

    /** (f, i, j) × C: kb[((f·kh + i)·kw + j)·C + c] = K[f, c, i, j], the input adjoint's weights. */
    private Buf arrangeBackward(Arith ar, Buf theta, Buf buf) {
        Buf kb = ensure(ar, buf, backTaps * channels);
        for (int f = 0; f < filters; f++) {
            ar.transpose(theta, w + f * taps, channels, kk, kb, f * kk * channels);
        }
        return kb;
    }

    /** ∂b (=|+=) Σ over the group's rows and positions of δy, per filter. */
    private void biasSums(Arith ar, Buf dy, int r0, int count, boolean acc, Buf outGrad) {
        for (int f = 0; f < filters; f++) {
            double sum = 0;
            for (int r = 0; r < count; r++) {
                sum += ar.sum(dy, (r0 + r) * out.size() + f * area, area);
            }
            outGrad.set(b + f, acc ? outGrad.get(b + f) + sum : sum);
        }
    }

    /**
     * dx rows [r0, r0 + count) = Σ K-correlations of the group's D (+ those of V with D2 when
     * non-null), overwritten.
     */
    private void inputAdjoint(Arith ar, State s, Buf k, Buf d, Buf k2, Buf d2, Buf dx, int r0, int count) {
        boolean direct = wp == in.width();
        if (!direct) {
            s.dxp = ensure(ar, s.dxp, channels * backSpan);
        }
        for (int r = 0; r < count; r++) {
            Buf target = direct ? dx : s.dxp;
            int tOff = direct ? (r0 + r) * in.size() : 0;
            int ld = direct ? in.area() : backSpan;
            ar.shiftRows(channels, backSpan, backTaps, backward, k, 0, channels, d, r * filters * block, 0, false,
                    target, tOff, ld, 0, 1);
            if (k2 != null) {
                ar.shiftRows(channels, backSpan, backTaps, backward, k2, 0, channels, d2, r * filters * block, 0, true,
                        target, tOff, ld, 0, 1);
            }
            if (!direct) {
                ar.packPlanes(s.dxp, 0, backSpan, wp, null, 0, channels, in.height(), in.width(), dx,
                        (r0 + r) * in.size());
            }
        }
    }
}
