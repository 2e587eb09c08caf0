package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.oneneuron.landscape.Slice;
import org.oneneuron.study.ConfigurationSummary;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyStatistics;
import org.oneneuron.study.TrajectoryPoint;

/**
 * Builds the figures of a study from its journal: ECDFs of the final total loss and of the
 * network-only loss per variant, their spread as box-and-strip plots (every run a dot, linked to
 * the runs table), median loss curves, median trajectories of a, b and ‖w‖, and the held-out
 * accuracy's spread per variant; and the runs table.
 */
public final class StudyFigures {

    /** Losses at or below this are drawn at this value on logarithmic axes. */
    static final double LOG_FLOOR = 1e-12;

    private StudyFigures() {
    }

    /**
     * All figures of one study section.
     *
     * @param prefix     id prefix (section name), snake_case
     * @param entries    finished runs
     * @param configs    their configuration summaries (legend order)
     * @param regenerate the command that regenerates the figures
     */
    public static List<FigureData> of(String prefix, List<JournalEntry> entries,
                                      List<ConfigurationSummary> configs, String regenerate) {
        Map<String, List<JournalEntry>> byConfig = new LinkedHashMap<>();
        for (ConfigurationSummary c : configs) {
            byConfig.put(c.configKey(), new ArrayList<>());
        }
        for (JournalEntry e : entries) {
            byConfig.get(e.run().configKey()).add(e);
        }
        Map<String, String> names = legendNames(configs);
        String how = " Regenerate: " + regenerate;
        List<FigureData> figures = new ArrayList<>();
        figures.add(ecdf(prefix + "_ecdf_loss", "ECDF of the final total loss", "final total loss L~",
                byConfig, names, e -> e.outcome().loss(),
                "Share of runs (y) whose final total loss is at most x, per variant." + how));
        figures.add(ecdf(prefix + "_ecdf_network_only_loss", "ECDF of the final network-only loss",
                "final loss of the network alone", byConfig, names,
                e -> e.outcome().networkOnlyLoss(),
                "The same for the network with the special neuron removed: where the augmented"
                        + " curve falls behind its total-loss curve, the neuron carries the fit." + how));
        figures.add(medianCurve(prefix + "_loss_curves", "Median loss during training", "loss",
                true, byConfig, names, false, TrajectoryPoint::loss,
                "Median over runs of the total loss at each recorded step." + how));
        figures.add(medianCurve(prefix + "_network_only_curves", "Median network-only loss during training",
                "network-only loss", true, byConfig, names, false, TrajectoryPoint::networkOnlyLoss,
                "Median over runs of the loss of the network alone at each recorded step." + how));
        figures.add(medianCurve(prefix + "_trajectory_a", "Median a during training", "a", false,
                byConfig, names, true, TrajectoryPoint::a,
                "Median of the special neuron's output weight a (augmented variants)." + how));
        figures.add(medianCurve(prefix + "_trajectory_b", "Median b during training", "b", false,
                byConfig, names, true, TrajectoryPoint::b,
                "Median of the special neuron's bias b: a falling b with growing ‖w‖ is the path"
                        + " to infinity of PAPER.md §5." + how));
        figures.add(medianCurve(prefix + "_trajectory_w_norm", "Median ‖w‖ during training", "‖w‖",
                false, byConfig, names, true, TrajectoryPoint::wNorm,
                "Median norm of the special neuron's input weights w." + how));
        figures.add(spread(prefix + "_final_losses", "Final losses per variant", "loss", true, byConfig, names,
                List.of("total loss L~", "network-only loss"),
                List.of(e -> e.outcome().loss(), e -> e.outcome().networkOnlyLoss()),
                "Every run's final total loss and the loss of its network alone (dots), with the"
                        + " quartiles (box), median (thick line) and range (whisker) per variant;"
                        + " values below 1e-12 drawn at 1e-12." + how));
        figures.add(spread(prefix + "_held_out_accuracy", "Held-out accuracy per variant", "held-out accuracy",
                false, byConfig, names, List.of("held-out accuracy"),
                List.of(e -> e.outcome().heldOutAccuracy()),
                "Held-out accuracy of the full model, every run a dot, box and median per variant." + how));
        figures.add(spread(prefix + "_held_out_rmse", "Held-out RMSE per variant", "held-out RMSE",
                false, byConfig, names, List.of("held-out RMSE"),
                List.of(e -> e.outcome().heldOutRmse()),
                "Held-out root-mean-square error of the full model (a regression; the targets' units), every run"
                        + " a dot, box and median per variant." + how));
        return figures.stream().filter(f -> !f.empty()).toList();
    }

    /** Box-and-strip figure: one series per quantity, one category per variant, runs linked. */
    private static FigureData spread(String id, String title, String yLabel, boolean log,
                                     Map<String, List<JournalEntry>> byConfig, Map<String, String> names,
                                     List<String> quantities, List<ToDoubleFunction<JournalEntry>> values,
                                     String caption) {
        List<FigureData.Series> series = new ArrayList<>();
        for (int q = 0; q < quantities.size(); q++) {
            List<Double> y = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            List<Integer> runs = new ArrayList<>();
            for (var e : byConfig.entrySet()) {
                for (JournalEntry r : e.getValue()) {
                    double v = values.get(q).applyAsDouble(r);
                    if (Double.isFinite(v)) {
                        y.add(log ? Math.max(v, LOG_FLOOR) : v);
                        categories.add(names.get(e.getKey()));
                        runs.add(r.runIndex());
                    }
                }
            }
            double[] x = new double[y.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = List.copyOf(names.values()).indexOf(categories.get(i));
            }
            series.add(new FigureData.Series(quantities.get(q), x, y.stream().mapToDouble(Double::doubleValue).toArray(),
                    categories, runs.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new FigureData(id, title, "variant", yLabel, "box", false, log, caption, series);
    }

    /** Every run: index, variant, restart, final figures and verdict; rows link to the charts. */
    public static ReportTable runsTable(List<JournalEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        for (JournalEntry e : entries) {
            var o = e.outcome();
            rows.add(List.of(Integer.toString(e.runIndex()), e.run().neuron(), Integer.toString(e.run().restart()),
                    Axis.round(o.loss()), Axis.round(o.networkOnlyLoss()), Axis.round(o.heldOutAccuracy()),
                    Axis.round(o.maxContribution()), o.verdict()));
            runs.add(e.runIndex());
        }
        return new ReportTable("runs", "Runs", List.of("run", "variant", "restart", "final loss",
                "network-only loss", "held-out accuracy", "max |a·E|", "verdict"), rows, runs);
    }

    /**
     * The loss on a plane through an augmented run's start (0, 0), end (1, 0) and end with a = 0,
     * the network alone (0, 1), as filled contours on a log colour scale.
     */
    public static FigureData slice(String prefix, String runLabel, Slice slice, String regenerate) {
        return SlicePlot.figure(prefix + "_slice", "Loss on the plane start / end / network alone",
                "s (start 0 → end 1)", "t (end → network alone at 1)", slice, "loss L~",
                "Loss of " + runLabel + " on the plane through its start (0, 0), its end (1, 0) and its"
                        + " end with a = 0, i.e. the network alone (0, 1); " + slice.nonFinite()
                        + " grid points not finite (grey). Regenerate: " + regenerate, List.of());
    }

    static Map<String, String> legendNames(List<ConfigurationSummary> configs) {
        Map<String, String> names = new LinkedHashMap<>();
        boolean unique = configs.stream().map(ConfigurationSummary::neuron).distinct().count() == configs.size();
        for (int i = 0; i < configs.size(); i++) {
            ConfigurationSummary c = configs.get(i);
            names.put(c.configKey(), unique ? c.neuron() : c.neuron() + " #" + (i + 1));
        }
        return names;
    }

    private static FigureData ecdf(String id, String title, String xLabel,
                                   Map<String, List<JournalEntry>> byConfig, Map<String, String> names,
                                   ToDoubleFunction<JournalEntry> value, String caption) {
        List<FigureData.Series> series = new ArrayList<>();
        for (var e : byConfig.entrySet()) {
            double[] v = e.getValue().stream().mapToDouble(value).filter(Double::isFinite)
                    .map(d -> Math.max(d, LOG_FLOOR)).sorted().toArray();
            double[] y = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                y[i] = (i + 1.0) / v.length;
            }
            series.add(new FigureData.Series(names.get(e.getKey()), v, y, List.of()));
        }
        return new FigureData(id, title, xLabel, "share of runs", "step", true, false, caption, series);
    }

    private static FigureData medianCurve(String id, String title, String yLabel, boolean logY,
                                          Map<String, List<JournalEntry>> byConfig,
                                          Map<String, String> names, boolean augmentedOnly,
                                          ToDoubleFunction<TrajectoryPoint> value, String caption) {
        List<FigureData.Series> series = new ArrayList<>();
        for (var e : byConfig.entrySet()) {
            List<JournalEntry> runs = e.getValue();
            if (runs.isEmpty() || (augmentedOnly && !runs.get(0).run().augmented())) {
                continue;
            }
            int length = runs.stream().mapToInt(r -> r.outcome().trajectory().size()).max().orElse(0);
            double[] x = new double[length];
            double[] y = new double[length];
            int kept = 0;
            for (int k = 0; k < length; k++) {
                List<Double> at = new ArrayList<>();
                int step = -1;
                for (JournalEntry r : runs) {
                    List<TrajectoryPoint> t = r.outcome().trajectory();
                    if (k < t.size()) {
                        at.add(value.applyAsDouble(t.get(k)));
                        step = Math.max(step, t.get(k).step());
                    }
                }
                double median = StudyStatistics.quantile(at.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
                if (Double.isFinite(median)) {
                    x[kept] = step;
                    y[kept] = logY ? Math.max(median, LOG_FLOOR) : median;
                    kept++;
                }
            }
            series.add(new FigureData.Series(names.get(e.getKey()), Arrays.copyOf(x, kept),
                    Arrays.copyOf(y, kept), List.of()));
        }
        return new FigureData(id, title, "step", yLabel, "line", false, logY, caption, series);
    }

}
