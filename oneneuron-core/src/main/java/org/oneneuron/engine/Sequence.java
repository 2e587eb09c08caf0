package org.oneneuron.engine;

import org.oneneuron.data.Shape;

/**
 * Layers applied one after another, with the buffers of each layer's output, its tangent and
 * both adjoints ({@link Memory}, one per workspace). Passes walk the layers forward (value,
 * tangent) or backward (VJP, R-operator); layer 0 reads the caller's input. An empty sequence
 * is the identity.
 */
final class Sequence {

    final Layer[] layers;
    final Shape in;
    final Shape out;

    Sequence(Layer[] layers, Shape in) {
        this.layers = layers;
        this.in = in;
        this.out = layers.length == 0 ? in : layers[layers.length - 1].out;
    }

    /** Buffers of one workspace: per layer its output y, R(y), δy, Rδy and its own state. */
    static final class Memory {
        final int capacity;
        final Buf[] y;
        final Buf[] ry;
        final Buf[] dy;
        final Buf[] rdy;
        final Object[] states;

        Memory(int n, int capacity) {
            this.capacity = capacity;
            y = new Buf[n];
            ry = new Buf[n];
            dy = new Buf[n];
            rdy = new Buf[n];
            states = new Object[n];
        }
    }

    Memory newMemory(Arith ar, int capacity) {
        Memory m = new Memory(layers.length, capacity);
        for (int i = 0; i < layers.length; i++) {
            m.y[i] = ar.alloc(capacity * layers[i].out.size());
            m.states[i] = layers[i].newState(ar, capacity);
        }
        return m;
    }

    /** Values per row this sequence keeps in the worst case (value, tangent and adjoints). */
    long valuesPerRow() {
        long n = 0;
        for (Layer l : layers) {
            n += 4L * l.out.size() + l.stateValuesPerRow();
        }
        return n;
    }

    /** The output buffer after {@link #value}, or null for an empty sequence (the input itself). */
    Buf output(Memory m) {
        return layers.length == 0 ? null : m.y[layers.length - 1];
    }

    /** R(output) after {@link #tangent}, or null for an empty sequence. */
    Buf outputTangent(Memory m) {
        return layers.length == 0 ? null : m.ry[layers.length - 1];
    }

    void value(Pass p, Buf x, int xOff, Memory m) {
        Buf in = x;
        int inOff = xOff;
        for (int i = 0; i < layers.length; i++) {
            layers[i].value(p, in, inOff, m.y[i], m.states[i]);
            in = m.y[i];
            inOff = 0;
        }
    }

    /** Tangent pass; rx null means R(x) = 0. */
    void tangent(Pass p, Buf x, int xOff, Buf rx, Memory m) {
        Buf in = x;
        int inOff = xOff;
        Buf rin = rx;
        for (int i = 0; i < layers.length; i++) {
            m.ry[i] = ensure(p.ar, m.ry[i], m.y[i]);
            layers[i].tangent(p, in, inOff, rin, m.ry[i], m.states[i]);
            in = m.y[i];
            inOff = 0;
            rin = m.ry[i];
        }
    }

    /** Reverse pass from δ(output) = dyOut; writes δx into dx when non-null. */
    void vjp(Pass p, Buf x, int xOff, Buf dyOut, Buf dx, Memory m) {
        int last = layers.length - 1;
        if (last < 0) {
            if (dx != null) {
                p.ar.copy(dyOut, 0, dx, 0, p.rows * in.size());
            }
            return;
        }
        for (int i = last; i >= 0; i--) {
            Buf dy = i == last ? dyOut : m.dy[i];
            Buf target = dx;
            if (i > 0) {
                m.dy[i - 1] = ensure(p.ar, m.dy[i - 1], m.y[i - 1]);
                target = m.dy[i - 1];
            }
            layers[i].vjp(p, i > 0 ? m.y[i - 1] : x, i > 0 ? 0 : xOff, dy, target, m.states[i]);
        }
    }

    /** Second-order reverse pass from (δ, Rδ) of the output; writes δx, Rδx when dx is non-null. */
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dyOut, Buf rdyOut, Buf dx, Buf rdx, Memory m) {
        int last = layers.length - 1;
        if (last < 0) {
            if (dx != null) {
                p.ar.copy(dyOut, 0, dx, 0, p.rows * in.size());
                p.ar.copy(rdyOut, 0, rdx, 0, p.rows * in.size());
            }
            return;
        }
        for (int i = last; i >= 0; i--) {
            Buf dy = i == last ? dyOut : m.dy[i];
            Buf rdy = i == last ? rdyOut : m.rdy[i];
            Buf target = dx;
            Buf rtarget = rdx;
            if (i > 0) {
                m.dy[i - 1] = ensure(p.ar, m.dy[i - 1], m.y[i - 1]);
                m.rdy[i - 1] = ensure(p.ar, m.rdy[i - 1], m.y[i - 1]);
                target = m.dy[i - 1];
                rtarget = m.rdy[i - 1];
            }
            layers[i].rvjp(p, i > 0 ? m.y[i - 1] : x, i > 0 ? 0 : xOff, i > 0 ? m.ry[i - 1] : rx,
                    dy, rdy, target, rtarget, m.states[i]);
        }
    }

    /**
     * After a forward pass over the rows: for every unit (output position) of every kinked
     * activation (relu, leaky relu), whether some row's pre-activation lies within tol of 0.
     * Adds to counts[0] the flagged units and to counts[1] all such units.
     */
    void kinks(Buf x, int xOff, int rows, double tol, Memory m, boolean[][] flags) {
        for (int i = 0; i < layers.length; i++) {
            Buf in = i > 0 ? m.y[i - 1] : x;
            int inOff = i > 0 ? 0 : xOff;
            if (layers[i] instanceof ActivationLayer a && a.act.hasKink()) {
                if (flags[i] == null) {
                    flags[i] = new boolean[a.in.size()];
                }
                int size = a.in.size();
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < size; j++) {
                        flags[i][j] |= Math.abs(in.get(inOff + r * size + j)) <= tol;
                    }
                }
            } else if (layers[i] instanceof ResidualLayer res) {
                ResidualLayer.State st = (ResidualLayer.State) m.states[i];
                if (st.kinkFlags == null) {
                    st.kinkFlags = new boolean[res.body.layers.length][];
                }
                res.body.kinks(in, inOff, rows, tol, st.memory, st.kinkFlags);
            }
        }
    }

    /** {flagged, checked} units over the flags of {@link #kinks}, residual bodies included. */
    static int[] count(Layer[] layers, boolean[][] flags, Memory m) {
        int[] c = new int[2];
        for (int i = 0; i < layers.length; i++) {
            if (flags[i] != null) {
                for (boolean f : flags[i]) {
                    c[0] += f ? 1 : 0;
                }
                c[1] += flags[i].length;
            } else if (layers[i] instanceof ResidualLayer res) {
                ResidualLayer.State st = (ResidualLayer.State) m.states[i];
                if (st.kinkFlags != null) {
                    int[] inner = count(res.body.layers, st.kinkFlags, st.memory);
                    c[0] += inner[0];
                    c[1] += inner[1];
                }
            }
        }
        return c;
    }

    /** buf, or a new buffer the size of like (allocated once, on first use). */
    static Buf ensure(Arith ar, Buf buf, Buf like) {
        return buf != null ? buf : ar.alloc(like.length());
    }
}
