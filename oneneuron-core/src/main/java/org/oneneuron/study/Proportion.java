package org.oneneuron.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * k successes out of n with the Wilson score interval at 95%:
 * centre (p̂ + z²/2n)/(1 + z²/n), half-width z·√(p̂(1-p̂)/n + z²/4n²)/(1 + z²/n), z = 1.959964.
 *
 * @param k successes
 * @param n trials
 */
public record Proportion(int k, int n) {

    private static final double Z = 1.959963984540054;

    public Proportion {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
    }

    /** k/n, NaN when n = 0. */
    @JsonProperty("share")
    public double share() {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    /** Lower end of the Wilson 95% interval (0 when n = 0). */
    @JsonProperty("lower")
    public double lower() {
        return n == 0 ? 0 : Math.max(0, centre() - halfWidth());
    }

    /** Upper end of the Wilson 95% interval (1 when n = 0). */
    @JsonProperty("upper")
    public double upper() {
        return n == 0 ? 1 : Math.min(1, centre() + halfWidth());
    }

    private double centre() {
        double p = share();
        return (p + Z * Z / (2.0 * n)) / (1 + Z * Z / n);
    }

    private double halfWidth() {
        double p = share();
        return Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4.0 * n * n)) / (1 + Z * Z / n);
    }

    /** "77% [71, 82] (154/200)". */
    public String describe() {
        if (n == 0) {
            return "n/a (0 runs)";
        }
        return String.format(Locale.ROOT, "%.0f%% [%.0f, %.0f] (%d/%d)", 100 * share(),
                100 * lower(), 100 * upper(), k, n);
    }
}
