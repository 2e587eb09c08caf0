package org.oneneuron.landscape;

/**
 * The result of evaluating L(θ + r·u) - L(θ) along random unit directions u.
 *
 * <p>When no direction decreases the loss, the fraction of the sphere's directions that would
 * have decreased it is below 1 - 0.05^(1/N) ≈ 3/N with 95% confidence (N directions, the rule of
 * three): {@link #undetectedFraction95()}. A found decrease is a measured one, whatever N.
 *
 * @param directions     number of directions tried (0 when the probe was not run, see {@code limit})
 * @param requested      the most directions the configuration allows
 * @param limit          why {@code directions} is what it is: {@code "requested"}, a budget, or why
 *                       the probe was not run
 * @param radius         r
 * @param smallestChange min over u of L(θ + r·u) - L(θ) (NaN when no direction was tried)
 * @param decreases      directions with a change below -tolerance
 * @param tolerance      round-off allowance, 1e-12·max(1, |L(θ)|)
 * @param seconds        wall time of the probe
 * @param worstDirection the u of the smallest change (empty when no direction was tried)
 */
public record PerturbationProbe(int directions, int requested, String limit, double radius,
                                double smallestChange, int decreases, double tolerance, double seconds,
                                double[] worstDirection) {

    /** The limit word when every requested direction was tried. */
    public static final String REQUESTED = "requested";

    public PerturbationProbe {
        if (directions < 0 || directions > requested) {
            throw new IllegalArgumentException("directions " + directions + " outside [0, " + requested + "]");
        }
        java.util.Objects.requireNonNull(limit, "limit");
        worstDirection = worstDirection.clone();
    }

    /** A probe not run, for the reason given. */
    static PerturbationProbe notRun(int requested, double radius, String why) {
        return new PerturbationProbe(0, requested, why, radius, Double.NaN, 0, Double.NaN, 0.0, new double[0]);
    }

    @Override
    public double[] worstDirection() {
        return worstDirection.clone();
    }

    /** No direction decreased the loss beyond round-off (also true when none was tried). */
    public boolean noDecrease() {
        return decreases == 0;
    }

    /** Whether any direction was tried. */
    public boolean ran() {
        return directions > 0;
    }

    /**
     * 1 - 0.05^(1/N): with no decrease among N random directions, a decreasing fraction of the
     * directions at least this large would have been seen with probability 95%; 1 when N = 0.
     */
    public double undetectedFraction95() {
        return directions == 0 ? 1.0 : -Math.expm1(Math.log(0.05) / directions);
    }
}
