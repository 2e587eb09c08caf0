package org.oneneuron.train;

/**
 * A probe attached to the training loop (logging, progress, a Hessian probe, a custom guard).
 * Called at every step, before the stopping rule, with the current point.
 */
public interface TrainingListener {

    /**
     * @param step         iterations done so far (0 at the start point)
     * @param theta        the current point; must not be modified, and read during the call only
     *                     (the next call may hand another array: clone what you keep)
     * @param loss         L(θ) (a minibatch estimate for stochastic optimizers)
     * @param gradientNorm ‖∇L(θ)‖ (likewise)
     * @return null to go on, or a short reason that stops the run ({@link StopReason#LISTENER})
     */
    String onStep(long step, double[] theta, double loss, double gradientNorm);

    /** Called once when the run ends, with the final point and why it stopped. */
    default void onFinish(double[] theta, Stop stop) {
    }
}
