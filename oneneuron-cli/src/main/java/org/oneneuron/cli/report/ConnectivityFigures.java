package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneneuron.landscape.Connection;
import org.oneneuron.landscape.CurveConfig;
import org.oneneuron.landscape.ModeConnectivity;
import org.oneneuron.landscape.PathProfile;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.TrainerRunFunction;

/**
 * Mode connectivity in a study: per variant, the end points of consecutive restarts (0 with 1,
 * 2 with 3, …, at most {@link #MAX_PAIRS} pairs) joined by the straight segment and a fitted
 * quadratic Bézier curve ({@link ModeConnectivity}); the barrier heights per variant (box and
 * strip, with and without the neuron), the loss along both paths of the first augmented pair, and
 * a table of every pair.
 */
final class ConnectivityFigures {

    static final int MAX_PAIRS = 3;

    record Connected(List<FigureData> figures, List<ReportTable> tables, List<String> missing) {
    }

    private record Pair(JournalEntry a, JournalEntry b, Connection connection) {
    }

    private ConnectivityFigures() {
    }

    static Connected of(TrainerRunFunction function, List<JournalEntry> entries, String prefix, String how) {
        Map<String, List<JournalEntry>> byConfig = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            byConfig.computeIfAbsent(e.run().configKey(), k -> new ArrayList<>()).add(e);
        }
        List<JournalEntry[]> ends = new ArrayList<>();
        for (List<JournalEntry> runs : byConfig.values()) {
            runs.sort((x, y) -> Integer.compare(x.run().restart(), y.run().restart()));
            for (int p = 0; p + 1 < runs.size() && p / 2 < MAX_PAIRS; p += 2) {
                ends.add(new JournalEntry[] {runs.get(p), runs.get(p + 1)});
            }
        }
        // Each pair is deterministic on its own objective, so the pairs run in parallel.
        List<Pair> pairs = ends.parallelStream().map(e -> new Pair(e[0], e[1], ModeConnectivity.connect(
                function.objective(e[0].run()), e[0].outcome().thetaPath().end(), e[1].outcome().thetaPath().end(),
                CurveConfig.defaults()))).toList();
        if (pairs.isEmpty()) {
            return new Connected(List.of(), List.of(), List.of("No mode connectivity: no variant has two runs."));
        }
        List<FigureData> figures = new ArrayList<>();
        String method = " Each pair joins the end points of two restarts of one variant (restarts 0 and 1,"
                + " 2 and 3, …): the straight segment and a quadratic Bézier curve whose control point was"
                + " fitted by Adam on the loss at uniformly sampled points of the curve (dnn-mode-connectivity's"
                + " method, " + CurveConfig.defaults().steps() + " steps). Barrier: the largest rise of the loss"
                + " above the straight line between the two end values (0 or less: no barrier).";
        figures.add(barriers(prefix + "_barriers", "Barrier heights per variant", pairs, false,
                "Loss barriers of every pair, segment and fitted curve, per variant: with the neuron against"
                        + " without." + method + how));
        FigureData alone = barriers(prefix + "_barriers_network_only", "Network-only barrier heights per variant",
                pairs, true, "The same for the loss of the network alone (a = 0) along the same paths"
                        + " (augmented variants)." + method + how);
        if (!alone.empty()) {
            figures.add(alone);
        }
        Pair shown = pairs.stream().filter(p -> p.a().run().augmented()).findFirst().orElse(pairs.get(0));
        figures.add(profile(prefix + "_connectivity", shown, method + how));
        return new Connected(figures, List.of(table(pairs)), List.of());
    }

    private static FigureData barriers(String id, String title, List<Pair> pairs, boolean networkOnly, String caption) {
        List<FigureData.Series> series = new ArrayList<>();
        for (String path : List.of("segment", "Bézier curve")) {
            List<Double> y = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            List<Integer> runs = new ArrayList<>();
            for (Pair p : pairs) {
                PathProfile profile = path.equals("segment") ? p.connection().linear() : p.connection().curve();
                double v = networkOnly ? profile.networkOnlyBarrier() : profile.barrier();
                if (Double.isFinite(v)) {
                    y.add(v);
                    categories.add(p.a().run().neuron());
                    runs.add(p.a().runIndex());
                }
            }
            series.add(new FigureData.Series(path, new double[y.size()], y.stream().mapToDouble(Double::doubleValue).toArray(),
                    categories, runs.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new FigureData(id, title, "variant", networkOnly ? "network-only loss barrier" : "loss barrier",
                "box", false, false, caption, series);
    }

    private static FigureData profile(String id, Pair p, String caption) {
        Connection c = p.connection();
        List<FigureData.Series> series = new ArrayList<>();
        series.add(new FigureData.Series("segment: loss L~", c.linear().t(), c.linear().loss(), List.of()));
        series.add(new FigureData.Series("Bézier curve: loss L~", c.curve().t(), c.curve().loss(), List.of()));
        if (c.linear().hasNetworkOnly()) {
            series.add(new FigureData.Series("segment: network-only", c.linear().t(), c.linear().networkOnly(), List.of()));
            series.add(new FigureData.Series("Bézier curve: network-only", c.curve().t(), c.curve().networkOnly(), List.of()));
        }
        boolean log = series.stream().allMatch(s -> SlicePlot.positive(s.y()));
        return new FigureData(id, "Loss between runs " + p.a().runIndex() + " and " + p.b().runIndex() + " ("
                + p.a().run().neuron() + ")", "t (run " + p.a().runIndex() + " at 0, run " + p.b().runIndex() + " at 1)",
                log ? "loss (log scale)" : "loss", "line", false, log,
                "Loss along the segment and along the fitted curve between the end points of "
                        + StudyLandscapes.label(p.a()) + " and " + StudyLandscapes.label(p.b())
                        + "; barrier " + Axis.round(c.linear().barrier()) + " on the segment, "
                        + Axis.round(c.curve().barrier()) + " on the curve." + caption, series);
    }

    private static ReportTable table(List<Pair> pairs) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> runs = new ArrayList<>();
        for (Pair p : pairs) {
            Connection c = p.connection();
            rows.add(List.of(p.a().run().neuron(), p.a().runIndex() + " – " + p.b().runIndex(),
                    Axis.round(c.linear().barrier()), Axis.round(c.curve().barrier()),
                    Axis.round(c.linear().networkOnlyBarrier()), Axis.round(c.curve().networkOnlyBarrier())));
            runs.add(p.a().runIndex());
        }
        return new ReportTable("barriers", "Mode connectivity: barrier heights", List.of("variant", "runs",
                "segment barrier", "curve barrier", "segment network-only barrier", "curve network-only barrier"),
                rows, runs);
    }
}
