package org.oneneuron.loss;

import org.oneneuron.engine.ScoreLoss;

/**
 * The loss of one sample as a function of the model's score f and the sample's target, with its
 * first two derivatives in f. Margin losses read ±1 labels ({@link MarginLoss}); the target loss
 * ½(f - t)² reads real targets ({@link TargetSquaredLoss}). As an {@link OutputLoss} it takes one
 * score (K = 1); c·ℓ' and (c·ℓ'')·r are formed in that order, the bits of the scalar engine.
 */
public interface SampleLoss extends ScoreLoss, OutputLoss {

    /** ℓ(f; target). */
    @Override
    double valueAt(double f, double target);

    /** ∂ℓ/∂f. */
    @Override
    double d1At(double f, double target);

    /** ∂²ℓ/∂f². */
    double d2At(double f, double target);

    @Override
    default boolean accepts(int outputs) {
        return outputs == 1;
    }

    @Override
    default double value(double[] f, int off, int k, double t) {
        return valueAt(f[off], t);
    }

    @Override
    default void gradient(double[] f, int off, int k, double t, double c, double[] out, int o) {
        out[o] = c * d1At(f[off], t);
    }

    @Override
    default void hessianTimes(double[] f, int off, int k, double t, double[] r, double c, double[] out, int o) {
        out[o] = c * d2At(f[off], t) * r[off];
    }
}
