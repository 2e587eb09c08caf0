package org.oneneuron.landscape;

import java.util.Optional;

/**
 * What the escape certificate found at a plain network's point θ_b embedded with a = 0.
 *
 * @param loss               L(θ_b) = L~(θ_b, a = 0)
 * @param maxAbsC            max_i |c_i|, c_i = ℓ'(z_i) y_i
 * @param alreadyGlobal      L(θ_b) within {@link CertifyConfig#LOSS_TOLERANCE} of its attainable minimum
 *                           ({@link Certifier#atMinimum}, certify's rule): θ_b is already a global minimum
 * @param atInfimum          L(θ_b) within {@link CertifyConfig#LOSS_TOLERANCE} of the infimum 0 of a loss
 *                           that never attains it (logistic, softmax cross-entropy; {@link Certifier#atInfimum},
 *                           certify's rule for no_attained_minimum): θ_b is no minimum at all, descent goes on
 *                           towards infinity, and it is not a bad point to escape from
 * @param requested          the step for the direction the caller gave, when one was given
 * @param best               the best step found by the random search with ascent (at least as good
 *                           as the requested one, which seeds the search)
 * @param directionsTried    random directions evaluated
 * @param moments            the moment test along the chosen direction
 * @param relativeTolerance  the tolerance used (see {@link EscapeConfig})
 * @param roundOff           a measured decrease counts only above this ({@link Escape#roundOff})
 */
public record EscapeCertificate(double loss, double maxAbsC, boolean alreadyGlobal, boolean atInfimum,
                                Optional<EscapeStep> requested, EscapeStep best, int directionsTried,
                                MomentTest moments, double relativeTolerance, double roundOff) {

    /** The requested step when given, else the best one: the step the report leads with. */
    public EscapeStep chosen() {
        return requested.orElse(best);
    }

    /**
     * Whether the certificate shows the point is not a local minimum of L~: a step that lowers the
     * loss by more than round-off was exhibited (a = -g/κ, halved where it overshoots). A nonzero
     * moment alone is not enough: it says a descent direction exists, not that a step was found
     * ({@link #descentDirectionOnly()}).
     */
    public boolean escapes() {
        return !alreadyGlobal && !atInfimum && (exhibited(best) || requested.map(this::exhibited).orElse(false));
    }

    /** The moment test certifies a descent direction, but no tested step lowered the loss. */
    public boolean descentDirectionOnly() {
        return !alreadyGlobal && !atInfimum && !escapes() && moments.certifiesEscape();
    }

    /**
     * The outcome in one word: {@code already_global}, {@code no_attained_minimum} (at the infimum
     * of a loss that never attains it), {@code escapes}, {@code descent_direction_only} (the moment
     * test certifies a descent direction but no tested step decreased the loss) or
     * {@code no_escape_found}.
     */
    public String outcome() {
        return alreadyGlobal ? "already_global" : atInfimum ? "no_attained_minimum" : escapes() ? "escapes"
                : descentDirectionOnly() ? "descent_direction_only" : "no_escape_found";
    }

    private boolean exhibited(EscapeStep s) {
        return s.decreaseUsed() > roundOff;
    }
}
