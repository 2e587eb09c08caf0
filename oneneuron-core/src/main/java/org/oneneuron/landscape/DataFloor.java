package org.oneneuron.landscape;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.data.DataChecks;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.loss.SampleLoss;

/**
 * The least loss any function can reach on data where identical inputs carry different labels
 * (PAPER.md §1 Assumption 2 fails, so zero loss is unattainable). A function gives one score c to
 * all copies of an input, so the floor is, with the reduction's scale s and weights ω,
 *
 * <pre>L* = s · Σ_g min_c Σ_{i∈g} ω_i ℓ(c; y_i)</pre>
 *
 * over the groups g of identical inputs with conflicting labels; every other input can be fitted to
 * zero loss (a loss whose minimum is 0). Each group's term is a one-dimensional convex problem
 * (every margin loss here is convex in the score), solved by bisection on its derivative. At a
 * group's best score every sample of the minority label (at least min(n₊, n₋) of the group) is
 * misclassified, so {@code forcedErrors} samples are misclassified by every classifier.
 *
 * <p>Why L* replaces 0 in the certificate (docs/LANDSCAPE.md): the proof's Vandermonde step
 * (PAPER.md §4) runs over distinct inputs, so at a local minimum of the augmented loss it gives
 * Σ_{i∈g} ω_i ℓ'(z_i) y_i = 0 for every group, which is each group's first-order condition: the
 * network sits at L*, the global minimum of this unfittable problem.
 *
 * @param groups       groups of identical inputs with conflicting labels
 * @param samples      samples in those groups
 * @param loss         L*, in the objective's reduction
 * @param forcedErrors samples every classifier misclassifies (0 for a regression)
 * @param example      the first group, described
 * @param classes      whether the labels are classes (a margin loss); false for a regression's
 *                     targets, which no one misclassifies
 */
public record DataFloor(int groups, int samples, double loss, int forcedErrors, String example, boolean classes) {

    /** The floor of a network objective's data and loss; empty when its inputs are consistent. */
    public static Optional<DataFloor> of(NetworkObjective objective) {
        if (!(objective.loss() instanceof SampleLoss scalar)) {
            return Optional.empty(); // class losses: conflicting inputs are not analysed (one floor per class mix)
        }
        return of(objective.data(), scalar, objective.reduction(), objective.weights());
    }

    /**
     * The floor of a data set under a loss whose minimum is 0; empty when no two identical inputs
     * carry different labels.
     *
     * @param weights per-sample weights ω, or null for all 1
     */
    public static Optional<DataFloor> of(Dataset data, SampleLoss loss, Reduction reduction, double[] weights) {
        List<DataChecks.Conflict> conflicts = DataChecks.conflicts(data);
        if (conflicts.isEmpty()) {
            return Optional.empty();
        }
        double total = 0.0;
        int samples = 0;
        int forced = 0;
        for (DataChecks.Conflict c : conflicts) {
            int[] members = c.samples();
            double[] targets = c.targets();
            double[] w = new double[members.length];
            int positive = 0;
            for (int k = 0; k < members.length; k++) {
                w[k] = weights == null ? 1.0 : weights[members[k]];
                positive += targets[k] > 0 ? 1 : 0;
            }
            total += groupMinimum(loss, targets, w);
            samples += members.length;
            forced += Math.min(positive, members.length - positive);
        }
        boolean classes = loss instanceof MarginLoss;
        return Optional.of(new DataFloor(conflicts.size(), samples, reduction.scale(data.n()) * total,
                classes ? forced : 0, conflicts.get(0).describe(), classes));
    }

    /** One sentence for certificates: why zero loss is out of reach and what the floor is. */
    public String describe() {
        String errors = classes ? String.format(Locale.ROOT, " and every classifier misclassifies at least %d %s",
                forcedErrors, forcedErrors == 1 ? "sample" : "samples") : "";
        return String.format(Locale.ROOT, "zero loss is unattainable on this data: %d %s of identical"
                + " inputs (%d samples) %s %s, so no function gets below loss %.6g%s (e.g. %s); the verdict"
                + " measures the loss against that floor", groups, groups == 1 ? "group" : "groups", samples,
                groups == 1 ? "carries" : "carry", classes ? "conflicting labels" : "different targets", loss,
                errors, example);
    }

    /** min_c Σ_k w_k ℓ(c; t_k) for a loss convex in c, by bisection on the derivative. */
    static double groupMinimum(SampleLoss loss, double[] targets, double[] w) {
        double lo = -1.0;
        double hi = 1.0;
        for (int grow = 0; grow < 60 && slope(loss, targets, w, lo) > 0; grow++) {
            lo *= 2;
        }
        for (int grow = 0; grow < 60 && slope(loss, targets, w, hi) < 0; grow++) {
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1.0, Math.abs(lo)); it++) {
            double mid = 0.5 * (lo + hi);
            if (slope(loss, targets, w, mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.min(value(loss, targets, w, lo), value(loss, targets, w, hi));
    }

    private static double slope(SampleLoss loss, double[] targets, double[] w, double c) {
        double s = 0.0;
        for (int k = 0; k < targets.length; k++) {
            s += w[k] * loss.d1At(c, targets[k]);
        }
        return s;
    }

    private static double value(SampleLoss loss, double[] targets, double[] w, double c) {
        double s = 0.0;
        for (int k = 0; k < targets.length; k++) {
            s += w[k] * loss.valueAt(c, targets[k]);
        }
        return s;
    }
}
