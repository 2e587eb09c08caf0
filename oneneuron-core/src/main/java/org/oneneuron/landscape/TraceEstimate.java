package org.oneneuron.landscape;

/**
 * A Monte Carlo estimate of a trace with its standard error (sample standard deviation / √probes).
 *
 * @param mean          the estimate
 * @param standardError its standard error (NaN with a single probe)
 * @param probes        number of probe vectors used
 */
public record TraceEstimate(double mean, double standardError, int probes) {

    /** The estimate and standard error of the sample mean of {@code samples}. */
    static TraceEstimate ofSamples(double[] samples) {
        int m = samples.length;
        double mean = 0.0;
        for (double s : samples) {
            mean += s;
        }
        mean /= m;
        if (m < 2) {
            return new TraceEstimate(mean, Double.NaN, m);
        }
        double ss = 0.0;
        for (double s : samples) {
            ss += (s - mean) * (s - mean);
        }
        return new TraceEstimate(mean, Math.sqrt(ss / (m - 1) / m), m);
    }
}
