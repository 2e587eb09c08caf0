package org.oneneuron.eval;

import java.util.Arrays;

/**
 * Figures of K-class scores against class indices. A sample is right when its class's score is
 * strictly the largest ({@link Metrics#correctClass}); the predicted class is the first largest
 * ({@link Metrics#argmax}), so a tie for the top counts as an error and still names a class in
 * the confusion matrix.
 *
 * @param confusion K×K counts, row = true class, column = predicted class
 * @param errors    samples whose class is not strictly the top score
 * @param topK      top-k accuracy for k = 1..K: the class is among the k largest scores (ties
 *                  broken towards the lower index, as argmax)
 * @param logLoss   mean -log p_y with p = softmax(f) (the cross-entropy of the scores)
 */
public record ClassMetrics(long[][] confusion, long errors, double[] topK, double logLoss) implements TaskMetrics {

    public ClassMetrics {
        confusion = Arrays.stream(confusion).map(long[]::clone).toArray(long[][]::new);
        topK = topK.clone();
    }

    /** The figures of n·k scores (sample-major) against n class indices 0..k-1. */
    public static ClassMetrics of(double[] scores, int k, double[] labels) {
        int n = labels.length;
        if (scores.length != (long) n * k) {
            throw new IllegalArgumentException(scores.length + " scores for " + n + " samples of " + k + " classes");
        }
        long[][] confusion = new long[k][k];
        long errors = 0;
        long[] rankCount = new long[k];
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            int c = (int) labels[i];
            if (c != labels[i] || c < 0 || c >= k) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected a class index 0.." + (k - 1));
            }
            int off = i * k;
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(scores[off + j])) {
                    throw new IllegalArgumentException("score " + j + " of sample " + i + " is " + scores[off + j]);
                }
                m = Math.max(m, scores[off + j]);
            }
            confusion[c][Metrics.argmax(scores, off, k)]++;
            errors += Metrics.correctClass(scores, off, k, c) ? 0 : 1;
            int rank = 0;
            double s = 0;
            for (int j = 0; j < k; j++) {
                double f = scores[off + j];
                if (f > scores[off + c] || (f == scores[off + c] && j < c)) {
                    rank++;
                }
                s += Math.exp(f - m);
            }
            rankCount[rank]++;
            logLoss += m + Math.log(s) - scores[off + c];
        }
        double[] topK = new double[k];
        long cumulative = 0;
        for (int r = 0; r < k; r++) {
            cumulative += rankCount[r];
            topK[r] = n == 0 ? Double.NaN : (double) cumulative / n;
        }
        return new ClassMetrics(confusion, errors, topK, n == 0 ? Double.NaN : logLoss / n);
    }

    @Override
    public long[][] confusion() {
        return Arrays.stream(confusion).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public double[] topK() {
        return topK.clone();
    }

    /** K. */
    public int classes() {
        return confusion.length;
    }

    @Override
    public long n() {
        long s = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                s += v;
            }
        }
        return s;
    }

    @Override
    public double accuracy() {
        long n = n();
        return n == 0 ? Double.NaN : (double) (n - errors) / n;
    }

    /** Top-k accuracy, 1 ≤ k ≤ K. */
    public double topK(int k) {
        return topK[k - 1];
    }

    /** Precision of class c: confusion[c][c] / Σ_r confusion[r][c] (NaN when c is never predicted). */
    public double precision(int c) {
        long col = 0;
        for (long[] row : confusion) {
            col += row[c];
        }
        return col == 0 ? Double.NaN : (double) confusion[c][c] / col;
    }

    /** Recall of class c: confusion[c][c] / Σ_j confusion[c][j] (NaN when c is absent). */
    public double recall(int c) {
        long row = 0;
        for (long v : confusion[c]) {
            row += v;
        }
        return row == 0 ? Double.NaN : (double) confusion[c][c] / row;
    }

    /** F1 of class c: 2PR/(P + R); 0 when P + R = 0, NaN when either is NaN. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Macro F1: the mean of the per-class F1 over classes present in the data (a NaN F1 counts 0). */
    public double macroF1() {
        double s = 0;
        int count = 0;
        for (int c = 0; c < classes(); c++) {
            if (!Double.isNaN(recall(c))) {
                double f = f1(c);
                s += Double.isNaN(f) ? 0 : f;
                count++;
            }
        }
        return count == 0 ? Double.NaN : s / count;
    }

    /**
     * Micro F1: F1 of the pooled counts; with one predicted class per sample it equals the share of
     * samples whose predicted (argmax) class is theirs.
     */
    public double microF1() {
        long diag = 0;
        for (int c = 0; c < classes(); c++) {
            diag += confusion[c][c];
        }
        long n = n();
        return n == 0 ? Double.NaN : (double) diag / n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassMetrics m && Arrays.deepEquals(confusion, m.confusion) && errors == m.errors
                && Arrays.equals(topK, m.topK) && Double.compare(logLoss, m.logLoss) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(confusion) * 31 + Arrays.hashCode(topK);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ClassMetrics[n=%d, accuracy=%.4f, macroF1=%.4f]", n(), accuracy(),
                macroF1());
    }
}
