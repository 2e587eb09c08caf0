package org.oneneuron.engine;

import java.util.ArrayList;
import java.util.List;
import org.oneneuron.data.Shape;
import org.oneneuron.model.LayerSpec;

/**
 * 2-D convolution by im2col over groups of samples: cols = im2col(x) (C·kh·kw × R·P for R samples
 * of P output positions, zero where a window leaves the padded input), Z = K·cols with K
 * filters × C·kh·kw at {@code w} in θ (PyTorch's filters×C×kh×kw), y = Z + b per sample at
 * {@code b}. The reverse pass is a dense layer's over all positions: ∂K = δZ·colsᵀ, ∂b = Σ δZ,
 * δx = col2im(Kᵀ·δZ); the R-operator follows the same bilinear pattern. One product per group
 * instead of one per sample keeps the matrix products long (measured: docs/PERFORMANCE.md).
 */
final class ConvLayer extends Layer {

    /** Values of one group's columns (bounds R so that cols stays near the L2 cache). */
    static final int GROUP_VALUES = 1 << 18;

    private final int w;
    private final int b;
    private final int filters;
    private final int kernel;
    private final int positions;
    /** im2col runs of one sample: (source offset, row, column, length, stride) each. */
    private final int[] runs;
    /** The rules without im2col, for stride 1 on back-ends with the shifted-row kernels. */
    private final ShiftConv shift;

    ConvLayer(Shape in, LayerSpec.Conv spec, int weightOffset, int biasOffset) {
        super(in, spec.output(in));
        this.w = weightOffset;
        this.b = biasOffset;
        this.filters = spec.filters();
        this.kernel = spec.kernelSize(in);
        this.positions = out.area();
        this.runs = runs(in, spec, out);
        this.shift = spec.stride() == 1 ? new ShiftConv(in, spec, weightOffset, biasOffset) : null;
    }

    private static int[] runs(Shape in, LayerSpec.Conv spec, Shape out) {
        int kh = spec.kernelHeight();
        int kw = spec.kernelWidth();
        int s = spec.stride();
        int pad = spec.padding();
        List<int[]> list = new ArrayList<>();
        for (int c = 0; c < in.channels(); c++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = (c * kh + i) * kw + j;
                    int ow0 = Math.max(0, Math.floorDiv(pad - j + s - 1, s));
                    int ow1 = Math.min(out.width(), Math.floorDiv(in.width() - 1 + pad - j, s) + 1);
                    for (int oh = 0; oh < out.height(); oh++) {
                        int ih = oh * s + i - pad;
                        if (ih >= 0 && ih < in.height() && ow0 < ow1) {
                            int src = (c * in.height() + ih) * in.width() + ow0 * s + j - pad;
                            list.add(new int[] {src, row, oh * out.width() + ow0, ow1 - ow0, s});
                        }
                    }
                }
            }
        }
        int[] flat = new int[list.size() * 5];
        for (int q = 0; q < list.size(); q++) {
            System.arraycopy(list.get(q), 0, flat, q * 5, 5);
        }
        return flat;
    }

    /** Samples per group, and the group's buffers (allocated when first needed). */
    static final class State {
        final int group;
        final int ld;
        Buf cols;
        Buf rcols;
        Buf z;
        Buf rz;
        Buf dcols;

        State(int group, int positions) {
            this.group = group;
            this.ld = group * positions;
        }
    }

    @Override
    Object newState(Arith arith, int capacity) {
        PlaneArith ar = (PlaneArith) arith;
        if (shift != null && ar.shiftKernels()) {
            return shift.newState(ar, capacity);
        }
        int group = Math.max(1, Math.min(capacity, GROUP_VALUES / Math.max(1, kernel * positions)));
        State s = new State(group, positions);
        s.cols = ar.alloc(kernel * s.ld);
        s.z = ar.alloc(filters * s.ld);
        return s;
    }

    private static Buf ensure(PlaneArith ar, Buf buf, int n) {
        return buf != null ? buf : ar.alloc(n);
    }

    /** cols = im2col of rows [r0, r0 + count) of x (from xOff). */
    private void columns(PlaneArith ar, State s, Buf x, int xOff, int r0, int count, Buf cols) {
        for (int r = 0; r < count; r++) {
            ar.im2col(x, xOff + (r0 + r) * in.size(), runs, cols, s.ld, r * positions);
        }
    }

    /** y rows [r0, r0 + count) = Z (filters × count·P, leading dimension ld) + bias. */
    private void unfold(PlaneArith ar, State s, Buf z, Buf bias, Buf y, int r0, int count) {
        for (int r = 0; r < count; r++) {
            int ys = (r0 + r) * out.size();
            ar.fillChannels(bias, b, filters, positions, y, ys);
            for (int f = 0; f < filters; f++) {
                ar.axpy(1, z, f * s.ld + r * positions, y, ys + f * positions, positions);
            }
        }
    }

    /** Z (filters × count·P) = rows [r0, r0 + count) of δy rearranged. */
    private void fold(PlaneArith ar, State s, Buf dy, Buf z, int r0, int count) {
        for (int r = 0; r < count; r++) {
            ar.copyRuns(dy, (r0 + r) * out.size(), positions, z, r * positions, s.ld, filters, positions);
        }
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        if (state instanceof ShiftConv.State direct) {
            shift.value(p, x, xOff, y, direct);
            return;
        }
        State s = (State) state;
        PlaneArith ar = p.planes();
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            int n = count * positions;
            columns(ar, s, x, xOff, r0, count, s.cols);
            ar.gemm(false, false, filters, n, kernel, p.theta, w, kernel, s.cols, 0, s.ld, false, s.z, 0, s.ld);
            unfold(ar, s, s.z, p.theta, y, r0, count);
        }
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        if (state instanceof ShiftConv.State direct) {
            shift.tangent(p, x, xOff, rx, ry, direct);
            return;
        }
        State s = (State) state;
        PlaneArith ar = p.planes();
        if (rx != null) {
            s.rcols = ensure(ar, s.rcols, kernel * s.ld);
        }
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            int n = count * positions;
            columns(ar, s, x, xOff, r0, count, s.cols);
            ar.gemm(false, false, filters, n, kernel, p.v, w, kernel, s.cols, 0, s.ld, false, s.z, 0, s.ld);
            if (rx != null) {
                columns(ar, s, rx, 0, r0, count, s.rcols);
                ar.gemm(false, false, filters, n, kernel, p.theta, w, kernel, s.rcols, 0, s.ld, true, s.z, 0, s.ld);
            }
            unfold(ar, s, s.z, p.v, ry, r0, count);
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        if (state instanceof ShiftConv.State direct) {
            shift.vjp(p, x, xOff, dy, dx, direct);
            return;
        }
        State s = (State) state;
        PlaneArith ar = p.planes();
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            int n = count * positions;
            boolean acc = p.accumulate || r0 > 0;
            fold(ar, s, dy, s.z, r0, count);
            columns(ar, s, x, xOff, r0, count, s.cols);
            ar.gemm(false, true, filters, kernel, n, s.z, 0, s.ld, s.cols, 0, s.ld, acc, p.out, w, kernel);
            sumsInto(ar, s, s.z, n, acc, p.out);
            if (dx != null) {
                adjoint(p, s, s.z, null, dx, r0, count);
            }
        }
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        if (state instanceof ShiftConv.State direct) {
            shift.rvjp(p, x, xOff, rx, dy, rdy, dx, rdx, direct);
            return;
        }
        State s = (State) state;
        PlaneArith ar = p.planes();
        s.rz = ensure(ar, s.rz, filters * s.ld);
        if (rx != null) {
            s.rcols = ensure(ar, s.rcols, kernel * s.ld);
        }
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            int n = count * positions;
            boolean acc = p.accumulate || r0 > 0;
            fold(ar, s, dy, s.z, r0, count);
            fold(ar, s, rdy, s.rz, r0, count);
            columns(ar, s, x, xOff, r0, count, s.cols);
            ar.gemm(false, true, filters, kernel, n, s.rz, 0, s.ld, s.cols, 0, s.ld, acc, p.out, w, kernel);
            if (rx != null) {
                columns(ar, s, rx, 0, r0, count, s.rcols);
                ar.gemm(false, true, filters, kernel, n, s.z, 0, s.ld, s.rcols, 0, s.ld, true, p.out, w, kernel);
            }
            sumsInto(ar, s, s.rz, n, acc, p.out);
            if (dx != null) {
                adjoint(p, s, s.z, null, dx, r0, count);
                adjoint(p, s, s.rz, s.z, rdx, r0, count);
            }
        }
    }

    /** ∂b (=|+=) Σ over positions of Z's rows. */
    private void sumsInto(PlaneArith ar, State s, Buf z, int n, boolean acc, Buf out) {
        for (int f = 0; f < filters; f++) {
            double sum = ar.sum(z, f * s.ld, n);
            out.set(b + f, acc ? out.get(b + f) + sum : sum);
        }
    }

    /**
     * dx rows = col2im(Kᵀ·δZ (+ Vᵀ·δZ2 when z2 is non-null)), the rows' dx overwritten.
     */
    private void adjoint(Pass p, State s, Buf z, Buf z2, Buf dx, int r0, int count) {
        PlaneArith ar = p.planes();
        int n = count * positions;
        s.dcols = ensure(ar, s.dcols, kernel * s.ld);
        ar.gemm(true, false, kernel, n, filters, p.theta, w, kernel, z, 0, s.ld, false, s.dcols, 0, s.ld);
        if (z2 != null) {
            ar.gemm(true, false, kernel, n, filters, p.v, w, kernel, z2, 0, s.ld, true, s.dcols, 0, s.ld);
        }
        ar.zero(dx, r0 * in.size(), count * in.size());
        for (int r = 0; r < count; r++) {
            ar.col2im(s.dcols, s.ld, r * positions, runs, dx, (r0 + r) * in.size());
        }
    }
}
