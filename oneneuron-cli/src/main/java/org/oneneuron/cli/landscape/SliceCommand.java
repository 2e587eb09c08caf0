package org.oneneuron.cli.landscape;

import org.oneneuron.cli.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.oneneuron.objective.Objective;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.Json;
import org.oneneuron.cli.report.FigureData;
import org.oneneuron.cli.report.SlicePlot;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.io.WriteFailedException;
import org.oneneuron.landscape.Escape;
import org.oneneuron.landscape.EscapeConfig;
import org.oneneuron.landscape.EscapeStep;
import org.oneneuron.landscape.NetworkPoints;
import org.oneneuron.landscape.Slice;
import org.oneneuron.landscape.SliceConfig;
import org.oneneuron.landscape.SliceValue;
import org.oneneuron.landscape.SliceWriter;
import org.oneneuron.landscape.Slices;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.run.Fit;
import org.oneneuron.run.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oneneuron slice}: the loss of the augmented model on a line or plane, as CSV and JSON. */
@Command(name = "slice", mixinStandardHelpOptions = true,
        description = {"The loss on a line or a plane through chosen points or random directions.",
            "",
            "The augmented loss L~ on a plane (three named points) or a line (two), or on two random"
                + " filter-normalized directions around the subject's point. Points: plain (the plain point"
                + " with a = 0), escape (a = -g/κ), augmented (where gradient descent from the escape ends"
                + " after --steps), random. Writes slice.csv (s,t,loss), slice.json and"
                + " figures/slice.{png,svg,pdf} to --out."},
        footer = {"", "Examples:",
            "  oneneuron slice --construction A1 --plane plain,augmented,escape --grid 41 --out slices/",
            "  oneneuron slice --construction A1 --line plain,escape --out slices/",
            "  oneneuron slice --construction dead-relu --plane random --extent 1 --out slices/"})
public final class SliceCommand implements Callable<Integer> {

    private static final List<String> POINTS = List.of("plain", "escape", "augmented");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SubjectOptions subject;

    @Mixin
    ContinuationOptions training;

    @Option(names = "--plane", paramLabel = "P,Q,R", split = ",", hideParamSyntax = true,
            description = "Three of plain, escape, augmented; or 'random'.")
    List<String> plane;

    @Option(names = "--line", paramLabel = "P,Q", split = ",", hideParamSyntax = true,
            description = "Two of plain, escape, augmented; or 'random'.")
    List<String> line;

    @Option(names = "--grid", paramLabel = "N", description = "Points per axis.")
    int grid = SliceConfig.defaults().grid();

    @Option(names = "--extent", paramLabel = "E",
            description = "Margin beyond the points, or half-width for random directions.")
    double extent = SliceConfig.defaults().extent();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for slice.csv and slice.json.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = Vocabulary.SEED + " Here: of random directions.")
    long seed = Vocabulary.TRAIN.seed();

    @Override
    public Integer call() {
        training.check();
        if ((plane == null) == (line == null)) {
            throw new IllegalArgumentException("give exactly one of --plane P,Q,R or --line P,Q");
        }
        List<String> names = plane != null ? plane : line;
        boolean random = names.size() == 1 && names.get(0).equalsIgnoreCase("random");
        if (!random) {
            int expected = plane != null ? 3 : 2;
            if (names.size() != expected || !POINTS.containsAll(names) || names.stream().distinct().count() != expected) {
                throw new IllegalArgumentException((plane != null ? "--plane" : "--line") + " needs " + expected
                        + " distinct names from " + POINTS + (plane != null ? " or 'random'" : "") + ", got " + names);
            }
        }
        SliceConfig config = new SliceConfig(grid, extent, Runtime.getRuntime().availableProcessors(), seed);
        Subject s = random ? subject.resolveObjective(common.threadsOr(1)) : subject.resolve(common.threadsOr(1));
        Slice slice;
        String space;
        Objective evaluated;
        double[] origin;
        double[] d1;
        double[] d2 = null;
        if (random) {
            Objective objective = s.objective();
            double[] theta = s.theta();
            List<int[]> filters = s.problem().map(p -> NetworkPoints.filters(p.spec().layout())).orElse(List.of());
            SplittableRandom rng = new SplittableRandom(seed);
            d1 = Slices.filterNormalized(theta, filters, rng);
            if (plane != null) {
                d2 = Slices.filterNormalized(theta, filters, rng);
            }
            slice = plane != null ? Slices.plane(objective, theta, d1, d2, config) : Slices.line(objective, theta, d1, config);
            space = s.label();
            evaluated = objective;
            origin = theta;
        } else {
            Map<String, double[]> points = namedPoints(s, names);
            NetworkObjective augmented = augmentedFor(s).objective();
            double[][] chosen = names.stream().map(points::get).toArray(double[][]::new);
            slice = plane != null ? Slices.planeThrough(augmented, chosen, names, config)
                    : Slices.lineThrough(augmented, chosen[0], chosen[1], names.get(0), names.get(1), config);
            space = s.label() + " embedded with the skip-exp neuron, λ = " + s.lambda();
            evaluated = augmented;
            origin = chosen[0];
            d1 = minus(chosen[1], chosen[0]);
            if (plane != null) {
                d2 = minus(chosen[2], chosen[0]);
            }
        }
        try {
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("slice.csv"), SliceWriter.csv(slice));
            AtomicFiles.writeString(out.resolve("slice.json"), SliceWriter.json(slice));
            String through = random ? " (random directions)"
                    : " through " + String.join(", ", slice.anchors().stream().map(Slice.Anchor::name).toList());
            String caption = space + (s.target().isIdentity() ? "" : ". Target "
                    + org.oneneuron.cli.Figures.targetScaling(s.target())) + ". Anchors: " + anchorText(slice) + "; " + slice.nonFinite()
                    + " grid points not finite. Data: ../slice.csv. Regenerate: oneneuron slice "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            FigureData figure;
            if (slice.isPlane()) {
                figure = SlicePlot.figure("slice", "Loss on the plane" + through, "s", "t", slice, "loss L~",
                        caption, List.of());
            } else {
                boolean neuron = evaluated.neuron(origin).isPresent();
                double[] net = neuron ? Slices.reevaluate(evaluated, origin, d1, null, slice, config,
                        SliceValue.NETWORK_ONLY).loss() : new double[0];
                double[] contribution = neuron ? Slices.reevaluate(evaluated, origin, d1, null, slice, config,
                        SliceValue.CONTRIBUTION).loss() : new double[0];
                figure = SlicePlot.line("slice", "Loss along the line" + through, slice, net, contribution,
                        caption + (neuron ? " The network-only loss (a = 0) is drawn beside the loss, the neuron's largest"
                                + " contribution max_i |a·E_i| in a panel below." : ""));
            }
            SlicePlot.write(figure, out.resolve("figures"));
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write the slice: " + WriteFailedException.reason(e), e);
        }
        report(slice, space, s);
        return ExitCodes.OK;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = a.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] -= b[i];
        }
        return d;
    }

    private static String anchorText(Slice slice) {
        List<String> parts = new ArrayList<>();
        for (Slice.Anchor a : slice.anchors()) {
            parts.add(String.format(Locale.ROOT, "%s at (s, t) = (%.3g, %.3g)", a.name(), a.s(), a.t()));
        }
        return parts.isEmpty() ? "none (random directions through the point at the origin)" : String.join(", ", parts);
    }

    private Problem augmentedFor(Subject s) {
        Problem plain = s.problem().orElseThrow(() -> new IllegalArgumentException(
                "named points need a network subject (A1, A2, B, B-leaky, a recipe or --model); use --plane random"));
        if (subject.augmented) {
            throw new IllegalArgumentException("named points start from the plain network; drop --augmented");
        }
        EscapeCommand.requirePlain(plain, "named points start", "; or slice this model with --plane random");
        return EscapeCommand.augmented(plain, s.lambda());
    }

    /** plain (a = 0), escape (a = -g/κ) and, when asked, augmented (GD from escape). */
    private Map<String, double[]> namedPoints(Subject s, List<String> names) {
        Problem plain = s.problem().orElseThrow(() -> new IllegalArgumentException(
                "named points need a network subject (A1, A2, B, B-leaky, a recipe or --model); use --plane random"));
        Problem augmented = augmentedFor(s);
        double[] w = s.construction().map(c -> c.escapeW()).orElse(null);
        EscapeStep step = Escape.certify(NetworkPoints.escapeProblem(plain.objective(), s.theta(), s.lambda()), w,
                0.0, EscapeConfig.defaults()).chosen();
        Map<String, double[]> points = new LinkedHashMap<>();
        points.put("plain", NetworkPoints.embed(augmented.objective(), s.theta(), step.w(), 0.0, step.b()));
        points.put("escape", NetworkPoints.embed(augmented.objective(), s.theta(), step.w(), step.stepUsed(),
                step.b()));
        if (names.contains("augmented")) {
            points.put("augmented", Fit.from(augmented, points.get("escape"), training.config()).theta());
        }
        return points;
    }

    private void report(Slice slice, String space, Subject s) {
        PrintWriter w = spec.commandLine().getOut();
        if (common.json()) {
            Map<String, Object> json = Json.object("slice");
            json.put("space", space);
            json.put("target_standardizer", CertificateReport.target(s));
            json.put("kind", slice.kind());
            json.put("grid", grid);
            json.put("minimum", slice.minimum());
            json.put("non_finite", slice.nonFinite());
            List<Map<String, Object>> anchors = new ArrayList<>();
            for (Slice.Anchor a : slice.anchors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", a.name());
                m.put("s", a.s());
                m.put("t", a.t());
                anchors.add(m);
            }
            json.put("anchors", anchors);
            json.put("csv", out.resolve("slice.csv").toString());
            json.put("json", out.resolve("slice.json").toString());
            json.put("png", out.resolve("figures").resolve("slice.png").toString());
            Json.print(w, json);
            return;
        }
        w.println("slice (" + slice.kind() + ", " + grid + " points per axis) of " + space);
        CertificateReport.targetRow(w, s);
        CertificateReport.row(w, "minimum", CertificateReport.num(slice.minimum()));
        for (Slice.Anchor a : slice.anchors()) {
            CertificateReport.row(w, a.name(), String.format(Locale.ROOT, "at (s, t) = (%s, %s)",
                    CertificateReport.num(a.s()), CertificateReport.num(a.t())));
        }
        if (slice.nonFinite() > 0) {
            CertificateReport.row(w, "non_finite", slice.nonFinite() + " grid points overflowed (written as nan)");
        }
        CertificateReport.row(w, "wrote", out.resolve("slice.csv") + ", " + out.resolve("slice.json") + ", "
                + out.resolve("figures").resolve("slice.png") + " (and .svg, .pdf)");
        w.flush();
    }
}
