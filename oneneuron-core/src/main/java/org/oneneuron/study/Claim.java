package org.oneneuron.study;

import java.util.Objects;

/**
 * One row of the claims table.
 *
 * @param scope    the configuration it was measured on
 * @param claim    the claim, in words
 * @param evidence the measured figures with their intervals
 * @param verdict  supported, contradicted, inconclusive or too few runs ({@link ClaimsRule})
 */
public record Claim(String scope, String claim, String evidence, String verdict) {

    public static final String SUPPORTED = "supported";
    public static final String CONTRADICTED = "contradicted";
    public static final String INCONCLUSIVE = "inconclusive";
    /** Fewer runs behind the claim than {@link ClaimsRule#MIN_RUNS}. */
    public static final String TOO_FEW_RUNS = "too few runs";

    public Claim {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(verdict, "verdict");
    }
}
