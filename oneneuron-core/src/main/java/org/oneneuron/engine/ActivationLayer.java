package org.oneneuron.engine;

import org.oneneuron.data.Shape;
import org.oneneuron.model.Activation;

/** y = σ(x) element-wise; keeps σ' (when the reverse pass needs it) and σ'' (for Hessians). */
final class ActivationLayer extends Layer {

    final Activation act;
    private final int size;

    ActivationLayer(Shape in, Activation act) {
        super(in, in);
        this.act = act;
        this.size = in.size();
    }

    /** σ'(x) and σ''(x) of the last forward pass, allocated when first needed. */
    static final class State {
        final int n;
        Buf d1;
        Buf d2;

        State(int n) {
            this.n = n;
        }
    }

    @Override
    Object newState(Arith ar, int capacity) {
        return new State(capacity * size);
    }

    @Override
    int stateValuesPerRow() {
        return 2 * size;
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        State s = (State) state;
        boolean hessian = p.kind == PassKind.HESSIAN;
        boolean first = hessian || (p.kind == PassKind.GRADIENT && p.ar.storesDerivative(act));
        if (first && s.d1 == null) {
            s.d1 = p.ar.alloc(s.n);
        }
        if (hessian && s.d2 == null) {
            s.d2 = p.ar.alloc(s.n);
        }
        p.ar.activate(act, x, xOff, y, 0, first ? s.d1 : null, hessian ? s.d2 : null, p.rows * size);
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        int n = p.rows * size;
        if (rx == null) {
            p.ar.zero(ry, 0, n);
        } else {
            p.ar.mul(((State) state).d1, 0, rx, 0, ry, 0, n);
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        if (dx != null) {
            State s = (State) state;
            Buf d1 = p.ar.storesDerivative(act) || p.kind == PassKind.HESSIAN ? s.d1 : null;
            p.ar.activationBackward(act, x, xOff, d1, dy, 0, dx, 0, p.rows * size);
        }
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        if (dx == null) {
            return;
        }
        State s = (State) state;
        int n = p.rows * size;
        if (rx == null) {
            p.ar.mul(rdy, 0, s.d1, 0, rdx, 0, n);
        } else {
            p.ar.mulPlusTriple(rdy, 0, s.d1, 0, dy, 0, s.d2, 0, rx, 0, rdx, 0, n);
        }
        p.ar.mul(dy, 0, s.d1, 0, dx, 0, n);
    }
}
