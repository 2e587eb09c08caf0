package org.oneneuron.landscape;

/**
 * How a certificate treats the kinks of ReLU-type activations. The engine differentiates
 * relu at 0 one-sidedly (relu'(0) = 0) and its Hessian omits the kink's delta, so at a point
 * where some unit's pre-activation sits on the kink for some sample, "stationary" and the
 * curvature figures describe one smooth piece only: such points are flagged, not hidden.
 *
 * @param treatment          one line saying how kinks are handled
 * @param unitsAtKink        hidden units whose pre-activation is within tolerance of a kink for at
 *                           least one training sample
 * @param unitsChecked       hidden units examined (0 for smooth activations)
 * @param tolerance          |pre-activation - kink| <= tolerance counts as "at the kink"
 */
public record KinkReport(String treatment, int unitsAtKink, int unitsChecked, double tolerance) {

    /** A smooth activation: nothing to flag. */
    public static KinkReport smooth() {
        return new KinkReport("smooth activation: no kinks", 0, 0, 0.0);
    }

    /** Whether some unit sits on a kink. */
    public boolean flagged() {
        return unitsAtKink > 0;
    }
}
