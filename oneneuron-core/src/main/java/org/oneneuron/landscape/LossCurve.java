package org.oneneuron.landscape;

/**
 * A scalar margin loss ℓ(z) with its first two derivatives: what the escape certificate needs of
 * the loss (PAPER.md §4). The engine's margin losses supply these three functions.
 */
public interface LossCurve {

    /** ℓ(z). */
    double value(double z);

    /** ℓ'(z). */
    double d1(double z);

    /** ℓ''(z). */
    double d2(double z);
}
