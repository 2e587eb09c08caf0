package org.oneneuron.loss;

/**
 * The loss ℓ(f; t) of one sample as a function of its K scores f ∈ R^K (read from
 * {@code f[off..off+K)}) and its target t: a class index 0..K-1 (multi-class losses), a ±1 label
 * (margin losses, K = 1) or a real value (regression, K = 1). Besides the value it gives what the
 * engine's passes need: the adjoint c·∇_f ℓ and the tangent of the adjoint along R(f),
 * c·∇²_f ℓ·R(f) (the R-operator of the loss).
 */
public interface OutputLoss {

    /** Whether the loss is defined for K scores (margin and regression losses: K = 1; class losses: K ≥ 2). */
    boolean accepts(int outputs);

    /** ℓ(f[off..off+k); t). */
    double value(double[] f, int off, int k, double t);

    /** out[o..o+k) = c·∇_f ℓ(f[off..off+k); t). */
    void gradient(double[] f, int off, int k, double t, double c, double[] out, int o);

    /** out[o..o+k) = c·∇²_f ℓ(f[off..off+k); t)·r[off..off+k). */
    void hessianTimes(double[] f, int off, int k, double t, double[] r, double c, double[] out, int o);

    /**
     * Whether ℓ attains its minimum 0 at finite scores (the hinge family, squared, the target and
     * class hinge losses), so that a point at zero loss is a global minimum. False when 0 is only
     * approached as the margin grows without bound (logistic, softmax cross-entropy): a point at
     * tiny loss is then no minimum at all, descent goes on towards infinity (PAPER.md §5). Stated by
     * each loss, not probed from its values: log(1 + e^z) rounds to 0 already at z = -1000.
     */
    boolean attainsMinimum();

    /** The word used in configs and outputs, e.g. {@code cubic-hinge}, {@code softmax-ce}. */
    String word();

    /** One sentence on what the loss is and its status under the theorems of PAPER.md. */
    String description();
}
