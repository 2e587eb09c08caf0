package org.oneneuron.engine;

import org.oneneuron.data.Shape;
import org.oneneuron.model.LayerSpec;

/**
 * Layer normalization over the D values of each sample: x̂ = s(x − μ) with μ = mean x,
 * s = 1/√(mean (x − μ)² + ε); y = γ ⊙ x̂ + β (γ at {@code g}, β at {@code beta} in θ). Per row,
 * with g = γ ⊙ δy and m(a) the mean over the D values:
 *
 * <pre>
 *   JVP   Rx̂ = s(Rx − m(Rx) − x̂ m(x̂ Rx)),  R(y) = V_γ x̂ + γ Rx̂ + v_β,  Rs = −s² m(x̂ Rx)
 *   VJP   δx = s(g − m(g) − x̂ m(g x̂)),  ∂γ = Σ_rows δy x̂,  ∂β = Σ_rows δy
 *   R-op  Rg = V_γ δy + γ Rδy,
 *         Rδx = (Rs/s) δx + s(Rg − m(Rg) − Rx̂ m(g x̂) − x̂ m(Rg x̂ + g Rx̂)),
 *         R∂γ = Σ_rows (Rδy x̂ + δy Rx̂),  R∂β = Σ_rows Rδy
 * </pre>
 */
final class LayerNormLayer extends Layer {

    private final int g;
    private final int beta;
    private final int size;

    LayerNormLayer(Shape in, int gammaOffset, int betaOffset) {
        super(in, in);
        this.g = gammaOffset;
        this.beta = betaOffset;
        this.size = in.size();
    }

    /** x̂ and s per row; Rx̂ and m(x̂ Rx) from the tangent pass; two row-sized temporaries. */
    static final class State {
        Buf xhat;
        double[] s;
        Buf rxhat;
        double[] m;
        boolean zeroTangent;
        Buf tmp;
        Buf rtmp;
    }

    @Override
    Object newState(Arith arith, int capacity) {
        PlaneArith ar = (PlaneArith) arith;
        State st = new State();
        st.xhat = ar.alloc(capacity * size);
        st.s = new double[capacity];
        st.m = new double[capacity];
        st.tmp = ar.alloc(size);
        st.rtmp = ar.alloc(size);
        return st;
    }

    @Override
    int stateValuesPerRow() {
        return 2 * size;
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        State st = (State) state;
        PlaneArith ar = p.planes();
        for (int r = 0; r < p.rows; r++) {
            int xr = xOff + r * size;
            int o = r * size;
            double mu = ar.sum(x, xr, size) / size;
            ar.shiftScale(x, xr, -mu, 1.0, st.xhat, o, size);
            double s = 1 / Math.sqrt(ar.dot(st.xhat, o, st.xhat, o, size) / size + LayerSpec.LayerNorm.EPSILON);
            st.s[r] = s;
            ar.shiftScale(st.xhat, o, 0, s, st.xhat, o, size);
            ar.mul(p.theta, g, st.xhat, o, y, o, size);
            ar.axpy(1, p.theta, beta, y, o, size);
        }
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        State st = (State) state;
        PlaneArith ar = p.planes();
        st.zeroTangent = rx == null;
        if (rx != null && st.rxhat == null) {
            st.rxhat = ar.alloc(st.xhat.length());
        }
        for (int r = 0; r < p.rows; r++) {
            int o = r * size;
            ar.mul(p.v, g, st.xhat, o, ry, o, size);
            ar.axpy(1, p.v, beta, ry, o, size);
            if (rx == null) {
                st.m[r] = 0;
                continue;
            }
            double s = st.s[r];
            double c = ar.sum(rx, o, size) / size;
            double m = ar.dot(st.xhat, o, rx, o, size) / size;
            st.m[r] = m;
            ar.shiftScale(rx, o, -c, s, st.rxhat, o, size);
            ar.axpy(-s * m, st.xhat, o, st.rxhat, o, size);
            ar.mulAdd(p.theta, g, st.rxhat, o, ry, o, size);
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        State st = (State) state;
        PlaneArith ar = p.planes();
        if (!p.accumulate) {
            ar.zero(p.out, g, size);
            ar.zero(p.out, beta, size);
        }
        for (int r = 0; r < p.rows; r++) {
            int o = r * size;
            ar.mulAdd(dy, o, st.xhat, o, p.out, g, size);
            ar.axpy(1, dy, o, p.out, beta, size);
            if (dx != null) {
                inputAdjoint(ar, st, r, p.theta, dy, dx);
            }
        }
    }

    /** dx_r = s(G − m(G) − x̂ m(G x̂)) with G = γ ⊙ δy_r left in st.tmp; returns m(G x̂). */
    private double inputAdjoint(PlaneArith ar, State st, int r, Buf gamma, Buf dy, Buf dx) {
        int o = r * size;
        double s = st.s[r];
        ar.mul(gamma, g, dy, o, st.tmp, 0, size);
        double mg = ar.sum(st.tmp, 0, size) / size;
        double mgx = ar.dot(st.tmp, 0, st.xhat, o, size) / size;
        ar.shiftScale(st.tmp, 0, -mg, s, dx, o, size);
        ar.axpy(-s * mgx, st.xhat, o, dx, o, size);
        return mgx;
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        State st = (State) state;
        PlaneArith ar = p.planes();
        if (!p.accumulate) {
            ar.zero(p.out, g, size);
            ar.zero(p.out, beta, size);
        }
        boolean tangent = !st.zeroTangent;
        for (int r = 0; r < p.rows; r++) {
            int o = r * size;
            ar.mulAdd(rdy, o, st.xhat, o, p.out, g, size);
            if (tangent) {
                ar.mulAdd(dy, o, st.rxhat, o, p.out, g, size);
            }
            ar.axpy(1, rdy, o, p.out, beta, size);
            if (dx == null) {
                continue;
            }
            double s = st.s[r];
            double mgx = inputAdjoint(ar, st, r, p.theta, dy, dx);
            // Rg = V_γ ⊙ δy + γ ⊙ Rδy into rtmp; m(Rg x̂ + g Rx̂) with g still in tmp.
            ar.mul(p.v, g, dy, o, st.rtmp, 0, size);
            ar.mulAdd(p.theta, g, rdy, o, st.rtmp, 0, size);
            double rmg = ar.sum(st.rtmp, 0, size) / size;
            double rmgx = ar.dot(st.rtmp, 0, st.xhat, o, size) / size;
            if (tangent) {
                rmgx += ar.dot(st.tmp, 0, st.rxhat, o, size) / size;
            }
            ar.shiftScale(st.rtmp, 0, -rmg, s, rdx, o, size);
            ar.axpy(-s * rmgx, st.xhat, o, rdx, o, size);
            if (tangent) {
                ar.axpy(-s * mgx, st.rxhat, o, rdx, o, size);
                ar.axpy(-s * st.m[r], dx, o, rdx, o, size);
            }
        }
    }
}
