package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyStatistics;
import org.oneneuron.study.StudySummary;
import org.oneneuron.study.TrajectoryPoint;

/**
 * How slow is the road to infinity (issue 17, point 7; the Sohl-Dickstein &amp; Kawaguchi picture)?
 * For the augmented runs labelled {@code escaping_to_infinity}: the loss against the special
 * neuron's parameter norm r = √(b² + ‖w‖²) and against the step, as medians per group (variant,
 * and whether the run's final total loss is near zero or creeps at a positive level), and a table
 * of the rates over each run's last decade of steps (t ≥ T/10): least-squares slopes dL/d(ln t)
 * and dL/d(ln r), and the growth factor of r over that decade, as medians per group.
 * docs/results/road_to_infinity.py computes the same table from a journal.
 */
final class RoadFigures {

    /** Fewer trajectory rows than this in the last decade and the run's rates are not computed. */
    static final int MIN_ROWS = 5;

    private RoadFigures() {
    }

    /**
     * One run's rates over its last decade.
     *
     * @param perLnSteps dL/d(ln t)
     * @param perLnNorm  dL/d(ln r)
     * @param growth     r at the end over r at the decade's start
     * @param finalLoss  the loss at the last recorded step
     */
    record Rates(double perLnSteps, double perLnNorm, double growth, double finalLoss) {
    }

    /** The rates of one trajectory of {@code steps} steps, or null when the last decade has too few rows. */
    static Rates rates(List<TrajectoryPoint> trajectory, int steps) {
        List<double[]> rows = new ArrayList<>();
        for (TrajectoryPoint p : trajectory) {
            double r = Math.hypot(p.b(), p.wNorm());
            if (p.step() > 0 && p.step() >= steps / 10.0 && Double.isFinite(p.loss()) && r > 0 && Double.isFinite(r)) {
                rows.add(new double[] {Math.log(p.step()), Math.log(r), p.loss()});
            }
        }
        if (rows.size() < MIN_ROWS) {
            return null;
        }
        double[] lnT = rows.stream().mapToDouble(row -> row[0]).toArray();
        double[] lnR = rows.stream().mapToDouble(row -> row[1]).toArray();
        double[] loss = rows.stream().mapToDouble(row -> row[2]).toArray();
        return new Rates(slope(lnT, loss), slope(lnR, loss), Math.exp(lnR[lnR.length - 1] - lnR[0]),
                loss[loss.length - 1]);
    }

    /** The least-squares slope of y on x (NaN when x is constant). */
    static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }

    /** The escaping augmented runs by group ("skip-exp, loss to zero" / "…, creeping"), in journal order. */
    static Map<String, List<JournalEntry>> groups(List<JournalEntry> entries) {
        Map<String, List<JournalEntry>> out = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            if (e.run().augmented() && "escaping_to_infinity".equals(e.outcome().verdict())) {
                String kind = e.outcome().loss() < StudySummary.NEAR_ZERO ? "loss to zero" : "creeping";
                out.computeIfAbsent(e.run().neuron() + ", " + kind, k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    /** The two figures (empty when no augmented run escapes). */
    static List<FigureData> figures(String prefix, List<JournalEntry> entries, String regenerate) {
        Map<String, List<JournalEntry>> groups = groups(entries);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<FigureData.Series> byNorm = new ArrayList<>();
        List<FigureData.Series> bySteps = new ArrayList<>();
        for (var g : groups.entrySet()) {
            int length = g.getValue().stream().mapToInt(e -> e.outcome().trajectory().size()).max().orElse(0);
            List<double[]> norm = new ArrayList<>();
            List<double[]> step = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                List<Double> r = new ArrayList<>();
                List<Double> loss = new ArrayList<>();
                int at = -1;
                for (JournalEntry e : g.getValue()) {
                    List<TrajectoryPoint> t = e.outcome().trajectory();
                    if (k < t.size()) {
                        r.add(Math.hypot(t.get(k).b(), t.get(k).wNorm()));
                        loss.add(t.get(k).loss());
                        at = Math.max(at, t.get(k).step());
                    }
                }
                double medianR = median(r);
                double medianLoss = median(loss);
                if (Double.isFinite(medianLoss) && medianLoss > 0) {
                    double y = Math.max(medianLoss, StudyFigures.LOG_FLOOR);
                    if (Double.isFinite(medianR) && medianR > 0) {
                        norm.add(new double[] {medianR, y});
                    }
                    if (at > 0) {
                        step.add(new double[] {at, y});
                    }
                }
            }
            String name = g.getKey() + " (" + g.getValue().size() + ")";
            byNorm.add(series(name, norm));
            bySteps.add(series(name, step));
        }
        String how = " Regenerate: " + regenerate;
        return List.of(
                new FigureData(prefix + "_road_loss_vs_norm", "Road to infinity: loss against the neuron's norm",
                        "r = √(b² + ‖w‖²) (median)", "total loss L~ (median)", "line", true, true,
                        "For augmented runs labelled escaping_to_infinity, per group the median total loss"
                                + " against the median norm r of the special neuron's parameters at each"
                                + " recorded step: a loss that falls only as r grows by orders of magnitude"
                                + " is the slow road of Sohl-Dickstein & Kawaguchi; the rates are in the"
                                + " table 'Road to infinity'." + how, byNorm),
                new FigureData(prefix + "_road_loss_vs_steps", "Road to infinity: loss against the steps",
                        "step", "total loss L~ (median)", "line", true, true,
                        "The same runs' median total loss against the step (both axes logarithmic):"
                                + " a straight, shallow line is a loss falling by a constant amount per"
                                + " e-fold of steps." + how, bySteps));
    }

    /** The medians of the rates per group (no rows when no augmented run escapes). */
    static ReportTable table(List<JournalEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        for (var g : groups(entries).entrySet()) {
            List<Rates> rates = new ArrayList<>();
            for (JournalEntry e : g.getValue()) {
                Rates r = rates(e.outcome().trajectory(), e.outcome().steps());
                if (r != null) {
                    rates.add(r);
                }
            }
            rows.add(List.of(g.getKey(), Integer.toString(g.getValue().size()), Integer.toString(rates.size()),
                    Axis.round(median(rates.stream().map(Rates::finalLoss).toList())),
                    Axis.round(median(rates.stream().map(Rates::perLnSteps).toList())),
                    Axis.round(median(rates.stream().map(Rates::perLnNorm).toList())),
                    Axis.round(median(rates.stream().map(Rates::growth).toList()))));
        }
        return new ReportTable("road", "Road to infinity (escaping augmented runs, last decade of steps)",
                List.of("group", "runs", "runs with rates", "median final loss", "median dL/d(ln t)",
                        "median dL/d(ln r)", "median growth of r"),
                rows, java.util.Collections.nCopies(rows.size(), -1));
    }

    private static FigureData.Series series(String name, List<double[]> points) {
        return new FigureData.Series(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray(), List.of());
    }

    private static double median(List<Double> values) {
        double[] finite = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        return finite.length == 0 ? Double.NaN : StudyStatistics.quantile(finite, 0.5);
    }
}
