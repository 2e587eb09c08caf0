package org.oneneuron.engine;

/** y = x + body(x): the body's rules, plus the identity's, summed. */
final class ResidualLayer extends Layer {

    final Sequence body;
    private final int size;

    ResidualLayer(Sequence body) {
        super(body.in, body.out);
        this.body = body;
        this.size = in.size();
    }

    /** The body's memory and the adjoints of the body's input. */
    static final class State {
        Sequence.Memory memory;
        Buf dx;
        Buf rdx;
        /** Kink flags of the body's layers (see Sequence#kinks). */
        boolean[][] kinkFlags;
    }

    @Override
    Object newState(Arith ar, int capacity) {
        State s = new State();
        s.memory = body.newMemory(ar, capacity);
        return s;
    }

    @Override
    int stateValuesPerRow() {
        return (int) Math.min(Integer.MAX_VALUE, body.valuesPerRow() + 2L * size);
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        State s = (State) state;
        body.value(p, x, xOff, s.memory);
        int n = p.rows * size;
        p.ar.copy(x, xOff, y, 0, n);
        p.ar.axpy(1, body.output(s.memory), 0, y, 0, n);
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        State s = (State) state;
        body.tangent(p, x, xOff, rx, s.memory);
        int n = p.rows * size;
        if (rx == null) {
            p.ar.copy(body.outputTangent(s.memory), 0, ry, 0, n);
        } else {
            p.ar.copy(rx, 0, ry, 0, n);
            p.ar.axpy(1, body.outputTangent(s.memory), 0, ry, 0, n);
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        State s = (State) state;
        if (dx == null) {
            body.vjp(p, x, xOff, dy, null, s.memory);
            return;
        }
        s.dx = Sequence.ensure(p.ar, s.dx, dy);
        body.vjp(p, x, xOff, dy, s.dx, s.memory);
        int n = p.rows * size;
        p.ar.copy(dy, 0, dx, 0, n);
        p.ar.axpy(1, s.dx, 0, dx, 0, n);
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        State s = (State) state;
        if (dx == null) {
            body.rvjp(p, x, xOff, rx, dy, rdy, null, null, s.memory);
            return;
        }
        s.dx = Sequence.ensure(p.ar, s.dx, dy);
        s.rdx = Sequence.ensure(p.ar, s.rdx, dy);
        body.rvjp(p, x, xOff, rx, dy, rdy, s.dx, s.rdx, s.memory);
        int n = p.rows * size;
        p.ar.copy(dy, 0, dx, 0, n);
        p.ar.axpy(1, s.dx, 0, dx, 0, n);
        p.ar.copy(rdy, 0, rdx, 0, n);
        p.ar.axpy(1, s.rdx, 0, rdx, 0, n);
    }
}
