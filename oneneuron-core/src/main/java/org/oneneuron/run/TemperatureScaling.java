package org.oneneuron.run;

/**
 * Temperature scaling of a multi-class model's K scores (Guo, Pleiss, Sun and Weinberger 2017):
 * p_k = softmax(a·s)_k with one slope a = 1/T ≥ 0 fitted by maximum likelihood on labeled scores.
 * A network trained to near-zero loss has scores in the hundreds, and their plain softmax says
 * 0.999 where it is right four times in five; a is what makes it say how often it is right.
 *
 * <p>As Platt scaling does for binary models, the targets are smoothed, t = 1 − ε on the true
 * class and ε/(K − 1) on each other, ε = 1/(n + 2), which keeps a finite on scores that rank every
 * sample right. The negative log-likelihood N(a) = Σ_i [logsumexp(a·s_i) − a·Σ_k t_ik s_ik] is
 * convex in a (N'' = Σ_i Var_{p_i}(s_i) ≥ 0), so a is the root of the increasing N'(a) =
 * Σ_i [E_{p_i}(s_i) − Σ_k t_ik s_ik], found by bisection; a = 0 (uniform probabilities) when
 * N'(0) ≥ 0, i.e. when the scores tell nothing about the labels.
 */
final class TemperatureScaling {

    private static final int BISECTIONS = 200;
    private static final int MAX_DOUBLINGS = 60;

    private TemperatureScaling() {
    }

    /**
     * The slope a of softmax(a·s) that maximizes the smoothed likelihood of {@code classes}.
     *
     * @param scores  n·K scores, sample-major, finite
     * @param k       K ≥ 2
     * @param classes n class indices 0..K-1
     * @throws IllegalArgumentException without samples, or with a class index outside 0..K-1
     */
    static double fit(double[] scores, int k, double[] classes) {
        int n = classes.length;
        if (n == 0 || scores.length != n * k || k < 2) {
            throw new IllegalArgumentException("temperature scaling needs n·K scores (K >= 2) for n >= 1 labels; got "
                    + scores.length + " scores for " + n + " labels, K = " + k);
        }
        double big = 0;
        for (int i = 0; i < n; i++) {
            double c = classes[i];
            if (c != Math.rint(c) || c < 0 || c >= k) {
                throw new IllegalArgumentException("label " + i + " is " + c + ", not a class index 0.." + (k - 1));
            }
        }
        for (double s : scores) {
            big = Math.max(big, Math.abs(s));
        }
        double eps = 1.0 / (n + 2);
        if (big == 0 || slope(scores, k, classes, eps, 0) >= 0) {
            return 0;
        }
        // Search u = a·big, so that a·s stays within ±u: the root lies below the first u where N' > 0.
        double lo = 0;
        double hi = 1;
        for (int d = 0; d < MAX_DOUBLINGS && slope(scores, k, classes, eps, hi / big) < 0; d++) {
            lo = hi;
            hi *= 2;
        }
        for (int it = 0; it < BISECTIONS && hi - lo > Math.ulp(hi); it++) {
            double mid = 0.5 * (lo + hi);
            if (slope(scores, k, classes, eps, mid / big) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi) / big;
    }

    /** N'(a) = Σ_i [E_{softmax(a·s_i)}(s_i) − Σ_k t_ik s_ik]. */
    private static double slope(double[] scores, int k, double[] classes, double eps, double a) {
        double other = eps / (k - 1);
        double sum = 0;
        for (int i = 0; i < classes.length; i++) {
            int o = i * k;
            double m = Calibration.scaledMax(scores, o, k, a);
            double z = 0;
            double expected = 0;
            double target = 0;
            int y = (int) classes[i];
            for (int j = 0; j < k; j++) {
                double e = Math.exp(a * scores[o + j] - m);
                z += e;
                expected += e * scores[o + j];
                target += (j == y ? 1 - eps : other) * scores[o + j];
            }
            sum += expected / z - target;
        }
        return sum;
    }
}
