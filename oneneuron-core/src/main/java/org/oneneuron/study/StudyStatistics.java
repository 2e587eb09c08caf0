package org.oneneuron.study;

import java.util.Arrays;

/** Small exact statistics for studies: McNemar's exact test and sample quantiles. */
public final class StudyStatistics {

    private StudyStatistics() {
    }

    /**
     * Two-sided exact McNemar test on discordant pairs: b pairs where only the first variant
     * succeeded, c where only the second did. p = min(1, 2·P[X <= min(b, c)]), X ~ Bin(b + c, ½).
     */
    public static double mcNemarExact(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, got " + b + ", " + c);
        }
        int m = b + c;
        if (m == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        double logHalf = m * Math.log(0.5);
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            sum += Math.exp(logChoose(m, i) + logHalf);
        }
        return Math.min(1.0, 2 * sum);
    }

    /**
     * Sample quantile, linear interpolation between order statistics (Hyndman–Fan type 7).
     * NaN values are ignored; NaN when none remain.
     */
    public static double quantile(double[] values, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        }
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
