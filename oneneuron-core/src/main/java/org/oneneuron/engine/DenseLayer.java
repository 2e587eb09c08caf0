package org.oneneuron.engine;

import org.oneneuron.data.Shape;

/**
 * y = W x + b over a block: Y = X Wᵀ + 1 bᵀ, W units×d at {@code w}, b at {@code b} in θ.
 * A one-unit layer (the binary output) is a matrix-vector product with the bias added after it;
 * wider ones start from the bias and add the product (dgemm with β = 1), as before the layer graph,
 * so the float64 bits are the old MLP engine's.
 */
final class DenseLayer extends Layer {

    private final int w;
    private final int b;
    private final int d;
    private final int units;

    DenseLayer(Shape in, int units, int weightOffset, int biasOffset) {
        super(in, Shape.vector(units));
        this.units = units;
        this.d = in.size();
        this.w = weightOffset;
        this.b = biasOffset;
    }

    @Override
    void value(Pass p, Buf x, int xOff, Buf y, Object state) {
        Arith ar = p.ar;
        int rows = p.rows;
        if (units == 1) {
            ar.gemv(false, rows, d, x, xOff, d, p.theta, w, false, y, 0);
            ar.addRows(p.theta, b, rows, 1, y, 0);
        } else {
            ar.fillRows(p.theta, b, rows, units, y, 0);
            ar.gemm(false, true, rows, units, d, x, xOff, d, p.theta, w, d, true, y, 0, units);
        }
    }

    @Override
    void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state) {
        Arith ar = p.ar;
        int rows = p.rows;
        if (units == 1) {
            ar.gemv(false, rows, d, x, xOff, d, p.v, w, false, ry, 0);
            if (rx != null) {
                ar.gemv(false, rows, d, rx, 0, d, p.theta, w, true, ry, 0);
            }
            ar.addRows(p.v, b, rows, 1, ry, 0);
        } else {
            ar.fillRows(p.v, b, rows, units, ry, 0);
            ar.gemm(false, true, rows, units, d, x, xOff, d, p.v, w, d, true, ry, 0, units);
            if (rx != null) {
                ar.gemm(false, true, rows, units, d, rx, 0, d, p.theta, w, d, true, ry, 0, units);
            }
        }
    }

    @Override
    void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state) {
        Arith ar = p.ar;
        int rows = p.rows;
        weightProduct(p, dy, x, xOff, p.accumulate);
        ar.columnSums(dy, 0, rows, units, p.accumulate, p.out, b);
        if (dx != null) {
            backProduct(p, dy, p.theta, false, dx);
        }
    }

    @Override
    void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state) {
        Arith ar = p.ar;
        int rows = p.rows;
        weightProduct(p, rdy, x, xOff, p.accumulate);
        if (rx != null) {
            weightProduct(p, dy, rx, 0, true);
        }
        ar.columnSums(rdy, 0, rows, units, p.accumulate, p.out, b);
        if (dx != null) {
            if (units == 1) {
                ar.outerPair(rows, d, rdy, 0, p.theta, w, dy, 0, p.v, w, false, rdx, 0);
            } else {
                backProduct(p, rdy, p.theta, false, rdx);
                backProduct(p, dy, p.v, true, rdx);
            }
            backProduct(p, dy, p.theta, false, dx);
        }
    }

    /** out_W (=|+=) δᵀ X: units×d. */
    private void weightProduct(Pass p, Buf delta, Buf x, int xOff, boolean accumulate) {
        if (units == 1) {
            p.ar.gemv(true, p.rows, d, x, xOff, d, delta, 0, accumulate, p.out, w);
        } else {
            p.ar.weightGemm(units, d, p.rows, delta, 0, x, xOff, accumulate, p.out, w);
        }
    }

    /** dx (=|+=) δ·M with M = W or V (units×d): rows×d. */
    private void backProduct(Pass p, Buf delta, Buf m, boolean accumulate, Buf dx) {
        if (units == 1) {
            p.ar.outer(p.rows, d, delta, 0, m, w, accumulate, dx, 0);
        } else {
            p.ar.gemm(false, false, p.rows, d, units, delta, 0, units, m, w, d, accumulate, dx, 0, d);
        }
    }
}
