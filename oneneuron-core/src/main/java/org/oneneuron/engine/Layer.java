package org.oneneuron.engine;

import org.oneneuron.data.Shape;

/**
 * One layer of the engine: its four rules over a block of rows (row r of a buffer holds one
 * sample, {@link Shape#size()} values in (channel, row, column) order). R(·) is the directional
 * derivative along v (Pearlmutter's R-operator); δ is an adjoint (∂L/∂·). The rules, side by side:
 *
 * <pre>
 *  layer     value                 JVP  R(y)                       VJP  δx, ∂θ                        R of the VJP
 *  dense     y = W x + b           W Rx + V x + v_b                δx = Wᵀδy, ∂W = δy xᵀ, ∂b = δy     Rδx = Wᵀ Rδy + Vᵀ δy, R∂W = Rδy xᵀ + δy Rxᵀ
 *  conv      y = K ⋆ x + b         K ⋆ Rx + V ⋆ x + v_b            δx = K ⋆ᵀ δy, ∂K = δy ⋆ x          the same bilinear pattern (im2col: a dense layer per position)
 *  σ         y = σ(x)              σ'(x) Rx                        δx = σ'(x) δy                      σ'(x) Rδy + σ''(x) Rx δy
 *  maxpool   y_o = x_{m(o)}        Rx_{m(o)}                       δx_{m(o)} += δy_o                  Rδx_{m(o)} += Rδy_o (m fixed: piecewise linear)
 *  avgpool   y_o = mean_w x        mean_w Rx                       δx_w += δy_o / |w|                 the same for Rδy
 *  flatten   y = x                 Rx                              δx = δy                            Rδx = Rδy (moves no data)
 *  layernorm y = γ x̂ + β           V_γ x̂ + γ Rx̂ + v_β               δx = s(g − ḡ − x̂ mean(g x̂)),       product rule on each factor (LayerNormLayer)
 *            x̂ = s(x − μ)          Rx̂ = s(Rx − mean Rx − x̂ mean(x̂ Rx))  g = γ δy, ∂γ = δy x̂, ∂β = δy
 *  residual  y = x + body(x)       Rx + R body                     δx = δy + body's δx                Rδx = Rδy + body's Rδx
 * </pre>
 *
 * The special neurons and the loss are not layers: {@link NeuronHead} adds a_k·φ(w_kᵀs + b_k)
 * to the outputs and the objective turns the scores into adjoints. A layer allocates its own
 * per-workspace buffers in {@link #newState}; every rule writes (or, with
 * {@link Pass#accumulate}, adds) every entry of its parameter blocks in {@link Pass#out}.
 */
abstract class Layer {

    final Shape in;
    final Shape out;

    Layer(Shape in, Shape out) {
        this.in = in;
        this.out = out;
    }

    /** Buffers this layer keeps between the passes of one workspace, for blocks of {@code capacity} rows. */
    Object newState(Arith ar, int capacity) {
        return null;
    }

    /** y = layer(x) for the pass's rows; keeps what {@code p.kind} asks for in state. */
    abstract void value(Pass p, Buf x, int xOff, Buf y, Object state);

    /** R(y) from R(x) (null: R(x) = 0, the input of the network), after {@link #value} with HESSIAN. */
    abstract void tangent(Pass p, Buf x, int xOff, Buf rx, Buf ry, Object state);

    /** ∂θ into p.out and, when dx is non-null, δx = (∂y/∂x)ᵀ δy; after {@link #value} with GRADIENT or HESSIAN. */
    abstract void vjp(Pass p, Buf x, int xOff, Buf dy, Buf dx, Object state);

    /**
     * The R-operator of {@link #vjp} after {@link #tangent}: R(∂θ) into p.out and, when dx is
     * non-null, δx and Rδx. rx may be null (R(x) = 0).
     */
    abstract void rvjp(Pass p, Buf x, int xOff, Buf rx, Buf dy, Buf rdy, Buf dx, Buf rdx, Object state);

    /** Values per row of the buffers this layer's state keeps (for sizing blocks). */
    int stateValuesPerRow() {
        return 0;
    }
}
