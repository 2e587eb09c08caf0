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
 * network-only loss per variant, median loss curves, median trajectories of a, b and ‖w‖, and the
 * held-out accuracy per variant. (The 2-D landscape slice waits for the landscape package.)
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
        FigureData held = heldOut(prefix + "_held_out_accuracy", byConfig, names,
                "Median held-out accuracy of the full model per variant (bars)." + how);
        if (!held.empty()) {
            figures.add(held);
        }
        return figures.stream().filter(f -> !f.empty()).toList();
    }

    /**
     * The loss on a plane through an augmented run's start (0, 0), end (1, 0) and end with a = 0,
     * the network alone (0, 1), as log10 of the loss.
     */
    public static FigureData slice(String prefix, String runLabel, Slice slice, String regenerate) {
        return SlicePlot.figure(prefix + "_slice", "log10 loss on the plane start / end / network alone",
                "s (start 0 -> end 1)", "t (end -> network alone at 1)", slice,
                "Loss of " + runLabel + " on the plane through its start (0, 0), its end (1, 0) and its"
                        + " end with a = 0, i.e. the network alone (0, 1); " + slice.nonFinite()
                        + " grid points not finite. Regenerate: " + regenerate);
    }

    private static Map<String, String> legendNames(List<ConfigurationSummary> configs) {
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

    private static FigureData heldOut(String id, Map<String, List<JournalEntry>> byConfig,
                                      Map<String, String> names, String caption) {
        List<String> categories = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (var e : byConfig.entrySet()) {
            double median = StudyStatistics.quantile(e.getValue().stream()
                    .mapToDouble(r -> r.outcome().heldOutAccuracy()).toArray(), 0.5);
            if (Double.isFinite(median)) {
                categories.add(names.get(e.getKey()));
                values.add(median);
            }
        }
        double[] x = new double[values.size()];
        double[] y = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = values.get(i);
        }
        return new FigureData(id, "Median held-out accuracy", "variant", "held-out accuracy", "bar",
                false, false, caption, List.of(new FigureData.Series("median held-out accuracy", x, y,
                        categories)));
    }
}
