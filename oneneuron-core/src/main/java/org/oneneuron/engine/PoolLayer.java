package org.oneneuron.engine;

import org.oneneuron.data.Shape;
import org.oneneuron.model.LayerSpec;

/**
 * Max or average pooling over size×size windows. Max pooling remembers, per output, the input
 * position of the first maximum m(o); it is linear in x for fixed m, so its tangent gathers and
 * its adjoints scatter through m (no second-order term). Average pooling is linear.
 */
final class PoolLayer extends Layer {

    private final boolean max;
    private final int window;
    /** win[o·window + j] = input index (within the sample) of the j-th value of output o's window. */
    private final int[] win;
    /** 2×2 windows at stride 2, the common case, with a loop of its own. */
    private final boolean twoByTwo;

    PoolLayer(Shape in, LayerSpec.Pool spec) {
        super(in, spec.output(in));
        this.max = spec.max();
        this.window = spec.size() * spec.size();
        this.win = windows(in, spec, out);
        this.twoByTwo = max && spec.size() == 2 && spec.stride() == 2;
    }

    private static int[] windows(Shape in, LayerSpec.Pool spec, Shape out) {
        int k = spec.size();
        int[] map = new int[out.size() * k * k];
        int o = 0;
        for (int c = 0; c < out.channels(); c++) {
            for (int oh = 0; oh < out.height(); oh++) {
                for (int ow = 0; ow < out.width(); ow++) {
                    int j = 0;
                    for (int i = 0; i < k; i++) {
                        for (int l = 0; l < k; l++) {
                            int ih = oh * spec.stride() + i;
                            int iw = ow * spec.stride() + l;
                            map[o * k * k + j++] = (c * in.height() + ih) * in.width() + iw;
                        }
                    }
                    o++;
                }
            }
        }
        return map;
    }

    @Override
    Object newState(Arith ar, int capacity) {
        return max ? new int[capacity * out.size()] : null;
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        for (int r = 0; r < p.rows; r++) {
            int xs = xOff + r * in.size();
            int ys = r * out.size();
            if (twoByTwo) {
                p.planes().maxPool2x2(x, xs, in.channels(), in.height(), in.width(), y, ys, (int[]) state, ys);
            } else if (max) {
                p.planes().maxWindows(x, xs, win, window, out.size(), y, ys, (int[]) state, ys);
            } else {
                p.planes().meanWindows(x, xs, win, window, out.size(), y, ys);
            }
        }
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        if (rx == null) {
            p.ar.zero(ry, 0, p.rows * out.size());
            return;
        }
        pooled(p, rx, ry, state);
    }

    /** y = pool(x) through the remembered maxima (max) or the windows (average); x from offset 0. */
    private void pooled(Pass p, Buf x, Buf y, Object state) {
        int xOff = 0;
        for (int r = 0; r < p.rows; r++) {
            int ys = r * out.size();
            if (max) {
                p.planes().gather(x, xOff + r * in.size(), (int[]) state, ys, out.size(), y, ys);
            } else {
                p.planes().meanWindows(x, xOff + r * in.size(), win, window, out.size(), y, ys);
            }
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        if (dx != null) {
            scatter(p, dy, dx, state);
        }
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        if (dx != null) {
            scatter(p, dy, dx, state);
            scatter(p, rdy, rdx, state);
        }
    }

    /** dx = 0, then each δy_o added to its window's maximum, or spread over its window. */
    private void scatter(Pass p, Buf dy, Buf dx, Object state) {
        if (twoByTwo) {
            for (int r = 0; r < p.rows; r++) {
                p.planes().maxPoolAdjoint2x2(dy, r * out.size(), (int[]) state, r * out.size(), in.channels(),
                        in.height(), in.width(), dx, r * in.size());
            }
            return;
        }
        p.ar.zero(dx, 0, p.rows * in.size());
        for (int r = 0; r < p.rows; r++) {
            int xs = r * in.size();
            int ys = r * out.size();
            if (max) {
                p.planes().scatterAdd(dy, ys, (int[]) state, ys, out.size(), 1, 1.0, dx, xs);
            } else {
                p.planes().scatterAdd(dy, ys, win, 0, win.length, window, 1.0 / window, dx, xs);
            }
        }
    }
}
