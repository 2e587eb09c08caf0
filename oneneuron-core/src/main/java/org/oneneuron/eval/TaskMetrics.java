package org.oneneuron.eval;

/**
 * The figures of one task's predictions on labeled data: {@link BinaryMetrics} (±1 labels),
 * {@link ClassMetrics} (K classes), {@link RegressionMetrics} (real targets).
 */
public sealed interface TaskMetrics permits BinaryMetrics, ClassMetrics, RegressionMetrics {

    /** Number of samples. */
    long n();

    /** Fraction classified right; NaN for regression. */
    double accuracy();

    /** Samples classified wrong; 0 for regression. */
    long errors();
}
