package org.oneneuron.linalg;

import java.lang.System.Logger.Level;

/**
 * Passes over θ-sized double arrays that the optimizers run once per step, fused so a step reads
 * and writes θ as few times as it can: vectorized on the Vector API when jdk.incubator.vector is
 * present (and {@code oneneuron.vector.math} is not false), scalar otherwise; the same bits either
 * way, whatever the JIT's state.
 */
public final class ThetaPasses {

    private static final ThetaKernels KERNELS = choose();

    private ThetaPasses() {
    }

    /**
     * The plain SGD step with the float copy the next float32 evaluation reads, in one pass:
     * to[i] = from[i] − η·(c·g_i), th[i] = (float) to[i], where g_i is the float32 bulk[i] for
     * i &lt; bulkEnd (a gradient whose widening to double was left to this pass) and g[i] from there
     * on. {@code from} may be {@code to} (an in-place step); a step into another array leaves
     * {@code from} as it was, for a caller who may need to undo the step.
     *
     * @param bulk    the gradient's leading entries in float32, or null when bulkEnd is 0
     * @param bulkEnd how many leading entries bulk holds
     * @return true when every th[i] is finite (then every to[i] is too)
     */
    public static boolean sgdStep(double[] from, float[] bulk, int bulkEnd, double[] g, double eta, double c,
                                  double[] to, float[] th) {
        int n = from.length;
        if (g.length != n || to.length != n || th.length != n || bulkEnd < 0 || bulkEnd > n
                || (bulkEnd > 0 && (bulk == null || bulk.length < bulkEnd))) {
            throw new IllegalArgumentException("sgd step: lengths differ (θ " + n + " into " + to.length + ", g "
                    + g.length + ", float θ " + th.length + ", float gradient up to " + bulkEnd + ")");
        }
        return KERNELS.sgdStep(from, bulk, bulkEnd, g, eta, c, to, th);
    }

    /**
     * Σ x_i² in eight interleaved partial sums s_j = Σ_{i ≡ j mod 8} x_i² (over the first 8⌊n/8⌋
     * entries), added as ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)), then the tail in order.
     * Finite exactly when every x_i is finite and no partial sum overflows.
     */
    public static double sumOfSquares(double[] x) {
        return KERNELS.sumOfSquares(x);
    }

    /**
     * dst[i] = src[i] (float to double, exact) for every i, and into lanes (length 8) the partial
     * sums of {@link #sumOfSquares} over the first {@code upTo} entries, a multiple of 8: a widening
     * pass that also reads the squares, for {@link #sumOfSquares(double[], int, double[])} to
     * finish after the entries from upTo on have changed.
     */
    public static void widen(float[] src, double[] dst, int upTo, double[] lanes) {
        if (src.length < dst.length || upTo % 8 != 0 || upTo < 0 || upTo > dst.length || lanes.length != 8) {
            throw new IllegalArgumentException("widen: float " + src.length + ", double " + dst.length
                    + ", squared up to " + upTo + ", lanes " + lanes.length);
        }
        KERNELS.widen(src, dst, upTo, lanes);
    }

    /**
     * Into lanes (length 8) the partial sums of {@link #sumOfSquares} over the first {@code upTo}
     * entries of src widened to double (upTo a multiple of 8): {@link #widen}'s lanes without
     * writing the widened copy, for a gradient whose widening is left to the SGD step.
     */
    public static void squares(float[] src, int upTo, double[] lanes) {
        if (upTo % 8 != 0 || upTo < 0 || upTo > src.length || lanes.length != 8) {
            throw new IllegalArgumentException("squares: float " + src.length + ", up to " + upTo
                    + ", lanes " + lanes.length);
        }
        KERNELS.squares(src, upTo, lanes);
    }

    /**
     * {@link #sumOfSquares}(x), the same bits, with the share of the first {@code from} entries
     * already in lanes (as {@link #widen} leaves it).
     */
    public static double sumOfSquares(double[] x, int from, double[] lanes) {
        if (from % 8 != 0 || from < 0 || from > x.length || lanes.length != 8) {
            throw new IllegalArgumentException("sum of squares from " + from + " of " + x.length
                    + " with " + lanes.length + " lanes");
        }
        return KERNELS.sumOfSquares(x, from, lanes);
    }

    private static ThetaKernels choose() {
        if (!Backends.vectorApiAvailable()
                || "false".equalsIgnoreCase(System.getProperty("oneneuron.vector.math", "true"))) {
            return ScalarThetaKernels.INSTANCE;
        }
        try {
            return (ThetaKernels) Class.forName("org.oneneuron.linalg.VectorThetaKernels")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger(ThetaPasses.class.getName()).log(Level.WARNING,
                    "the vector θ kernels could not be loaded ("
                            + (e.getMessage() == null ? "no reason given" : e.getMessage())
                            + "); the scalar ones give the same numbers");
            return ScalarThetaKernels.INSTANCE;
        }
    }
}
