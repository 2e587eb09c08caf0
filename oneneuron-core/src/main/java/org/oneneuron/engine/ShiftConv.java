package org.oneneuron.engine;

import org.oneneuron.data.Shape;
import org.oneneuron.model.LayerSpec;

/**
 * The rules of a stride-1 convolution without im2col, on the kernels of
 * {@link org.oneneuron.linalg.ConvKernels}, with every product in the layout that
 * {@link ShiftPlan} measured faster for the layer and precision:
 *
 * <ul>
 *   <li><b>positions in lanes</b> ({@link Arith#shiftRows}, {@link Arith#shiftDots}): the value
 *       y[f, p] = b_f + Σ_{(c,i,j)} K[f,c,i,j]·X_j[c, oh + i, ow] over kw shifted copies of the
 *       (padded) input, X_j[c, ih, ow] = x[c, ih, ow + j], whose OH·OW positions are contiguous;
 *       the weight gradient ∂K[f, (c,i,j)] = Σ_s Σ_p δy[f, p]·X_j[c, oh + i, ow] over the same
 *       copies; the input adjoint as the full correlation
 *       δx[c, u] = Σ_{f,i,j} K[f,c,i,j]·D_f[u + pad·wp + pad − i·wp − j] over an adjoint buffer D
 *       in rows of stride wp = W + 2·pad with zero borders and columns;</li>
 *   <li><b>channels in lanes</b> ({@link Arith#laneProduct}): y[f, p] = b_f + Σ_{(c,i,j)} Kᵀ[(c,i,j), f]·x[p + off],
 *       ∂K[f, (c,i,j)] = Σ_s Σ_p δyᵀ[p, f]·x[p + off]; and the input adjoint as columns
 *       P = Kᵀ·δy (one {@link Arith#shiftRows} with the filters as taps) gathered by {@link Arith#col2im}.</li>
 *   <li><b>runs in lanes</b> ({@link PlaneArith#runProduct}), the weight gradient only:
 *       ∂K[f, c, i, j] = Σ_s Σ_p δy[f, p]·xt[(oh + i)·wp + ow + j, c] over a channel-minor copy xt of
 *       the padded input, whose kw·C values (j, c) of kernel row i at position p are one run. The
 *       same chains, groups and so bits as channels in lanes.</li>
 *   <li><b>over δy's nonzeros</b> ({@link SparseConv}), for a group whose δy (or Rδy) is mostly
 *       zeros (behind max pooling and a ReLU): the weight gradient with the chains of the last two
 *       layouts and the gathered input adjoint, the zero terms skipped, the same bits (the
 *       R-operator's R(δx) keeps the dense layout).</li>
 * </ul>
 *
 * Every output is one fma chain in a fixed order, so the bits depend only on the shapes, the
 * precision and the vector width. The R-operator uses the same products with (V, Rx, Rδy).
 * Samples of the weight gradient go in groups whose buffers stay near the L2 cache.
 */
final class ShiftConv {

    final ShiftPlan g;

    ShiftConv(Shape in, LayerSpec.Conv spec, int weightOffset, int biasOffset) {
        this.g = new ShiftPlan(in, spec, weightOffset, biasOffset);
    }

    /** The products' layouts for one precision, and their buffers. */
    static final class State {
        final boolean lanesForward;
        final ShiftPlan.Gradient gradient;
        final boolean gather;
        /** The products over δy's nonzeros, when the layouts allow them (null otherwise). */
        final SparseConv sparse;
        final int group;
        final Buf kt;
        /** Per-row plane sums of the bias gradient, one group's worth. */
        final double[] sums;
        Buf vt;
        Buf kb;
        Buf vb;
        Buf copies;
        Buf gcopies;
        Buf xp;
        Buf rxp;
        Buf d;
        Buf rd;
        Buf dt;
        Buf rdt;
        Buf cols;
        Buf dxp;
        Buf xt;
        Buf rxt;
        Buf kr;
        Buf sdx;
        Buf sdxp;

        State(PlaneArith ar, ShiftPlan g, int capacity) {
            this(ar, g, capacity, g.lanesForward(ar.lanes()), g.gradient(ar.lanes()), g.gatherInputAdjoint(ar.lanes()),
                    true);
        }

        /**
         * Layouts given (tests run every combination against im2col, and the sparse products against
         * the dense ones). The runs layout takes the groups of channels in lanes (sized by δyᵀ), so
         * that the two give the same bits; so do the sparse products, which follow those chains.
         */
        State(PlaneArith ar, ShiftPlan g, int capacity, boolean lanesForward, ShiftPlan.Gradient gradient,
              boolean gather, boolean sparse) {
            this.lanesForward = lanesForward;
            this.gradient = gradient;
            this.gather = gather;
            boolean useful = gradient != ShiftPlan.Gradient.DOTS || gather;
            this.sparse = sparse && useful ? new SparseConv(g, ar.lanes()) : null;
            int perSample = (gradient == ShiftPlan.Gradient.DOTS ? g.copiesSize : g.positions * g.filters)
                    + (g.pad > 0 ? g.paddedSize : 0)
                    + (gather ? 0 : g.filters * g.block);
            this.group = Math.max(1, Math.min(capacity, ShiftPlan.GROUP_VALUES / perSample));
            this.kt = ar.alloc(g.taps * g.filters);
            this.sums = new double[group];
        }
    }

    State newState(PlaneArith ar, int capacity) {
        return new State(ar, g, capacity);
    }

    private static Buf ensure(PlaneArith ar, Buf buf, int n) {
        return buf != null ? buf : ar.alloc(n);
    }

    void value(Pass p, Buf x, int xOff, Buf y, State s) {
        PlaneArith ar = p.planes();
        ar.transpose(p.theta, g.w, g.filters, g.taps, s.kt, 0);
        prepareForward(ar, s, false);
        for (int r = 0; r < p.rows; r++) {
            int ys = r * g.out.size();
            ar.fillChannels(p.theta, g.b, g.filters, g.positions, y, ys);
            forward(ar, s, s.kt, x, xOff, r, s.xp, y, ys);
        }
    }

    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, State s) {
        PlaneArith ar = p.planes();
        s.vt = ensure(ar, s.vt, g.taps * g.filters);
        ar.transpose(p.v, g.w, g.filters, g.taps, s.vt, 0);
        ar.transpose(p.theta, g.w, g.filters, g.taps, s.kt, 0);
        prepareForward(ar, s, true);
        for (int r = 0; r < p.rows; r++) {
            int ys = r * g.out.size();
            ar.fillChannels(p.v, g.b, g.filters, g.positions, ry, ys);
            forward(ar, s, s.vt, x, xOff, r, s.xp, ry, ys);
            if (rx != null) {
                forward(ar, s, s.kt, rx, 0, r, s.rxp, ry, ys);
            }
        }
    }

    private void prepareForward(PlaneArith ar, State s, boolean second) {
        if (g.pad > 0) {
            s.xp = ensure(ar, s.xp, s.group * g.paddedSize);
            s.rxp = second ? ensure(ar, s.rxp, s.group * g.paddedSize) : s.rxp;
        }
        if (!s.lanesForward) {
            s.copies = ensure(ar, s.copies, g.copiesSize);
        }
    }

    /** y[ys..] += W ⋆ (row r of x), W given transposed (taps × F), in the state's layout. */
    private void forward(PlaneArith ar, State s, Buf wt, Buf x, int xOff, int r, Buf xp, Buf y, int ys) {
        if (s.lanesForward) {
            g.laneForward(ar, wt, g.padded(ar, x, xOff, r, 1, xp), g.paddedOffset(xOff, r), y, ys);
        } else {
            g.shiftedCopies(ar, x, xOff, r, xp, s.copies, 0);
            g.copiesForward(ar, wt, s.copies, y, ys);
        }
    }

    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, State s) {
        PlaneArith ar = p.planes();
        boolean folded = dx != null && !s.gather;
        prepareReverse(ar, s, p, folded, dx != null, false);
        boolean sparseAdjoint = prepareSparse(ar, s, p, dx != null, false);
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            boolean acc = p.accumulate || r0 > 0;
            double density = density(s, dy, r0, count, sparseAdjoint);
            if (folded) {
                g.fold(ar, dy, r0, count, s.d);
            }
            weightGradient(ar, s, dy, x, xOff, s.xp, s.xt, s.dt, r0, count, acc, p.out, density);
            g.biasSums(ar, dy, r0, count, acc, p.out, s.sums);
            if (dx != null) {
                inputAdjoint(p, s, dy, s.d, dx, r0, count, sparseAdjoint && density <= SparseConv.ADJOINT_DENSITY);
            }
        }
    }

    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, State s) {
        PlaneArith ar = p.planes();
        boolean folded = dx != null && !s.gather;
        prepareReverse(ar, s, p, folded, dx != null, true);
        boolean sparseAdjoint = prepareSparse(ar, s, p, dx != null, rx != null);
        for (int r0 = 0; r0 < p.rows; r0 += s.group) {
            int count = Math.min(s.group, p.rows - r0);
            boolean acc = p.accumulate || r0 > 0;
            double density = density(s, dy, r0, count, sparseAdjoint);
            if (folded) {
                g.fold(ar, dy, r0, count, s.d);
                g.fold(ar, rdy, r0, count, s.rd);
            }
            weightGradient(ar, s, rdy, x, xOff, s.xp, s.xt, s.rdt, r0, count, acc, p.out,
                    density(s, rdy, r0, count, false));
            if (rx != null) {
                weightGradient(ar, s, dy, rx, 0, s.rxp, s.rxt, s.dt, r0, count, true, p.out, density);
            }
            g.biasSums(ar, rdy, r0, count, acc, p.out, s.sums);
            if (dx != null) {
                inputAdjoint(p, s, dy, s.d, dx, r0, count, sparseAdjoint && density <= SparseConv.ADJOINT_DENSITY);
                inputAdjoint(p, s, rdy, s.rd, dy, s.d, rdx, r0, count);
            }
        }
    }

    /** δy's share of nonzeros in the group, when a sparse product could use it (else 1). */
    private static double density(State s, Buf a, int r0, int count, boolean sparseAdjoint) {
        boolean wanted = s.sparse != null && (s.gradient != ShiftPlan.Gradient.DOTS || sparseAdjoint);
        return wanted ? s.sparse.density(a, r0, count) : 1;
    }

    /**
     * ∂K (=|+=) Σ over rows [r0, r0 + count) of the adjoint a ⊗ the input in: over a's nonzeros
     * when it is sparse enough, else in the plan's layout (xp, xt, at: the padded, channel-minor
     * and transposed-adjoint buffers it takes).
     */
    private void weightGradient(PlaneArith ar, State s, Buf a, Buf in, int inOff, Buf xp, Buf xt, Buf at, int r0,
                                int count, boolean acc, Buf out, double density) {
        if (density <= SparseConv.GRADIENT_DENSITY && s.gradient != ShiftPlan.Gradient.DOTS) {
            g.channelMinor(ar, in, inOff, r0, count, xp, xt);
            s.sparse.gradient(ar, a, r0, xt, count, acc, out);
        } else if (s.gradient == ShiftPlan.Gradient.LANES) {
            g.transposeAdjoints(ar, a, r0, count, at);
            g.laneGradient(ar, at, g.padded(ar, in, inOff, r0, count, xp), g.paddedOffset(inOff, r0), count, acc,
                    out);
        } else if (s.gradient == ShiftPlan.Gradient.RUNS) {
            g.channelMinor(ar, in, inOff, r0, count, xp, xt);
            g.runsGradient(ar, a, r0, xt, count, acc, out);
        } else {
            g.groupCopies(ar, in, inOff, r0, count, xp, s.gcopies);
            g.dotsGradient(ar, a, r0, s.gcopies, count, acc, out);
        }
    }

    /**
     * The sparse products' buffers (the channel-minor inputs; R(x)'s too when {@code second}), and
     * the kernel in runs when the input adjoint is gathered: whether the input adjoint may run sparse.
     */
    private boolean prepareSparse(PlaneArith ar, State s, Pass p, boolean inputAdjoint, boolean second) {
        if (s.sparse == null) {
            return false;
        }
        if (s.gradient != ShiftPlan.Gradient.DOTS) {
            int minor = s.group * g.paddedSize + 3 * ar.lanes();
            s.xt = ensure(ar, s.xt, minor);
            s.rxt = second ? ensure(ar, s.rxt, minor) : s.rxt;
        }
        boolean sparseAdjoint = inputAdjoint && s.gather && s.sparse.adjoint;
        if (sparseAdjoint) {
            s.kr = ensure(ar, s.kr, s.sparse.kernelLength);
            s.sparse.arrange(p.theta, s.kr);
            s.sdx = ensure(ar, s.sdx, s.sparse.adjointLength);
            s.sdxp = g.pad > 0 ? ensure(ar, s.sdxp, g.paddedSize) : null;
        }
        return sparseAdjoint;
    }

    /** Buffers and rearranged weights of a reverse pass (R-operator: also V's and the tangent's). */
    private void prepareReverse(PlaneArith ar, State s, Pass p, boolean folded, boolean inputAdjoint, boolean second) {
        int n = s.group * g.filters * g.block;
        if (folded) {
            s.d = ensure(ar, s.d, n);
            s.rd = second ? ensure(ar, s.rd, n) : s.rd;
        }
        if (s.gradient == ShiftPlan.Gradient.LANES) {
            s.dt = ensure(ar, s.dt, s.group * g.positions * g.filters);
            s.rdt = second ? ensure(ar, s.rdt, s.group * g.positions * g.filters) : s.rdt;
        } else if (s.gradient == ShiftPlan.Gradient.RUNS) {
            int minor = s.group * g.paddedSize + 3 * ar.lanes();
            s.xt = ensure(ar, s.xt, minor);
            s.rxt = second ? ensure(ar, s.rxt, minor) : s.rxt;
        } else {
            s.gcopies = ensure(ar, s.gcopies, s.group * g.copiesSize);
        }
        if (g.pad > 0) {
            s.xp = ensure(ar, s.xp, s.group * g.paddedSize);
            s.rxp = second ? ensure(ar, s.rxp, s.group * g.paddedSize) : s.rxp;
        }
        if (inputAdjoint && s.gather) {
            s.cols = ensure(ar, s.cols, g.columnsLength(ar.lanes()));
        } else if (inputAdjoint) {
            s.kb = g.arrangeBackward(ar, p.theta, ensure(ar, s.kb, g.backTaps * g.channels));
            if (second) {
                s.vb = g.arrangeBackward(ar, p.v, ensure(ar, s.vb, g.backTaps * g.channels));
            }
            if (g.wp != g.in.width()) {
                s.dxp = ensure(ar, s.dxp, g.channels * g.backSpan);
            }
        }
    }

    /** dx rows [r0, r0 + count) (overwritten) = Kᵀ·a: over a's nonzeros when {@code sparse}, else dense. */
    private void inputAdjoint(Pass p, State s, Buf a, Buf aD, Buf dx, int r0, int count, boolean sparse) {
        if (!sparse) {
            inputAdjoint(p, s, a, aD, null, null, dx, r0, count);
            return;
        }
        for (int r = r0; r < r0 + count; r++) {
            s.sparse.inputAdjoint(p.planes(), s.kr, a, r, s.sdx, s.sdxp, dx);
        }
    }

    /**
     * dx rows [r0, r0 + count) (overwritten) = Kᵀ·a (+ Vᵀ·a2 when a2 is non-null): the input adjoint
     * of δy = a, or the R-operator's Kᵀ·Rδy + Vᵀ·δy; aD and a2D are their folded buffers D.
     */
    private void inputAdjoint(Pass p, State s, Buf a, Buf aD, Buf a2, Buf a2D, Buf dx, int r0, int count) {
        PlaneArith ar = p.planes();
        for (int r = 0; r < count; r++) {
            int row = r0 + r;
            if (s.gather) {
                g.columns(ar, p.theta, a, row, false, s.cols);
                if (a2 != null) {
                    g.columns(ar, p.v, a2, row, true, s.cols);
                }
                g.gather(ar, s.cols, dx, row);
            } else {
                g.correlate(ar, s.kb, aD, r, a2 == null ? null : s.vb, a2D, s.dxp, dx, row);
            }
        }
    }
}
