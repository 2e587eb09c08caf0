package org.oneneuron.data;

import java.util.Arrays;

/**
 * Per-feature affine scaling z_j = (x_j - mean_j) / scale_j, fitted on training data only and then
 * applied to any data set with the same features. For feature vectors, mean_j and scale_j are the
 * feature's own mean and population standard deviation sqrt(Σ_i (x_ij - mean_j)² / n) (1 for a
 * zero-variance feature: centred, not divided). For images (a sample shape C×H×W with H·W > 1)
 * every pixel of a channel shares the channel's mean and standard deviation over all its pixels:
 * pixels are one quantity, and a per-pixel standard deviation would turn a pixel that is lit in
 * one of n images into a value near √n (245 on MNIST), which an exponential unit reading the
 * pixels cannot tolerate (docs/RESULTS.md §3b). Stored as two plain arrays so a model file can
 * carry it.
 *
 * @param mean  per-feature mean, finite
 * @param scale per-feature divisor, finite and positive
 */
public record Standardizer(double[] mean, double[] scale) {

    public Standardizer {
        if (mean == null || scale == null) {
            throw new IllegalArgumentException("mean and scale must not be null");
        }
        if (mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries and scale " + scale.length
                    + "; expected the same positive number");
        }
        mean = mean.clone();
        scale = scale.clone();
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean[" + j + "] = " + mean[j] + " is not finite");
            }
            if (!(scale[j] > 0) || !Double.isFinite(scale[j])) {
                throw new IllegalArgumentException("scale[" + j + "] = " + scale[j] + " must be finite and > 0");
            }
        }
    }

    /**
     * Means and standard deviations of {@code train}'s features, per feature for vectors and per
     * channel for images (two passes, for accuracy).
     */
    public static Standardizer fit(Dataset train) {
        int n = train.n();
        int d = train.d();
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a Standardizer on " + train.name() + ": no samples");
        }
        if (!train.shape().isVector()) {
            return fitPerChannel(train);
        }
        double[] x = train.x();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = Double.isInfinite(mean[j]) ? dividedMean(x, n, d, j) : mean[j] / n;
        }
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = x[i * d + j] - mean[j];
                var[j] += c * c;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Double.isInfinite(var[j]) ? rescaledDeviation(x, n, d, j, mean[j]) : Math.sqrt(var[j] / n);
            scale[j] = s > 0 && Double.isFinite(s) ? s : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** The mean of feature j as Σ (x / n) when Σ x overflows (finite values near ±1.8e308). */
    private static double dividedMean(double[] x, int n, int d, int j) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i * d + j] / n;
        }
        return sum;
    }

    /**
     * The standard deviation of feature j when Σ (x - mean)² overflows (|x| beyond ~1e154):
     * m·sqrt(Σ ((x - mean)/m)² / n) with m = max |x - mean|, which stays finite.
     */
    private static double rescaledDeviation(double[] x, int n, int d, int j, double mean) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(x[i * d + j] - mean));
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double c = (x[i * d + j] - mean) / m;
            sum += c * c;
        }
        return m * Math.sqrt(sum / n);
    }

    /** One mean and standard deviation per channel, over all its pixels, repeated for each pixel. */
    private static Standardizer fitPerChannel(Dataset train) {
        int n = train.n();
        int d = train.d();
        int area = train.shape().area();
        int channels = train.shape().channels();
        double[] x = train.x();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double count = (double) n * area;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int from = i * d + c * area;
                for (int j = from; j < from + area; j++) {
                    sum += x[j];
                }
            }
            double m = sum / count;
            double var = 0;
            for (int i = 0; i < n; i++) {
                int from = i * d + c * area;
                for (int j = from; j < from + area; j++) {
                    double e = x[j] - m;
                    var += e * e;
                }
            }
            double s = Math.sqrt(var / count);
            Arrays.fill(mean, c * area, (c + 1) * area, m);
            Arrays.fill(scale, c * area, (c + 1) * area, s > 0 && Double.isFinite(s) ? s : 1.0);
        }
        return new Standardizer(mean, scale);
    }

    /** The identity scaling for d features. */
    public static Standardizer identity(int d) {
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new Standardizer(new double[d], ones);
    }

    /** Number of features. */
    public int d() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /**
     * The data set with scaled features (same targets, names and labels).
     *
     * @throws DataException when the data set's dimension differs from the fitted one
     */
    public Dataset apply(Dataset data) {
        DataChecks.checkDimension(d(), data, data.name());
        return new Dataset(data.name(), transform(data.x()), data.y(), data.d(), data.featureNames(),
                data.labelNames(), data.shape(), data.task());
    }

    /**
     * Scales a row-major batch (length a multiple of d) into a new array.
     *
     * @param x features, row-major. Not modified.
     */
    public double[] transform(double[] x) {
        int d = d();
        if (x.length % d != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values, not a multiple of d = " + d);
        }
        double[] z = new double[x.length];
        transformRows(x, 0, x.length / d, z);
        return z;
    }

    /**
     * Scales rows [from, from + rows) of a row-major batch into {@code into[0 .. rows·d)}, the
     * same bits as {@link #transform}: z_ij = (x_ij − μ_j) / s_j.
     *
     * @param x features, row-major. Not modified.
     */
    public void transformRows(double[] x, int from, int rows, double[] into) {
        int d = d();
        for (int r = 0; r < rows; r++) {
            int src = (from + r) * d;
            int dst = r * d;
            for (int j = 0; j < d; j++) {
                into[dst + j] = (x[src + j] - mean[j]) / scale[j];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardizer[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
