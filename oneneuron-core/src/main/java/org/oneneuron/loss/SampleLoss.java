package org.oneneuron.loss;

import org.oneneuron.engine.ScoreLoss;

/**
 * The loss of one sample as a function of the model's score f and the sample's target, with its
 * first two derivatives in f. Margin losses read ±1 labels ({@link MarginLoss}); the target loss
 * ½(f - t)² reads real targets ({@link TargetSquaredLoss}).
 */
public interface SampleLoss extends ScoreLoss {

    /** ℓ(f; target). */
    @Override
    double valueAt(double f, double target);

    /** ∂ℓ/∂f. */
    @Override
    double d1At(double f, double target);

    /** ∂²ℓ/∂f². */
    double d2At(double f, double target);

    /** The word used in configs and outputs, e.g. {@code cubic-hinge}. */
    String word();

    /** One sentence on what the loss is and its status under PAPER.md §1 Assumption 1. */
    String description();
}
