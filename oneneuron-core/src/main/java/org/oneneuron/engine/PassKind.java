package org.oneneuron.engine;

/** What a forward pass keeps for the passes after it. */
public enum PassKind {
    /** Outputs only. */
    VALUE,
    /** Also what the reverse pass needs (σ', pooling maxima, normalization statistics). */
    GRADIENT,
    /** Also σ'' and the tangent buffers, for Hessian-vector products. */
    HESSIAN
}
