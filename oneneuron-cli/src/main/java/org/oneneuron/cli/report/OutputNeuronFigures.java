package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.oneneuron.study.ConfigurationSummary;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.OutputNeuronOutcome;
import org.oneneuron.study.StudyStatistics;

/**
 * The neuron of each output across runs, for studies of K-output models (one special neuron per
 * output, PAPER.md §10; the journal's {@code neuron_outputs}): box-and-strip plots of
 * max_i |a_k·E_ik|, |a_k|, b_k and ‖w_k‖ with one category per (variant, output k) and every run a
 * dot, and a table of their medians with how many runs' neuron k runs off to infinity. The
 * theorem's conclusion, per output, is a_k = 0 (every contribution 0).
 */
final class OutputNeuronFigures {

    private OutputNeuronFigures() {
    }

    /** The runs with per-output neurons, by (variant, output) category: variants in legend order, outputs 0..K-1. */
    private static Map<String, List<Item>> categories(List<JournalEntry> entries, List<ConfigurationSummary> configs) {
        Map<String, String> names = StudyFigures.legendNames(configs);
        Map<String, List<Item>> out = new LinkedHashMap<>();
        for (ConfigurationSummary c : configs) {
            java.util.TreeMap<Integer, List<Item>> byOutput = new java.util.TreeMap<>();
            for (JournalEntry e : entries) {
                if (e.run().configKey().equals(c.configKey())) {
                    for (OutputNeuronOutcome k : e.outcome().outputNeurons()) {
                        byOutput.computeIfAbsent(k.output(), x -> new ArrayList<>()).add(new Item(e.runIndex(), k));
                    }
                }
            }
            byOutput.forEach((k, items) -> out.put(names.get(c.configKey()) + ", output " + k, items));
        }
        return out;
    }

    private record Item(int run, OutputNeuronOutcome neuron) {
    }

    /** The four figures (none when no run has per-output neurons). */
    static List<FigureData> figures(String prefix, List<JournalEntry> entries, List<ConfigurationSummary> configs,
                                    String regenerate) {
        Map<String, List<Item>> byCategory = categories(entries, configs);
        if (byCategory.isEmpty()) {
            return List.of();
        }
        String how = " Regenerate: " + regenerate;
        return List.of(
                box(prefix + "_outputs_contribution", "Each output's neuron: largest contribution",
                        "max_i |a_k·E_ik|", true, byCategory, List.of("max |a_k·E_ik|"),
                        List.of(OutputNeuronOutcome::maxContribution),
                        "Per variant and output k, every run's largest contribution of output k's neuron"
                                + " over the training data (a dot per run, box and median per output): the"
                                + " theorem's conclusion is 0 for every k." + how),
                box(prefix + "_outputs_a", "Each output's neuron: |a_k|", "|a_k|", true, byCategory,
                        List.of("|a_k|"), List.of(n -> Math.abs(n.a())),
                        "Per variant and output, the final |a_k| of every run." + how),
                box(prefix + "_outputs_b_w", "Each output's neuron: b_k and ‖w_k‖", "b_k, ‖w_k‖", false,
                        byCategory, List.of("b_k", "‖w_k‖"), List.of(OutputNeuronOutcome::b, OutputNeuronOutcome::wNorm),
                        "Per variant and output, the final b_k and ‖w_k‖ of every run: a neuron on its way"
                                + " to infinity has a growing b_k or ‖w_k‖ (the table counts the runs whose"
                                + " trajectory says so)." + how));
    }

    private static FigureData box(String id, String title, String yLabel, boolean log,
                                  Map<String, List<Item>> byCategory, List<String> quantities,
                                  List<ToDoubleFunction<OutputNeuronOutcome>> values, String caption) {
        List<String> order = List.copyOf(byCategory.keySet());
        List<FigureData.Series> series = new ArrayList<>();
        for (int q = 0; q < quantities.size(); q++) {
            List<double[]> points = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            for (var c : byCategory.entrySet()) {
                for (Item item : c.getValue()) {
                    double v = values.get(q).applyAsDouble(item.neuron());
                    if (Double.isFinite(v)) {
                        points.add(new double[] {order.indexOf(c.getKey()), log ? Math.max(v, StudyFigures.LOG_FLOOR) : v,
                                item.run()});
                        categories.add(c.getKey());
                    }
                }
            }
            series.add(new FigureData.Series(quantities.get(q), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), categories,
                    points.stream().mapToInt(p -> (int) p[2]).toArray()));
        }
        return new FigureData(id, title, "variant, output", yLabel, "box", false, log, caption, series);
    }

    /** Medians per (variant, output) and the runs whose neuron k runs off; no rows without per-output neurons. */
    static ReportTable table(List<JournalEntry> entries, List<ConfigurationSummary> configs) {
        List<List<String>> rows = new ArrayList<>();
        for (var c : categories(entries, configs).entrySet()) {
            List<OutputNeuronOutcome> n = c.getValue().stream().map(Item::neuron).toList();
            long off = n.stream().filter(OutputNeuronOutcome::runningOff).count();
            rows.add(List.of(c.getKey(), Integer.toString(n.size()),
                    Axis.round(median(n, OutputNeuronOutcome::maxContribution)),
                    Axis.round(median(n, o -> Math.abs(o.a()))), Axis.round(median(n, OutputNeuronOutcome::b)),
                    Axis.round(median(n, OutputNeuronOutcome::wNorm)), off + " of " + n.size()));
        }
        return new ReportTable("outputs", "Each output's neuron (medians over runs)",
                List.of("variant, output", "runs", "median max |a_k·E_ik|", "median |a_k|", "median b_k",
                        "median ‖w_k‖", "running off"),
                rows, java.util.Collections.nCopies(rows.size(), -1));
    }

    private static double median(List<OutputNeuronOutcome> n, ToDoubleFunction<OutputNeuronOutcome> f) {
        double[] finite = n.stream().mapToDouble(f).filter(Double::isFinite).toArray();
        return finite.length == 0 ? Double.NaN : StudyStatistics.quantile(finite, 0.5);
    }
}
