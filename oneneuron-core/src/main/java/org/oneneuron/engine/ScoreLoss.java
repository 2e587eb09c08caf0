package org.oneneuron.engine;

/**
 * The loss of one sample as a function of its score f and its target, with the first derivative:
 * what the many-networks mode ({@link LanePasses}) evaluates per sample and network. The losses
 * themselves live in {@code org.oneneuron.loss} ({@code SampleLoss} extends this).
 */
public interface ScoreLoss {

    /** ℓ(f; target). */
    double valueAt(double f, double target);

    /** ∂ℓ/∂f. */
    double d1At(double f, double target);
}
