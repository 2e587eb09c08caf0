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
     * previous[i] = θ[i] (when previous is non-null), θ[i] ← θ[i] − η·(c·g[i]), th[i] = (float) θ[i].
     *
     * @return true when every th[i] is finite (then every θ[i] is too)
     */
    public static boolean sgdStep(double[] theta, double[] g, double eta, double c, double[] previous, float[] th) {
        if (g.length != theta.length || th.length != theta.length
                || (previous != null && previous.length != theta.length)) {
            throw new IllegalArgumentException("sgd step: lengths differ (θ " + theta.length + ", g " + g.length
                    + ", float θ " + th.length + ")");
        }
        return KERNELS.sgdStep(theta, g, eta, c, previous, th);
    }

    /**
     * Σ x_i² in eight interleaved partial sums s_j = Σ_{i ≡ j mod 8} x_i² (over the first 8⌊n/8⌋
     * entries), added as ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)), then the tail in order.
     * Finite exactly when every x_i is finite and no partial sum overflows.
     */
    public static double sumOfSquares(double[] x) {
        return KERNELS.sumOfSquares(x);
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
