package org.oneneuron.eval;

/**
 * How good predicted probabilities are against the labels: the log-loss, the Brier score and the
 * expected calibration error (ECE; Guo, Pleiss, Sun and Weinberger 2017). For K classes with
 * probabilities p_ik of sample i and class index y_i:
 * <ul>
 *   <li>log-loss = −(1/n) Σ_i log p_iy_i, from the log-likelihoods log p_iy_i as the caller
 *       computed them (from the scores, without underflow: a confident mistake costs its whole
 *       −log p, no clamp);</li>
 *   <li>Brier = (1/n) Σ_i Σ_k (p_ik − 1[y_i = k])²; a binary model's one probability p_i = P(+1)
 *       gives (1/n) Σ_i (p_i − 1[y_i = +1])², half the two-class sum (scikit-learn's
 *       convention);</li>
 *   <li>ECE = Σ_m (|B_m|/n)·|acc(B_m) − conf(B_m)| over M = {@value #BINS} equal-width bins of the
 *       top-class probability c_i = max_k p_ik, B_m = {i : (m−1)/M &lt; c_i ≤ m/M} (c_i = 0 joins
 *       B_1), where acc(B_m) is the share of B_m whose top class is y_i and conf(B_m) the mean c_i.
 *       The top class is the first largest p_ik; binary: +1 when P(+1) ≥ ½, with c_i = max(p_i, 1 − p_i).</li>
 * </ul>
 * Each figure is NaN without samples.
 *
 * @param logLoss mean −log p(y)
 * @param brier   mean squared distance of the probabilities from the one-hot label
 * @param ece     expected calibration error of the top-class probability
 */
public record ProbabilityMetrics(double logLoss, double brier, double ece) {

    /** M, the equal-width confidence bins of the ECE. */
    public static final int BINS = 10;

    /**
     * The figures of K-class probabilities.
     *
     * @param p              n·K probabilities, sample-major, each row summing to 1; not modified
     * @param k              K
     * @param classes        n class indices 0..K-1; not modified
     * @param logLikelihoods n values log p_iy_i; not modified
     */
    public static ProbabilityMetrics classes(double[] p, int k, double[] classes, double[] logLikelihoods) {
        int n = classes.length;
        if (k < 2 || p.length != (long) n * k || logLikelihoods.length != n) {
            throw new IllegalArgumentException(p.length + " probabilities and " + logLikelihoods.length
                    + " log-likelihoods for " + n + " samples of " + k + " classes (K >= 2)");
        }
        double brier = 0;
        double[] confidence = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            int y = (int) classes[i];
            if (y != classes[i] || y < 0 || y >= k) {
                throw new IllegalArgumentException("label " + i + " is " + classes[i] + ", expected a class index 0.."
                        + (k - 1));
            }
            int off = i * k;
            for (int j = 0; j < k; j++) {
                double d = p[off + j] - (j == y ? 1 : 0);
                brier += d * d;
            }
            int top = Metrics.argmax(p, off, k);
            confidence[i] = p[off + top];
            right[i] = top == y;
        }
        return new ProbabilityMetrics(logLoss(logLikelihoods), brier / n, ece(confidence, right));
    }

    /**
     * The figures of a binary model's P(+1).
     *
     * @param p              n probabilities P(y = +1 | x_i); not modified
     * @param labels         n labels, -1 or +1; not modified
     * @param logLikelihoods n values log P(y_i | x_i); not modified
     */
    public static ProbabilityMetrics binary(double[] p, double[] labels, double[] logLikelihoods) {
        int n = labels.length;
        if (p.length != n || logLikelihoods.length != n) {
            throw new IllegalArgumentException(p.length + " probabilities and " + logLikelihoods.length
                    + " log-likelihoods for " + n + " labels");
        }
        double brier = 0;
        double[] confidence = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected -1 or +1");
            }
            boolean positive = labels[i] == 1;
            double d = p[i] - (positive ? 1 : 0);
            brier += d * d;
            boolean top = p[i] >= 0.5;
            confidence[i] = top ? p[i] : 1 - p[i];
            right[i] = top == positive;
        }
        return new ProbabilityMetrics(logLoss(logLikelihoods), brier / n, ece(confidence, right));
    }

    /** −(1/n) Σ_i ℓ_i. */
    private static double logLoss(double[] logLikelihoods) {
        double s = 0;
        for (double l : logLikelihoods) {
            s -= l;
        }
        return s / logLikelihoods.length;
    }

    /** Σ_m (|B_m|/n)·|acc(B_m) − conf(B_m)| = (1/n) Σ_m |right(B_m) − Σ_{i∈B_m} c_i|. */
    private static double ece(double[] confidence, boolean[] right) {
        double[] gap = new double[BINS];
        for (int i = 0; i < confidence.length; i++) {
            int m = 0;
            while (m < BINS - 1 && confidence[i] > (m + 1.0) / BINS) {
                m++;
            }
            gap[m] += (right[i] ? 1 : 0) - confidence[i];
        }
        double s = 0;
        for (double g : gap) {
            s += Math.abs(g);
        }
        return s / confidence.length;
    }
}
