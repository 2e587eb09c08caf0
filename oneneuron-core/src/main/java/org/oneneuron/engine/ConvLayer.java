package org.oneneuron.engine;

import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.Shape;

/**
 * 2-D convolution by im2col: per sample, cols = im2col(x) (C·kh·kw × P, P = output positions,
 * zero where the window leaves the padded input), y = K·cols + b with K filters × C·kh·kw at
 * {@code w} in θ (PyTorch's filters×C×kh×kw row-major) and b at {@code b}. The reverse pass is
 * the dense layer's per position: ∂K += δy·colsᵀ, δcols = Kᵀδy scattered back by col2im.
 */
final class ConvLayer extends Layer {

    private final int w;
    private final int b;
    private final int filters;
    private final int kernel;
    private final int positions;
    /** im2col map: idx[row·P + col] = index into the sample's input, or -1 in the padding. */
    private final int[] idx;

    ConvLayer(Shape in, LayerSpec.Conv spec, int weightOffset, int biasOffset) {
        super(in, spec.output(in));
        this.w = weightOffset;
        this.b = biasOffset;
        this.filters = spec.filters();
        this.kernel = spec.kernelSize(in);
        this.positions = out.area();
        this.idx = im2col(in, spec, out);
    }

    private static int[] im2col(Shape in, LayerSpec.Conv spec, Shape out) {
        int kh = spec.kernelHeight();
        int kw = spec.kernelWidth();
        int p = out.area();
        int[] map = new int[in.channels() * kh * kw * p];
        for (int c = 0; c < in.channels(); c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = (c * kh + i) * kw + j;
                    for (int oh = 0; oh < out.height(); oh++) {
                        for (int ow = 0; ow < out.width(); ow++) {
                            int ih = oh * spec.stride() - spec.padding() + i;
                            int iw = ow * spec.stride() - spec.padding() + j;
                            boolean inside = ih >= 0 && ih < in.height() && iw >= 0 && iw < in.width();
                            map[row * p + oh * out.width() + ow] = inside ? (c * in.height() + ih) * in.width() + iw : -1;
                        }
                    }
                }
            }
        }
        return map;
    }

    /** One sample's columns, their tangent and the adjoint columns. */
    static final class State {
        Buf cols;
        Buf rcols;
        Buf dcols;
    }

    @Override
    Object newState(Arith ar, int capacity) {
        State s = new State();
        s.cols = ar.alloc(idx.length);
        return s;
    }

    private static Buf ensure(Arith ar, Buf buf, int n) {
        return buf != null ? buf : ar.alloc(n);
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        State s = (State) state;
        Arith ar = p.ar;
        for (int r = 0; r < p.rows; r++) {
            int ys = r * out.size();
            ar.gather(x, xOff + r * in.size(), idx, 0, idx.length, s.cols, 0);
            ar.fillChannels(p.theta, b, filters, positions, y, ys);
            ar.gemm(false, false, filters, positions, kernel, p.theta, w, kernel, s.cols, 0, positions, true,
                    y, ys, positions);
        }
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        State s = (State) state;
        Arith ar = p.ar;
        if (rx != null) {
            s.rcols = ensure(ar, s.rcols, idx.length);
        }
        for (int r = 0; r < p.rows; r++) {
            int ys = r * out.size();
            ar.gather(x, xOff + r * in.size(), idx, 0, idx.length, s.cols, 0);
            ar.fillChannels(p.v, b, filters, positions, ry, ys);
            ar.gemm(false, false, filters, positions, kernel, p.v, w, kernel, s.cols, 0, positions, true,
                    ry, ys, positions);
            if (rx != null) {
                ar.gather(rx, r * in.size(), idx, 0, idx.length, s.rcols, 0);
                ar.gemm(false, false, filters, positions, kernel, p.theta, w, kernel, s.rcols, 0, positions, true,
                        ry, ys, positions);
            }
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        State s = (State) state;
        Arith ar = p.ar;
        for (int r = 0; r < p.rows; r++) {
            int ys = r * out.size();
            boolean acc = p.accumulate || r > 0;
            ar.gather(x, xOff + r * in.size(), idx, 0, idx.length, s.cols, 0);
            ar.gemm(false, true, filters, kernel, positions, dy, ys, positions, s.cols, 0, positions, acc,
                    p.out, w, kernel);
            ar.rowSums(dy, ys, filters, positions, acc, p.out, b);
            if (dx != null) {
                backward(p, s, p.theta, dy, ys, null, null, dx, r * in.size());
            }
        }
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        State s = (State) state;
        Arith ar = p.ar;
        if (rx != null) {
            s.rcols = ensure(ar, s.rcols, idx.length);
        }
        for (int r = 0; r < p.rows; r++) {
            int ys = r * out.size();
            boolean acc = p.accumulate || r > 0;
            ar.gather(x, xOff + r * in.size(), idx, 0, idx.length, s.cols, 0);
            ar.gemm(false, true, filters, kernel, positions, rdy, ys, positions, s.cols, 0, positions, acc,
                    p.out, w, kernel);
            if (rx != null) {
                ar.gather(rx, r * in.size(), idx, 0, idx.length, s.rcols, 0);
                ar.gemm(false, true, filters, kernel, positions, dy, ys, positions, s.rcols, 0, positions, true,
                        p.out, w, kernel);
            }
            ar.rowSums(rdy, ys, filters, positions, acc, p.out, b);
            if (dx != null) {
                backward(p, s, p.theta, dy, ys, null, null, dx, r * in.size());
                backward(p, s, p.theta, rdy, ys, p.v, dy, rdx, r * in.size());
            }
        }
    }

    /** dx_sample = col2im(Kᵀ·δ (+ Vᵀ·δ2 when m2 is non-null)), the sample's dx overwritten. */
    private void backward(Pass p, State s, Buf k, Buf delta, int dOff, Buf m2, Buf delta2, Buf dx, int xs) {
        Arith ar = p.ar;
        s.dcols = ensure(ar, s.dcols, idx.length);
        ar.gemm(true, false, kernel, positions, filters, k, w, kernel, delta, dOff, positions, false,
                s.dcols, 0, positions);
        if (m2 != null) {
            ar.gemm(true, false, kernel, positions, filters, m2, w, kernel, delta2, dOff, positions, true,
                    s.dcols, 0, positions);
        }
        ar.zero(dx, xs, in.size());
        ar.scatterAdd(s.dcols, 0, idx, 0, idx.length, 1, 1.0, dx, xs);
    }
}
