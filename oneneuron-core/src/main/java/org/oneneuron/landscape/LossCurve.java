package org.oneneuron.landscape;

/**
 * The loss of one sample as a function of the score f and the sample's target (a ±1 label for
 * margin losses ℓ(-y·f)), with its first two derivatives in f: what the escape certificate needs
 * (PAPER.md §4). Same shape as the engine's sample losses.
 */
public interface LossCurve {

    /** ℓ(f; target). */
    double valueAt(double f, double target);

    /** ∂ℓ/∂f. */
    double d1At(double f, double target);

    /** ∂²ℓ/∂f². */
    double d2At(double f, double target);
}
