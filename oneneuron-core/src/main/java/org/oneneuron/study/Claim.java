package org.oneneuron.study;

import java.util.Objects;

/**
 * One row of the claims table.
 *
 * @param scope    the configuration it was measured on
 * @param claim    the claim, in words
 * @param evidence the measured figures with their intervals
 * @param verdict  supported, contradicted or inconclusive
 */
public record Claim(String scope, String claim, String evidence, String verdict) {

    public static final String SUPPORTED = "supported";
    public static final String CONTRADICTED = "contradicted";
    public static final String INCONCLUSIVE = "inconclusive";

    public Claim {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(verdict, "verdict");
    }
}
