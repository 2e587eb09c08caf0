package org.oneneuron.landscape;

import java.util.Optional;

/**
 * What the escape certificate found at a plain network's point θ_b embedded with a = 0.
 *
 * @param loss               L(θ_b) = L~(θ_b, a = 0)
 * @param maxAbsC            max_i |c_i|, c_i = ℓ'(z_i) y_i
 * @param alreadyGlobal      c = 0 within tolerance: every ℓ'(z_i) = 0, θ_b is already a global minimum
 * @param requested          the step for the direction the caller gave, when one was given
 * @param best               the best step found by the random search with ascent (at least as good
 *                           as the requested one, which seeds the search)
 * @param directionsTried    random directions evaluated
 * @param moments            the moment test along the chosen direction
 * @param relativeTolerance  the tolerance used (see {@link EscapeConfig})
 */
public record EscapeCertificate(double loss, double maxAbsC, boolean alreadyGlobal,
                                Optional<EscapeStep> requested, EscapeStep best, int directionsTried,
                                MomentTest moments, double relativeTolerance) {

    /** The requested step when given, else the best one: the step the report leads with. */
    public EscapeStep chosen() {
        return requested.orElse(best);
    }

    /** Whether the certificate shows the point is not a local minimum of L~. */
    public boolean escapes() {
        return !alreadyGlobal && (best.measuredDecrease() > 0.0 || moments.certifiesEscape());
    }
}
