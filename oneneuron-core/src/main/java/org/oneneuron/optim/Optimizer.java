package org.oneneuron.optim;

/**
 * One iterative minimizer of an {@link org.oneneuron.objective.Objective}, driven one iteration at a
 * time by the trainer's loop. After {@link #start} and after every {@link #step}, {@link #loss()}
 * and {@link #gradient()} describe the current θ (for stochastic optimizers: the minibatch that
 * will drive the next step).
 *
 * <p>Implementations own their work buffers (allocated once in {@link #start}) and are not
 * thread-safe.
 */
public interface Optimizer {

    /**
     * The optimizer's word, e.g. {@code lbfgs}; minibatch SGD by its variant, as the command line
     * names it ({@code sgd}, {@code momentum}, {@code nesterov}).
     */
    String name();

    /**
     * Begins at θ: evaluates L(θ) and ∇L(θ) and resets any memory.
     *
     * @param theta the starting point; not modified
     */
    void start(double[] theta);

    /**
     * One iteration from the current θ.
     *
     * @param theta the current point; modified to the next point (unchanged when a trust-region
     *              step is rejected)
     * @return false when no further progress is possible (line search or trust region stalled)
     */
    boolean step(double[] theta);

    /**
     * {@link #step} from the point in {@code from} to a point written into {@code to}, leaving
     * {@code from} as it was, so the caller can go back when the step went non-finite.
     * Optimizers that read θ once per step read it from {@code from} in that pass (no copy).
     *
     * @param from the current point; not modified
     * @param to   receives the next point, as {@link #step} would leave it (from's values when a
     *             trust-region step is rejected); same length as from, not from itself
     * @return as {@link #step}
     */
    default boolean stepInto(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
        return step(to);
    }

    /** L at the current θ (a minibatch estimate when {@link #stochastic()}). */
    double loss();

    /** ∇L at the current θ; a view into the optimizer's buffer, not to be modified. */
    double[] gradient();

    /** ‖∇L‖₂ at the current θ. */
    double gradientNorm();

    /** True when {@link #loss()} and {@link #gradient()} are minibatch estimates. */
    boolean stochastic();

    /**
     * True when the last {@link #step} itself saw every entry of the new θ finite, so the trainer's
     * non-finite guard need not read θ again (a pass over θ per step); false by default and after
     * {@link #start}.
     */
    default boolean thetaChecked() {
        return false;
    }
}
