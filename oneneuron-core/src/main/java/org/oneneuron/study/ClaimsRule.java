package org.oneneuron.study;

import java.util.Locale;

/**
 * The written rule that turns a table of runs into supported / contradicted / inconclusive /
 * too few runs (docs/STUDY.md "The claims rule"; every report prints {@link #TEXT}).
 * <ul>
 *   <li>Paired claims ("X more often than the plain network"): McNemar's exact two-sided test on
 *       the discordant pairs of runs that share a seed; p < {@value #ALPHA} supports the claim
 *       when the discordant pairs favour X and contradicts it otherwise; p >= {@value #ALPHA} is
 *       inconclusive.</li>
 *   <li>Share claims ("where X reaches near zero, the network alone fits too", read as "in most
 *       of them"): the Wilson 95% interval of the share; lower bound >= 1/2 supports, upper bound
 *       < 1/2 contradicts, otherwise inconclusive.</li>
 *   <li>Zero claims ("no bad local minimum", "no drift to infinity": the theorem's and its
 *       critics' statements about every run): counted over the runs whose end is decided (not
 *       {@code not_converged}, {@code not_stationary}, {@code diverged}); "no bad local minimum" only
 *       over those that ended at a finite point (not {@code escaping_to_infinity} or
 *       {@code no_attained_minimum}: a run off to infinity shows no minimum, bad or not); none supports, one or more contradicts
 *       (each such verdict has already survived the escape check, PAPER.md §4).</li>
 *   <li>Every claim needs at least {@value #MIN_RUNS} runs (pairs, near-zero runs, decided runs)
 *       behind it; with fewer it is "too few runs", whatever the figures.</li>
 * </ul>
 */
public final class ClaimsRule {

    /** The significance level of the paired test. */
    public static final double ALPHA = 0.05;
    /**
     * The fewest runs (pairs, runs in the share's denominator, decided runs, runs ended at a finite
     * point) a claim needs.
     */
    public static final int MIN_RUNS = 10;
    /** The rule in words, printed under every claims table. */
    public static final String TEXT = String.format(Locale.ROOT, "Claims rule: a paired claim is supported when "
            + "McNemar's exact two-sided test on the seeds both variants ran gives p < %.2f with the discordant "
            + "pairs in its favour, contradicted when p < %.2f against it, else inconclusive; a share claim "
            + "(\"most runs\") is supported when the Wilson 95%% interval lies at or above 1/2, contradicted when "
            + "it lies below, else inconclusive; a zero claim (\"no run ends at ...\") is supported by none and "
            + "contradicted by one or more among the runs whose end is decided (not not_converged, "
            + "not_stationary or diverged), and for \"no bad local minimum\" among those that ended at a finite "
            + "point (not escaping_to_infinity or no_attained_minimum); any claim with fewer than %d runs behind it is \"%s\" (docs/STUDY.md).",
            ALPHA, ALPHA, MIN_RUNS, Claim.TOO_FEW_RUNS);

    private ClaimsRule() {
    }

    /** A paired claim in favour of the second variant. */
    public static String paired(PairedComparison c) {
        if (c.pairs() < MIN_RUNS) {
            return Claim.TOO_FEW_RUNS;
        }
        if (c.pValue() >= ALPHA) {
            return Claim.INCONCLUSIVE;
        }
        return c.onlySecond() > c.onlyFirst() ? Claim.SUPPORTED : Claim.CONTRADICTED;
    }

    /** A claim that most runs have the property, from its share. */
    public static String share(Proportion p) {
        if (p.n() < MIN_RUNS) {
            return Claim.TOO_FEW_RUNS;
        }
        return p.lower() >= 0.5 ? Claim.SUPPORTED : p.upper() < 0.5 ? Claim.CONTRADICTED : Claim.INCONCLUSIVE;
    }

    /** A claim that no decided run has the property, from the count among {@code decided} runs. */
    public static String none(int count, int decided) {
        if (decided < MIN_RUNS) {
            return Claim.TOO_FEW_RUNS;
        }
        return count == 0 ? Claim.SUPPORTED : Claim.CONTRADICTED;
    }
}
