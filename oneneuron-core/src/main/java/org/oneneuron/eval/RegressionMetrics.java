package org.oneneuron.eval;

/**
 * Figures of real predictions f_i against targets t_i, r_i = f_i - t_i:
 * RMSE = √(Σr²/n), MAE = Σ|r|/n, R² = 1 - Σr² / Σ(t - t̄)² (NaN when every target is equal).
 *
 * @param n    samples
 * @param rmse root mean squared error
 * @param mae  mean absolute error
 * @param r2   coefficient of determination
 */
public record RegressionMetrics(long n, double rmse, double mae, double r2) implements TaskMetrics {

    /** The figures of predictions against targets (same length, finite). */
    public static RegressionMetrics of(double[] predictions, double[] targets) {
        if (predictions.length != targets.length) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + targets.length + " targets");
        }
        int n = targets.length;
        double mean = 0;
        for (double t : targets) {
            mean += t;
        }
        mean /= Math.max(1, n);
        double sse = 0;
        double sae = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(predictions[i])) {
                throw new IllegalArgumentException("prediction " + i + " is " + predictions[i]);
            }
            double r = predictions[i] - targets[i];
            sse += r * r;
            sae += Math.abs(r);
            double c = targets[i] - mean;
            sst += c * c;
        }
        return new RegressionMetrics(n, Math.sqrt(sse / n), sae / n, sst > 0 ? 1 - sse / sst : Double.NaN);
    }

    /**
     * The figures of predictions and targets both multiplied by {@code factor} (> 0): RMSE and MAE
     * times it, R² unchanged. A model trained on standardized targets t' = (t - μ)/σ reports its
     * figures in the target's units as its standardized figures scaled by σ.
     */
    public RegressionMetrics scaled(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the scale factor must be finite and > 0, got " + factor);
        }
        return factor == 1 ? this : new RegressionMetrics(n, rmse * factor, mae * factor, r2);
    }

    @Override
    public double accuracy() {
        return Double.NaN;
    }

    @Override
    public long errors() {
        return 0;
    }
}
