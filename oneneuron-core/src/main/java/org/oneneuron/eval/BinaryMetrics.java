package org.oneneuron.eval;

/**
 * Classification figures for ±1 labels by {@link Metrics}' one rule: a sample is right when
 * y·f > 0; a score of exactly 0 counts as an error (FN for +1, FP for -1).
 * Ratios whose denominator is zero (precision with no positive prediction, ROC AUC with a single
 * class present) are NaN; JSON writers turn NaN into null.
 *
 * @param truePositives  y = +1, f > 0
 * @param falsePositives y = -1, f >= 0
 * @param trueNegatives  y = -1, f < 0
 * @param falseNegatives y = +1, f <= 0
 * @param rocAuc         area under the ROC curve of the scores (ties count one half)
 */
public record BinaryMetrics(long truePositives, long falsePositives, long trueNegatives,
                            long falseNegatives, double rocAuc) implements TaskMetrics {

    public BinaryMetrics {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0");
        }
    }

    /** Number of samples. */
    @Override
    public long n() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** (TP + TN) / n. */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, n());
    }

    /** TP / (TP + FP). */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN). */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** Number of misclassified samples, FP + FN. */
    public long errors() {
        return falsePositives + falseNegatives;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
