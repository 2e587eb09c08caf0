package org.oneneuron.eval;

import java.util.Arrays;

/** Evaluation of scores f~(x_i) against ±1 labels: confusion counts and the ROC AUC. */
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
            boolean predicted = scores[i] >= 0;
            if (positive) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        return new BinaryMetrics(tp, fp, tn, fn, rocAuc(scores, labels));
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
