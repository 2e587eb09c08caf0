package org.oneneuron.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a report states about a study: per-configuration statistics, paired comparisons of
 * each augmented variant with the plain network on the same seeds, and the claims table.
 *
 * @param nearZeroBound  the total-loss bound for "near zero" (PAPER.md §5: 1e-2)
 * @param configurations one summary per configuration, in run order
 * @param comparisons    paired comparisons (near-zero total loss; network alone near zero)
 * @param claims         the claims table
 */
public record StudySummary(double nearZeroBound, List<ConfigurationSummary> configurations,
                           List<PairedComparison> comparisons, List<Claim> claims) {

    /** PAPER.md §5: "near-zero" means total loss below 1e-2. */
    public static final double NEAR_ZERO = 1e-2;

    public StudySummary {
        configurations = List.copyOf(configurations);
        comparisons = List.copyOf(comparisons);
        claims = List.copyOf(claims);
    }

    /** Summarizes finished runs with the default near-zero bound. */
    public static StudySummary of(List<JournalEntry> entries) {
        Map<String, List<JournalEntry>> byConfig = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            byConfig.computeIfAbsent(e.run().configKey(), k -> new ArrayList<>()).add(e);
        }
        List<ConfigurationSummary> configs = new ArrayList<>();
        Map<String, Map<String, Map<Integer, RunOutcome>>> byPair = new LinkedHashMap<>();
        for (List<JournalEntry> runs : byConfig.values()) {
            configs.add(ConfigurationSummary.of(runs, NEAR_ZERO));
            for (JournalEntry e : runs) {
                byPair.computeIfAbsent(e.run().pairingKey(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(e.run().neuron(), k -> new TreeMap<>())
                        .put(e.run().restart(), e.outcome());
            }
        }
        List<PairedComparison> comparisons = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        for (var pair : byPair.entrySet()) {
            Map<Integer, RunOutcome> plain = pair.getValue().get("none");
            for (var variant : pair.getValue().entrySet()) {
                if (variant.getKey().equals("none")) {
                    continue;
                }
                Map<Integer, RunOutcome> aug = variant.getValue();
                String scope = scopeOf(pair.getKey(), variant.getKey());
                if (plain != null) {
                    List<Integer> seeds = new ArrayList<>(aug.keySet());
                    seeds.retainAll(plain.keySet());
                    boolean[] plainOk = new boolean[seeds.size()];
                    boolean[] augOk = new boolean[seeds.size()];
                    boolean[] augNetOk = new boolean[seeds.size()];
                    for (int i = 0; i < seeds.size(); i++) {
                        plainOk[i] = plain.get(seeds.get(i)).loss() < NEAR_ZERO;
                        augOk[i] = aug.get(seeds.get(i)).loss() < NEAR_ZERO;
                        augNetOk[i] = aug.get(seeds.get(i)).networkOnlyLoss() < NEAR_ZERO;
                    }
                    PairedComparison total = PairedComparison.of(pair.getKey(), "none",
                            variant.getKey(), "total loss < 1e-2", plainOk, augOk);
                    PairedComparison alone = PairedComparison.of(pair.getKey(), "none",
                            variant.getKey(), "network alone < 1e-2 (plain: its loss)", plainOk, augNetOk);
                    comparisons.add(total);
                    comparisons.add(alone);
                    claims.add(comparisonClaim(scope, variant.getKey()
                            + " reaches near-zero total loss more often than the plain network", total));
                    claims.add(comparisonClaim(scope, "with " + variant.getKey()
                            + ", the network alone reaches near-zero loss more often than the plain network",
                            alone));
                }
                claims.addAll(endPointClaims(scope, variant.getKey(), aug.values()));
            }
        }
        return new StudySummary(NEAR_ZERO, configs, comparisons, claims);
    }

    private static Claim comparisonClaim(String scope, String claim, PairedComparison c) {
        Proportion first = new Proportion(c.both() + c.onlyFirst(), c.pairs());
        Proportion second = new Proportion(c.both() + c.onlySecond(), c.pairs());
        String evidence = String.format(Locale.ROOT, "%s: %s vs none: %s; discordant pairs %d:%d,"
                + " McNemar exact p = %.2g", c.second(), second.describe(), first.describe(),
                c.onlySecond(), c.onlyFirst(), c.pValue());
        return new Claim(scope, claim, evidence, ClaimsRule.paired(c));
    }

    private static List<Claim> endPointClaims(String scope, String variant,
                                              java.util.Collection<RunOutcome> runs) {
        int near = 0;
        int netAlso = 0;
        int bad = 0;
        int inf = 0;
        int decided = 0;
        int diverged = 0;
        for (RunOutcome o : runs) {
            if (o.loss() < NEAR_ZERO) {
                near++;
                netAlso += o.networkOnlyLoss() < NEAR_ZERO ? 1 : 0;
            }
            bad += o.verdict().equals("bad_local_minimum") ? 1 : 0;
            inf += o.verdict().equals("escaping_to_infinity") || o.verdict().equals("no_attained_minimum") ? 1 : 0;
            diverged += o.verdict().equals("diverged") ? 1 : 0;
            decided += undecided(o.verdict()) ? 0 : 1;
        }
        String undecided = undecidedText(runs.size() - decided - diverged, diverged);
        List<Claim> out = new ArrayList<>();
        Proportion fit = new Proportion(netAlso, near);
        out.add(new Claim(scope, "where " + variant + " reaches near-zero total loss, the network alone"
                + " fits too (the theorem's conclusion a -> 0)", "network alone < 1e-2 in "
                + fit.describe() + " of the near-zero runs", ClaimsRule.share(fit)));
        // a bad local minimum is a finite point: only runs that ended at one can show it or its absence
        int finite = decided - inf;
        Proportion badShare = new Proportion(bad, finite);
        out.add(new Claim(scope, variant + " runs end at no bad local minimum",
                "bad_local_minimum verdicts (after the escape check): " + badShare.describe()
                        + " of the runs that ended at a finite point; " + endsText(runs.size(), finite, inf,
                        runs.size() - decided - diverged, diverged),
                ClaimsRule.none(bad, finite)));
        Proportion infShare = new Proportion(inf, decided);
        out.add(new Claim(scope, variant + " runs settle at finite points (no drift to infinity)",
                "escaping_to_infinity or no_attained_minimum verdicts: " + infShare.describe()
                        + " of the runs whose end is decided" + undecided, ClaimsRule.none(inf, decided)));
        return out;
    }

    /**
     * The configurations (variant included) every one of whose finished runs diverged, each as
     * "CONFIG KEY: N of N runs diverged (first: DIAGNOSTIC)", in run order: such a variant says
     * nothing about the landscape, only that its step size was too large.
     */
    public static List<String> allDiverged(List<JournalEntry> entries) {
        Map<String, List<JournalEntry>> byConfig = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            byConfig.computeIfAbsent(e.run().configKey(), k -> new ArrayList<>()).add(e);
        }
        List<String> out = new ArrayList<>();
        for (var c : byConfig.entrySet()) {
            if (c.getValue().stream().allMatch(e -> e.outcome().verdict().equals("diverged"))) {
                out.add(String.format(Locale.ROOT, "%s: %d of %d runs diverged (first: %s)", c.getKey(),
                        c.getValue().size(), c.getValue().size(), c.getValue().get(0).outcome().diagnostic()));
            }
        }
        return out;
    }

    /** Verdicts that decide nothing about where a run ends: still moving, or blown up. */
    static boolean undecided(String verdict) {
        return verdict.equals("not_converged") || verdict.equals("not_stationary") || verdict.equals("diverged");
    }

    /**
     * Where every run ended: "of 20 runs, 2 ended at a finite point, 17 escaping to infinity (or with
     * no attained minimum), 1 not converged, 0 diverged".
     */
    private static String endsText(int runs, int finite, int inf, int notConverged, int diverged) {
        return String.format(Locale.ROOT, "of %d runs, %d ended at a finite point, %d escaping to infinity (or"
                + " with no attained minimum), %d not converged, %d diverged", runs, finite, inf, notConverged,
                diverged);
    }

    /** " (3 not converged, 2 diverged)", naming only what occurred; "" when every run is decided. */
    private static String undecidedText(int notConverged, int diverged) {
        List<String> parts = new ArrayList<>();
        if (notConverged > 0) {
            parts.add(notConverged + " not converged");
        }
        if (diverged > 0) {
            parts.add(diverged + " diverged");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String scopeOf(String pairingKey, String variant) {
        return pairingKey.replaceFirst(" opt=.*", "") + " | " + variant;
    }
}
