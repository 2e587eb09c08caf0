package org.oneneuron.data;

/**
 * A regression target's affine scaling t' = (t - mean) / scale, fitted on the training part and
 * undone on every prediction: value = mean + scale·f~. The network is trained on t', so the
 * objective, its loss figures, gradients and certificates are in standardized units while
 * predictions, RMSE and MAE are in the target's own (R² is the same in both). {@code mean} is the
 * targets' mean and {@code scale} their population standard deviation sqrt(Σ (t_i - mean)² / n),
 * 1 for targets that are all equal (centred, not divided), as {@link Standardizer} treats a
 * zero-variance feature. The identity (mean 0, scale 1) is what a model without target scaling
 * (a classifier, a regression trained with it off, a model file written before it existed) holds,
 * and it leaves every value's bits as they are.
 *
 * @param mean  the targets' mean, finite
 * @param scale the divisor, finite and positive
 */
public record TargetStandardizer(double mean, double scale) {

    private static final TargetStandardizer IDENTITY = new TargetStandardizer(0, 1);

    public TargetStandardizer {
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("target mean " + mean + " is not finite");
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("target scale " + scale + " must be finite and > 0");
        }
    }

    /** No scaling: mean 0, scale 1. */
    public static TargetStandardizer identity() {
        return IDENTITY;
    }

    /**
     * The mean and population standard deviation of {@code train}'s targets (two passes; sums that
     * overflow, for targets beyond about 1e154, are taken over rescaled values so that both stay
     * finite). A standard deviation of 0 gives scale 1: the targets are only centred.
     *
     * @throws IllegalArgumentException for a data set without samples
     */
    public static TargetStandardizer fit(Dataset train) {
        double[] y = train.y();
        int n = y.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot fit a target standardizer on " + train.name() + ": no samples");
        }
        double sum = 0;
        for (double t : y) {
            sum += t;
        }
        double mean = sum / n;
        if (!Double.isFinite(mean)) {
            mean = 0;
            for (double t : y) {
                mean += t / n;
            }
        }
        double var = 0;
        double largest = 0;
        for (double t : y) {
            double c = t - mean;
            var += c * c;
            largest = Math.max(largest, Math.abs(c));
        }
        double s;
        if (Double.isFinite(var)) {
            s = Math.sqrt(var / n);
        } else {
            double rescaled = 0;
            for (double t : y) {
                double c = (t - mean) / largest;
                rescaled += c * c;
            }
            s = largest * Math.sqrt(rescaled / n);
        }
        return new TargetStandardizer(mean, s > 0 && Double.isFinite(s) ? s : 1.0);
    }

    /** True for mean 0 and scale 1, which changes nothing. */
    public boolean isIdentity() {
        return mean == 0 && scale == 1;
    }

    /**
     * The data set with standardized targets (same features, names, shape and task); the data set
     * itself for the identity.
     *
     * @throws IllegalArgumentException when a standardized target is not finite (a target of the
     *                                  other sign near ±1.8e308), naming the sample
     */
    public Dataset apply(Dataset data) {
        if (isIdentity()) {
            return data;
        }
        double[] y = data.y();
        double[] z = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            z[i] = (y[i] - mean) / scale;
            if (!Double.isFinite(z[i])) {
                throw new IllegalArgumentException(data.name() + ", sample " + i + ": the target " + y[i]
                        + " standardized with mean " + mean + " and scale " + scale + " is not finite");
            }
        }
        return new Dataset(data.name(), data.x(), z, data.d(), data.featureNames(), data.labelNames(),
                data.shape(), data.task());
    }

    /** The value in the target's units of a standardized one: mean + scale·f (f itself for the identity). */
    public double toTarget(double f) {
        return isIdentity() ? f : mean + scale * f;
    }

    /**
     * Maps standardized values to the target's units in place (nothing for the identity).
     *
     * @param values standardized values. Modified.
     */
    public void toTargets(double[] values) {
        if (isIdentity()) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = mean + scale * values[i];
        }
    }
}
