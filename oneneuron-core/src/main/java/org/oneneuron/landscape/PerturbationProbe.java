package org.oneneuron.landscape;

/**
 * The result of evaluating L(θ + r·u) - L(θ) along random unit directions u.
 *
 * @param directions     number of directions tried
 * @param radius         r
 * @param smallestChange min over u of L(θ + r·u) - L(θ)
 * @param decreases      directions with a change below -tolerance
 * @param tolerance      round-off allowance, 1e-12·max(1, |L(θ)|)
 * @param worstDirection the u of the smallest change (empty when no direction was tried)
 */
public record PerturbationProbe(int directions, double radius, double smallestChange, int decreases,
                                double tolerance, double[] worstDirection) {

    public PerturbationProbe {
        worstDirection = worstDirection.clone();
    }

    @Override
    public double[] worstDirection() {
        return worstDirection.clone();
    }

    /** No direction decreased the loss beyond round-off. */
    public boolean noDecrease() {
        return decreases == 0;
    }
}
