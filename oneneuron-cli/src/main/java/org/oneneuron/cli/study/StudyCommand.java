package org.oneneuron.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.oneneuron.cli.report.ReportSection;
import org.oneneuron.cli.report.StudyReport;
import org.oneneuron.data.DataException;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.io.WriterLock;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyData;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oneneuron study}: runs (or resumes) a study and writes its report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Run a resumable study of many training runs and write its report.",
            "Crosses data x shapes x neuron variants x losses x lambdas x seeds (comma lists",
            "cross), runs on all cores, journals each finished run, resumes after a kill, and",
            "writes report.html with ECDFs, trajectories and a claims table."},
        footer = {"", "Examples:",
            "  oneneuron study --data wdbc --hidden 8 --neuron none,skip-exp --restarts 24 --steps 300 --seed 7 --out runs/wdbc",
            "  oneneuron study --spec study.json --out runs/s1          (re-run the same line to resume)",
            "  oneneuron study --spec study.json --out runs/s1 --only-run 17   (replay run 17 alone)",
            "  oneneuron study --repair runs/s1     (move damaged journal lines aside; then re-run)",
            "  oneneuron study --spec study.json --out runs/s1 --master spark://head:7077   (on Apache Spark)",
            "", "Shapes: --hidden 8,16x8 means two shapes, [8] and [16, 8]. Options given with --spec",
            "override the file's values. One process at a time per --out folder (a second one stops at",
            "once). Exit codes: 0 ok, 1 failure (also: folder in use, a write failed), 2 bad input or usage."})
public final class StudyCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec command;

    @Option(names = "--spec", paramLabel = "FILE", description = "study spec (JSON); missing keys take defaults")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "study directory (journal, report); required")
    Path out;

    @Option(names = "--repair", paramLabel = "DIR", description = "move damaged or duplicate journal lines of"
            + " study DIR to journal.damaged.jsonl (kept, with line numbers); the next study redoes those runs")
    Path repair;

    @Option(names = "--data", split = ",", paramLabel = "NAME|FILE", description = "data sets: wdbc, case-a, or CSV files (last column ±1)")
    List<String> data;

    @Option(names = "--hidden", split = ",", paramLabel = "SHAPE", description = "hidden shapes, e.g. 8 or 16x8")
    List<String> hidden;

    @Option(names = "--activation", split = ",", description = "tanh, relu, sigmoid, softplus, linear")
    List<String> activations;

    @Option(names = "--neuron", split = ",", description = "none, skip-exp, per-layer-exp, relu, linear, quadratic, sigmoid")
    List<String> neurons;

    @Option(names = "--loss", split = ",", description = "cubic-hinge, hinge-p:P, logistic, squared")
    List<String> losses;

    @Option(names = "--reduction", description = "sum or mean")
    String reduction;

    @Option(names = "--lambda", split = ",", description = "penalty weights λ")
    List<Double> lambdas;

    @Option(names = "--optimizer", split = ",", description = "gd")
    List<String> optimizers;

    @Option(names = "--lr", description = "learning rate")
    Double learningRate;

    @Option(names = "--steps", description = "optimizer steps per run")
    Integer steps;

    @Option(names = "--clip", description = "gradient-norm clip, 0 for none")
    Double clip;

    @Option(names = "--init", description = "fan_in or normal")
    String init;

    @Option(names = "--restarts", description = "seeds per configuration")
    Integer restarts;

    @Option(names = "--seed", description = "study seed")
    Long seed;

    @Option(names = "--held-out", description = "held-out share of each data set")
    Double heldOut;

    @Option(names = "--name", description = "study name (report title)")
    String name;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--master", paramLabel = "URL", description = "run the runs as Apache Spark tasks:"
            + " local[N], spark://HOST:PORT, yarn or k8s://URL (the Spark-enabled jar; docs/CLUSTER.md)")
    String master;

    @Option(names = "--budget", paramLabel = "DURATION", description = "stop starting runs after this long: 90s, 10m, 2h")
    String budget;

    @Option(names = "--only-run", paramLabel = "K", description = "replay run K alone and print its journal line")
    Integer onlyRun;

    @Option(names = "--no-report", description = "skip report.html and the figures")
    boolean noReport;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Override
    public Integer call() {
        var outWriter = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        if (repair != null) {
            return StudyRepair.run(repair, outWriter, err);
        }
        if (out == null) {
            err.println("oneneuron study: --out DIR is required (or --repair DIR)");
            return BAD_INPUT;
        }
        StudySpec spec;
        try {
            spec = buildSpec();
        } catch (IllegalArgumentException | DataException | UncheckedIOException e) {
            err.println("oneneuron study: " + e.getMessage());
            return BAD_INPUT;
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try {
            TrainerRunFunction function = new TrainerRunFunction(new StudyData());
            Duration spend = parseDuration(budget);
            StudyProgress progress = new StudyProgress(err, spec.name(), quiet);
            StudyRunner runner = new StudyRunner(function, workers, spend, progress);
            if (onlyRun != null) {
                JournalEntry entry = runner.replay(spec, onlyRun);
                outWriter.println(JournalCodec.toLine(entry));
                return OK;
            }
            ClusterStudyRunner cluster = master == null ? null : cluster();
            try (WriterLock lock = WriterLock.folder(out, "oneneuron study")) {
                StudyResult result = cluster == null ? runner.run(spec, out)
                        : cluster.run(master, spec, out, spend, progress);
                return runLocked(spec, function, result, outWriter, err);
            }
        } catch (IllegalArgumentException | DataException e) {
            err.println("oneneuron study: " + e.getMessage());
            return BAD_INPUT;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("oneneuron study: " + e.getMessage());
            return FAILURE;
        }
    }

    /**
     * The report of a study that ran, with the folder still locked. spec.json is written once the
     * runner has checked the folder's study.json, so a refused resume never overwrites it.
     */
    private int runLocked(StudySpec spec, TrainerRunFunction function, StudyResult result,
                          PrintWriter outWriter, PrintWriter err) {
        AtomicFiles.writeString(out.resolve("spec.json"), spec.toJson() + "\n");
        if (!result.complete()) {
            err.printf(Locale.ROOT, "time budget spent: %d of %d runs finished; re-run to continue%n",
                    result.entries().size(), result.planned());
        }
        if (!noReport && !result.entries().isEmpty()) {
            String regenerate = regenerate(out);
            ReportSection section = StudyReport.withLandscapes(function, "study", spec.name(),
                    describe(spec), regenerate, result);
            Path html = StudyReport.write(out, "OneNeuron study: " + spec.name(), List.of(section));
            outWriter.print(StudyReport.claimsText(List.of(section)));
            outWriter.println("report: " + html);
        }
        outWriter.println("journal: " + out.resolve(StudyRunner.JOURNAL));
        return OK;
    }

    /** The cluster runner for --master, its URL checked before the folder is touched. */
    private ClusterStudyRunner cluster() {
        if (threads != null) {
            throw new IllegalArgumentException("--threads does not apply with --master: the cluster's"
                    + " cores run the study (local[N] runs N at a time on this machine)");
        }
        ClusterStudyRunner cluster = ClusterStudyRunner.find().orElseThrow(() -> new IllegalArgumentException(
                "--master needs the Spark-enabled jar (module oneneuron-spark); ./oneneuron uses it"
                        + " when --master is given (docs/CLUSTER.md)"));
        cluster.check(master);
        return cluster;
    }

    /** The spec: the file (or the defaults), overridden by every option given. */
    StudySpec buildSpec() {
        StudySpec base = StudySpec.defaults();
        if (specFile != null) {
            try {
                base = StudySpec.fromJson(Files.readString(specFile, StandardCharsets.UTF_8), specFile.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + specFile, e);
            }
        }
        return new StudySpec(or(name, base.name()), or(data, base.data()),
                hidden == null ? base.hidden() : shapes(hidden), or(activations, base.activations()),
                or(neurons, base.neurons()), or(losses, base.losses()), or(reduction, base.reduction()),
                or(lambdas, base.lambdas()), or(optimizers, base.optimizers()),
                or(learningRate, base.learningRate()), or(steps, base.steps()), or(clip, base.clip()),
                or(init, base.init()), or(restarts, base.restarts()), or(seed, base.seed()),
                or(heldOut, base.heldOutFraction()));
    }

    /** The commands that redraw (from the journal) and re-run (resumes, so only what is missing) a study. */
    static String regenerate(Path dir) {
        return "oneneuron report " + dir + " (redraws from the journal; the runs: oneneuron study --spec "
                + dir.resolve("spec.json") + " --out " + dir + ")";
    }

    static String describe(StudySpec s) {
        return String.format(Locale.ROOT, "data %s; hidden %s; activation %s; neurons %s; loss %s (%s);"
                        + " lambda %s; %s lr %s, %d steps, clip %s; init %s; %d restarts; seed %d;"
                        + " held-out share %s.", s.data(), s.hidden(), s.activations(), s.neurons(),
                s.losses(), s.reduction(), s.lambdas(), s.optimizers(), s.learningRate(), s.steps(),
                s.clip(), s.init(), s.restarts(), s.seed(), s.heldOutFraction());
    }

    static List<List<Integer>> shapes(List<String> words) {
        List<List<Integer>> out = new ArrayList<>();
        for (String w : words) {
            List<Integer> shape = new ArrayList<>();
            for (String part : w.split("x")) {
                try {
                    shape.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--hidden: '" + w + "' is not a shape like 8 or 16x8", e);
                }
            }
            out.add(shape);
        }
        return out;
    }

    static Duration parseDuration(String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long v = Long.parseLong(t.substring(0, t.length() - 1));
            switch (t.charAt(t.length() - 1)) {
                case 's':
                    return Duration.ofSeconds(v);
                case 'm':
                    return Duration.ofMinutes(v);
                case 'h':
                    return Duration.ofHours(v);
                default:
                    break;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--budget: '" + text + "' is not like 90s, 10m or 2h", e);
        }
        throw new IllegalArgumentException("--budget: '" + text + "' is not like 90s, 10m or 2h");
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
