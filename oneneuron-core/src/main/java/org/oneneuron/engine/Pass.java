package org.oneneuron.engine;

/**
 * What one pass over a block of rows works with: the arithmetic, θ and the direction v in the
 * engine's precision, where parameter derivatives go, and how many rows. Set by the caller, read
 * by the layers; one per workspace.
 */
final class Pass {

    final Arith ar;
    /** θ in the engine's precision (a view of the caller's array in float64). */
    final Buf theta;
    /** The direction v of a Hessian-vector product. */
    final Buf v;
    /** ∂/∂θ (reverse pass) or H·v (second-order pass), every entry of a layer's blocks written. */
    Buf out;
    PassKind kind = PassKind.VALUE;
    int rows;
    /** Add to {@link #out} instead of overwriting it (every block of rows after the first). */
    boolean accumulate;

    /** The rules over a sample's planes; only the float64 and float32 modes have them. */
    PlaneArith planes() {
        return (PlaneArith) ar;
    }

    Pass(Arith ar) {
        this.ar = ar;
        this.theta = ar.alloc(0);
        this.v = ar.alloc(0);
    }
}
