package org.oneneuron.eval;

import java.util.Arrays;

/**
 * Evaluation of scores f~(x_i) against ±1 labels: confusion counts and the ROC AUC, by the
 * project's one accuracy rule: sample i is classified right exactly when y_i·f~(x_i) > 0 (the
 * theorem's "classifies every sample correctly"). A score of exactly 0 decides nothing and counts
 * as an error: a false negative for a +1 sample, a false positive for a -1 sample.
 * {@link #label} still names a class for it (+1), because a prediction must name one.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The binary figures of {@code scores} against {@code labels}.
     *
     * @param scores real scores, finite; not modified
     * @param labels -1 or +1 per sample; not modified
     */
    public static BinaryMetrics binary(double[] scores, double[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i]);
            }
            boolean positive = label(labels[i], i);
            if (positive) {
                if (scores[i] > 0) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (scores[i] < 0) {
                tn++;
            } else {
                fp++;
            }
        }
        return new BinaryMetrics(tp, fp, tn, fn, rocAuc(scores, labels));
    }

    /** Whether a score classifies a ±1 label right: y·f > 0. */
    public static boolean correct(double score, double label) {
        return label * score > 0;
    }

    /** Fraction of samples with y_i·f_i > 0 (0 for no samples). */
    public static double accuracy(double[] scores, double[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            right += correct(scores[i], labels[i]) ? 1 : 0;
        }
        return scores.length == 0 ? 0 : (double) right / scores.length;
    }

    /**
     * The predicted class of K scores f[off..off+k): the index of the largest, the first one on a
     * tie (a prediction must name one class).
     */
    public static int argmax(double[] f, int off, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (f[off + j] > f[off + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The multi-class rule: sample i is right when its class y_i has a score strictly above every
     * other (a tie for the top decides nothing and counts as an error, as a score of 0 does in the
     * binary rule). Returns the fraction of samples classified wrong.
     *
     * @param scores n·k scores, sample-major
     * @param labels n class indices 0..k-1
     */
    public static double classError(double[] scores, int k, double[] labels) {
        int wrong = 0;
        for (int i = 0; i < labels.length; i++) {
            wrong += correctClass(scores, i * k, k, (int) labels[i]) ? 0 : 1;
        }
        return labels.length == 0 ? 0 : (double) wrong / labels.length;
    }

    /** Whether f[off + c] is strictly larger than every other of the k scores. */
    public static boolean correctClass(double[] f, int off, int k, int c) {
        for (int j = 0; j < k; j++) {
            if (j != c && !(f[off + c] > f[off + j])) {
                return false;
            }
        }
        return true;
    }

    /** The predicted ±1 label of a score: +1 when f >= 0 (a score of 0 must name some class). */
    public static double label(double score) {
        return score >= 0 ? 1 : -1;
    }

    /**
     * ROC AUC by the rank-sum (Mann–Whitney) formula: AUC = (R₊ - n₊(n₊+1)/2) / (n₊·n₋), where R₊
     * is the sum of the positives' ranks among all scores, tied scores sharing their mean rank.
     * NaN when one class is absent.
     */
    public static double rocAuc(double[] scores, double[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(scores[p], scores[q]));
        double rankSumPositive = 0;
        long positives = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (label(labels[order[k]], order[k])) {
                    rankSumPositive += meanRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static boolean label(double y, int i) {
        if (y == 1) {
            return true;
        }
        if (y == -1) {
            return false;
        }
        throw new IllegalArgumentException("label " + i + " is " + y + ", expected -1 or +1");
    }
}
