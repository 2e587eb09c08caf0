package org.oneneuron.landscape;

/**
 * Tolerances and effort of a point certificate ({@link Certifier}); every certificate reports the
 * configuration it was decided with.
 *
 * @param gradientTolerance     stationary when ‖∇L‖ <= this (absolute)
 * @param curvatureTolerance    negative curvature counts when λ_min < -tol·max(1, ‖H‖)
 * @param lossTolerance         "loss at its minimum" when L - L_min <= this (absolute); also the
 *                              bound on the network-only loss for global_minimum
 * @param denseLimit            the Hessian is assembled densely (exact spectrum) up to this dimension,
 *                              and Lanczos is used above it
 * @param lanczos               Lanczos settings above denseLimit
 * @param perturbations         random directions of the perturbation probe (0 to skip)
 * @param perturbationRadius    the probe's radius
 * @param seed                  seed of the perturbation probe
 * @param curvatureWhenStationary compute the Hessian's extremes only at a stationary point (‖∇L‖
 *                              within {@code gradientTolerance}), the only place they can change
 *                              the verdict; elsewhere the certificate reports them as NaN and
 *                              costs one gradient instead of up to {@code lanczos.steps()}
 *                              (or {@code denseLimit}) Hessian-vector products
 * @param boundedProbe          fit the probe to its use ({@link Certifier}): run it only where it can
 *                              change the verdict (a stationary point whose loss is above its
 *                              minimum) and, above the dense limit, try at most
 *                              {@value Certifier#PROBE_VALUES_PER_HVP} directions per Hessian-vector
 *                              product of the Lanczos run; false: exactly {@code perturbations}
 *                              directions wherever the point is
 */
public record CertifyConfig(double gradientTolerance, double curvatureTolerance, double lossTolerance,
                            int denseLimit, LanczosConfig lanczos,
                            int perturbations, double perturbationRadius, long seed,
                            boolean curvatureWhenStationary, boolean boundedProbe) {

    public CertifyConfig {
        positive("gradientTolerance", gradientTolerance);
        positive("curvatureTolerance", curvatureTolerance);
        positive("lossTolerance", lossTolerance);
        positive("perturbationRadius", perturbationRadius);
        if (denseLimit < 0) {
            throw new IllegalArgumentException("denseLimit must be >= 0, got " + denseLimit);
        }
        if (perturbations < 0) {
            throw new IllegalArgumentException("perturbations must be >= 0, got " + perturbations);
        }
        java.util.Objects.requireNonNull(lanczos, "lanczos");
    }

    /** A config that always computes the Hessian's extremes. */
    public CertifyConfig(double gradientTolerance, double curvatureTolerance, double lossTolerance,
                         int denseLimit, LanczosConfig lanczos, int perturbations,
                         double perturbationRadius, long seed) {
        this(gradientTolerance, curvatureTolerance, lossTolerance, denseLimit, lanczos, perturbations,
                perturbationRadius, seed, false, true);
    }

    /**
     * The default loss tolerance: "loss at its minimum" when L - L_min <= 1e-6. The escape certificate's
     * "already global" uses the same ({@link Certifier#atMinimum}).
     */
    public static final double LOSS_TOLERANCE = 1e-6;

    /** The most directions of the default (bounded) perturbation probe. */
    public static final int DEFAULT_PERTURBATIONS = 1000;

    private static void positive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    /**
     * ‖∇L‖ <= 1e-6, curvature -1e-6·max(1, ‖H‖), loss 1e-6, dense up to 1500
     * parameters, Lanczos defaults, at most 1000 perturbations of radius 1e-3 (a bounded probe),
     * seed 4.
     */
    public static CertifyConfig defaults() {
        return new CertifyConfig(1e-6, 1e-6, LOSS_TOLERANCE, 1500, LanczosConfig.defaults(), DEFAULT_PERTURBATIONS, 1e-3, 4L);
    }

    public CertifyConfig withPerturbations(int count) {
        return new CertifyConfig(gradientTolerance, curvatureTolerance, lossTolerance,
                denseLimit, lanczos, count, perturbationRadius, seed, curvatureWhenStationary, boundedProbe);
    }

    public CertifyConfig withDenseLimit(int limit) {
        return new CertifyConfig(gradientTolerance, curvatureTolerance, lossTolerance,
                limit, lanczos, perturbations, perturbationRadius, seed, curvatureWhenStationary, boundedProbe);
    }

    /** This config, computing the curvature only at stationary points when {@code only}. */
    public CertifyConfig withCurvatureWhenStationary(boolean only) {
        return new CertifyConfig(gradientTolerance, curvatureTolerance, lossTolerance,
                denseLimit, lanczos, perturbations, perturbationRadius, seed, only, boundedProbe);
    }

    /** This config with the probe bounded by its use ({@code true}) or run exactly as requested. */
    public CertifyConfig withBoundedProbe(boolean bounded) {
        return new CertifyConfig(gradientTolerance, curvatureTolerance, lossTolerance,
                denseLimit, lanczos, perturbations, perturbationRadius, seed, curvatureWhenStationary, bounded);
    }
}
