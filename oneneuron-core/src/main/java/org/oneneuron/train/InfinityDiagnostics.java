package org.oneneuron.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides from a trajectory whether a run settled at a finite point or is running off to
 * infinity (PAPER.md §5). A small gradient norm is not enough: in case C it is below 1e-3 from
 * step 10³ on while b keeps growing.
 *
 * <p>Runs shorter than minSteps (or with too few records in the window) get no trend verdict:
 * {@code converged_finite} when the gradient norm or the loss is near zero, else
 * {@code not_converged}, with evidence starting "short trajectory".
 *
 * <p>Over the window t ≥ windowStart·T, each tracked quantity q (|b|, ‖w‖, ‖θ‖ and, for models of
 * at most 8 parameters, each |θ_j|) gets the least-squares slope s = dq/d(ln t). Growth without
 * bound shows as a slope that does not die out in log time: q grows when
 * s ≥ minRelativeGrowth·max(|q_end|, 1) and the later half's slope is at least minSustain·s (a
 * converging run's slope decays geometrically instead). The infinity evidence must hold over a
 * stated horizon: a run shorter than horizonSteps that shows growth is {@code not_converged}
 * ("run longer to tell"). Then:
 * <ul>
 *   <li>growth and the loss near zero (≤ zeroLossFraction·|L₀|): {@code no_attained_minimum}
 *       (expected growth, e.g. logistic loss on separable data; the certificate turns it into
 *       {@code not_converged} when the loss attains its minimum), unless the neuron's b or ‖w‖ is
 *       what grows while the network alone keeps a loss above that level: then the neuron
 *       carries the fit on its way to infinity, {@code escaping_to_infinity};</li>
 *   <li>growth with the loss creeping at a positive level (relative decrease over the window at
 *       most creepFraction): {@code escaping_to_infinity};</li>
 *   <li>growth while the loss still falls faster: {@code not_converged};</li>
 *   <li>no growth and (‖∇L‖ ≤ gradientTolerance or everything settled): {@code converged_finite};</li>
 *   <li>otherwise {@code not_converged} (stopped while still moving).</li>
 * </ul>
 * |a| and max_i |a·E_i| are reported as trends but never count as growth (|a| shrinks while the
 * neuron escapes).
 *
 * <p>With K ≥ 2 outputs (one neuron per output, PAPER.md §10) the verdict reads the summary
 * columns (b = max_k b_k, ‖w‖ over every w_k), and each output's neuron gets its own
 * {@link OutputRoad}: the same trend test on |b_k| and ‖w_k‖ (|a_k| reported), running off when
 * it grows over a run at least {@code horizonSteps} long, so one output's escape is told apart
 * from another's settled neuron.
 */
public final class InfinityDiagnostics {

    private final InfinityThresholds thresholds;

    public InfinityDiagnostics(InfinityThresholds thresholds) {
        this.thresholds = java.util.Objects.requireNonNull(thresholds, "thresholds");
    }

    /** Diagnostics with {@link InfinityThresholds#defaults()}. */
    public static InfinityDiagnostics defaults() {
        return new InfinityDiagnostics(InfinityThresholds.defaults());
    }

    /** The assessment of a recorded trajectory. */
    public InfinityAssessment assess(TrainingHistory history) {
        int n = history.size();
        if (n == 0) {
            return new InfinityAssessment(Verdict.NOT_STATIONARY, List.of(), List.of(), 0, 0, 0,
                    0, 0, "empty history", thresholds);
        }
        long[] steps = history.steps();
        double[] loss = history.loss();
        double finalLoss = loss[n - 1];
        double finalGradient = history.gradientNorm()[n - 1];
        long last = steps[n - 1];
        int from = 0;
        while (from < n && (steps[from] < 1 || steps[from] < thresholds.windowStart() * last)) {
            from++;
        }
        int count = n - from;
        if (count < thresholds.minRecords() || last < thresholds.minSteps()) {
            boolean nearZero = Math.abs(finalLoss)
                    <= thresholds.zeroLossFraction() * Math.max(Math.abs(loss[0]), 1e-300);
            Verdict v = finalGradient <= thresholds.gradientTolerance() || nearZero
                    ? Verdict.CONVERGED_FINITE : Verdict.NOT_CONVERGED;
            return new InfinityAssessment(v, List.of(), List.of(), steps[Math.min(from, n - 1)],
                    last, 0, finalLoss, finalGradient, String.format(Locale.ROOT,
                    "short trajectory (%s, %s in the window): growth not assessed;"
                            + " loss %.6g, gradient norm %.3g", count(last, "step"), count(count, "entry", "entries"),
                    finalLoss,
                    finalGradient), thresholds);
        }
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = Math.log(steps[from + i]);
        }
        List<ParameterTrend> trends = new ArrayList<>();
        if (history.hasNeuron()) {
            trends.add(trend("b", x, history.b(), from, true));
            trends.add(trend("w_norm", x, history.wNorm(), from, true));
            trends.add(trend("a", x, history.a(), from, false));
            trends.add(trend("max_contribution", x, history.maxContribution(), from, false));
        }
        trends.add(trend("theta_norm", x, history.thetaNorm(), from, true));
        double[][] coordinates = history.coordinates();
        if (coordinates.length > 0) {
            for (int j = 0; j < coordinates[0].length; j++) {
                double[] column = new double[n];
                for (int i = 0; i < n; i++) {
                    column[i] = coordinates[i][j];
                }
                trends.add(trend("theta_" + j, x, column, from, true));
            }
        }
        List<String> growing = trends.stream().filter(ParameterTrend::growing)
                .map(ParameterTrend::parameter).toList();
        double lossStart = loss[from];
        double decrease = lossStart == 0 ? 0 : (lossStart - finalLoss) / Math.abs(lossStart);
        Verdict verdict;
        String evidence;
        if (!growing.isEmpty()) {
            double zero = thresholds.zeroLossFraction() * Math.max(Math.abs(loss[0]), 1e-300);
            boolean lossToZero = Math.abs(finalLoss) <= zero;
            boolean neuronGrowing = growing.contains("b") || growing.contains("w_norm");
            double networkOnly = history.hasNeuron() ? history.networkOnlyLoss()[n - 1] : 0;
            boolean networkAloneBad = history.hasNeuron() && Math.abs(networkOnly) > zero;
            boolean creeps = decrease <= thresholds.creepFraction();
            String growth = String.format(Locale.ROOT, "%s growing over steps %d..%d while the loss %s"
                            + " (%.6g -> %.6g, relative decrease %.3g)", String.join(", ", growing),
                    steps[from], last, lossToZero ? "goes to zero" : creeps ? "only creeps" : "still falls",
                    lossStart, finalLoss, decrease);
            if (last < thresholds.horizonSteps()) {
                verdict = Verdict.NOT_CONVERGED;
                evidence = growth + String.format(Locale.ROOT, "; the run (%s) is shorter than the %d-step"
                        + " horizon the infinity test needs: run longer to tell", count(last, "step"),
                        thresholds.horizonSteps());
            } else if (lossToZero) {
                verdict = neuronGrowing && networkAloneBad ? Verdict.ESCAPING_TO_INFINITY : Verdict.NO_ATTAINED_MINIMUM;
                evidence = growth + (verdict == Verdict.ESCAPING_TO_INFINITY ? String.format(Locale.ROOT,
                        "; the network alone has loss %.6g: the neuron carries the fit", networkOnly) : "");
            } else if (creeps) {
                verdict = Verdict.ESCAPING_TO_INFINITY;
                evidence = growth;
            } else {
                verdict = Verdict.NOT_CONVERGED;
                evidence = growth + String.format(Locale.ROOT, "; a loss still falling by more than %.3g of itself"
                        + " over the window is not yet evidence of an escape", thresholds.creepFraction());
            }
        } else {
            boolean settled = trends.stream().allMatch(t -> Math.abs(t.end() - t.start())
                    <= thresholds.settleTolerance() * (1 + Math.abs(t.end())));
            boolean small = finalGradient <= thresholds.gradientTolerance();
            verdict = small || settled ? Verdict.CONVERGED_FINITE : Verdict.NOT_CONVERGED;
            evidence = String.format(Locale.ROOT, "no parameter growing over steps %d..%d;"
                    + " gradient norm %.3g, parameters %s", steps[from], last, finalGradient,
                    settled ? "settled" : "still moving");
        }
        return new InfinityAssessment(verdict, growing, trends, steps[from], last, decrease,
                finalLoss, finalGradient, evidence, thresholds, outputRoads(history, x, from, last));
    }

    /** Each output neuron's road over the window (x = ln step from entry {@code from}); empty with one output. */
    private List<OutputRoad> outputRoads(TrainingHistory history, double[] x, int from, long last) {
        List<OutputRoad> roads = new ArrayList<>();
        long horizon = thresholds.horizonSteps();
        for (int k = 0; k < history.outputCount(); k++) {
            ParameterTrend a = trend("a", x, history.outputA(k), from, false);
            ParameterTrend b = trend("b", x, history.outputB(k), from, true);
            ParameterTrend w = trend("w_norm", x, history.outputWNorm(k), from, true);
            List<String> growing = new ArrayList<>();
            if (b.growing()) {
                growing.add("b");
            }
            if (w.growing()) {
                growing.add("w_norm");
            }
            boolean off = !growing.isEmpty() && last >= horizon;
            String figures = String.format(Locale.ROOT, "|b_%d| %.4g -> %.4g (%+.3g per e-fold), ‖w_%d‖ %.4g -> %.4g"
                    + " (%+.3g per e-fold), |a_%d| %.4g -> %.4g over steps %d..%d", k, b.start(), b.end(), b.perEfold(),
                    k, w.start(), w.end(), w.perEfold(), k, a.start(), a.end(), history.steps()[from], last);
            String evidence = growing.isEmpty() ? figures + ": no growth" + notGrowing(b, "|b_" + k + "|")
                    + notGrowing(w, "‖w_" + k + "‖")
                    : off ? figures + ": " + String.join(" and ", growing) + " growing over the "
                            + horizon + "-step horizon" + (a.end() < a.start() ? " while a_" + k + " shrinks" : "")
                            + ": running off to infinity"
                    : figures + ": " + String.join(" and ", growing) + " growing, but the run ("
                            + count(last, "step") + ") is shorter than the " + horizon + "-step horizon: run longer to tell";
            roads.add(new OutputRoad(k, a, b, w, growing, off, horizon, evidence));
        }
        return roads;
    }

    /**
     * Why a quantity that rose fast enough over the window is still not counted as growing, e.g.
     * {@code ; ‖w_0‖ rose, but its later half's slope is 0.08 of the window's (growth needs 0.5:
     * it levels off)}; empty otherwise (a slope under the threshold reads from the figures).
     */
    private String notGrowing(ParameterTrend t, String label) {
        boolean fastEnough = t.perEfold() >= thresholds.minRelativeGrowth() * Math.max(t.end(), 1);
        if (t.growing() || !(t.end() > t.start()) || !fastEnough) {
            return "";
        }
        return String.format(Locale.ROOT, "; %s rose, but its later half's slope is %.2g of the window's"
                + " (growth needs %.2g: it levels off)", label, t.sustain(), thresholds.minSustain());
    }

    private ParameterTrend trend(String name, double[] x, double[] column, int from,
                                 boolean mayGrow) {
        int count = x.length;
        double[] q = new double[count];
        for (int i = 0; i < count; i++) {
            q[i] = Math.abs(column[from + i]);
        }
        double slope = slope(x, q, 0, count);
        double middle = 0.5 * (x[0] + x[count - 1]);
        int half = 0;
        while (half < count - 3 && x[half] < middle) {
            half++;
        }
        double sustain = slope > 0 ? slope(x, q, half, count) / slope : 0;
        double end = q[count - 1];
        boolean growing = mayGrow && end > q[0]
                && slope >= thresholds.minRelativeGrowth() * Math.max(end, 1)
                && sustain >= thresholds.minSustain();
        return new ParameterTrend(name, q[0], end, slope, sustain, growing);
    }

    /** Least-squares slope of q against x over [from, to). */
    private static double slope(double[] x, double[] q, int from, int to) {
        int m = to - from;
        double mx = 0;
        double mq = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            mq += q[i];
        }
        mx /= m;
        mq /= m;
        double sxx = 0;
        double sxq = 0;
        for (int i = from; i < to; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxq += (x[i] - mx) * (q[i] - mq);
        }
        return sxx == 0 ? 0 : sxq / sxx;
    }

    /** "1 step", "3 steps": a count in an evidence sentence. */
    private static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
