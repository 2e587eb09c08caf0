package org.oneneuron.cli.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Map;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.DataOptions;
import org.oneneuron.cli.GivenOptions;
import org.oneneuron.cli.InterruptNotice;
import org.oneneuron.cli.Json;
import org.oneneuron.cli.OutputFolders;
import org.oneneuron.cli.Plural;
import org.oneneuron.cli.Vocabulary;
import org.oneneuron.cli.report.ReportSection;
import org.oneneuron.cli.report.StudyReport;
import org.oneneuron.data.DataException;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.io.WriterLock;
import org.oneneuron.model.Initializer;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.StudyData;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.StudySummary;
import org.oneneuron.study.TrainerRunFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron study}: runs (or resumes) a study and writes its report. Every option a study
 * shares with {@code train} means the same and has the same default (the library's, through
 * {@link StudySpec#defaults()}); a study's several networks are one {@code --hidden} each, or
 * {@code --shapes}, or layer graphs, one {@code --arch} each (read with {@code --input-shape}).
 */
@Command(name = "study", mixinStandardHelpOptions = true, defaultValueProvider = StudyDefaults.class,
        description = {"Run a resumable study of many training runs and write its report.",
            "",
            "Crosses data x networks (MLPs x activations, or --arch layer graphs) x neuron variants x"
                + " losses x lambdas x optimizers x restarts (a comma list crosses its values), runs on all"
                + " cores, journals each finished run, resumes after a kill, and writes report.html with"
                + " ECDFs, trajectories and a claims table. Options given with --spec override the file's"
                + " values."},
        footer = {"", "Examples:",
            "  oneneuron study --data wdbc --hidden 8 --neuron none,skip-exp --restarts 24 --out runs/wdbc",
            "  oneneuron study --data case-a --hidden 2 --hidden 4 --activation relu --optimizer gd --out runs/a",
            "  oneneuron study --data wdbc --shapes '16;16,8' --out runs/shapes     (two networks)",
            "  oneneuron study --data images.csv --input-shape 1x8x8 --arch conv:4x3x3,tanh,maxpool:2,flatten,dense:1 \\",
            "      --optimizer adam --lr 0.01 --steps 200 --restarts 8 --out runs/cnn        (a layer graph)",
            "  oneneuron study --spec study.json --out runs/s1          (re-run the same line to resume)",
            "  oneneuron study --spec study.json --out runs/s1 --only-run 17   (replay run 17 alone)",
            "  oneneuron study --repair runs/s1     (move damaged journal lines aside; then re-run)",
            "  oneneuron study --spec study.json --out runs/s1 --master spark://head:7077   (on Apache Spark)",
            "", "One process at a time per --out folder (a second one stops at once).",
            "Exit codes: 0 ok, 1 failure (also: folder in use, a write failed), 2 bad input or usage."})
public final class StudyCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private static final String CROSSES = " A comma list crosses several.";

    @Spec
    CommandSpec command;

    @Mixin
    CommonOptions common;

    @Option(names = "--spec", paramLabel = "FILE", description = "A study spec (JSON); missing keys take the defaults.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "The study directory (journal, report);"
            + " required unless --repair.")
    Path out;

    @Option(names = "--repair", paramLabel = "DIR", description = "Move damaged or duplicate journal lines of"
            + " study DIR to journal.damaged.jsonl (kept, with line numbers); the next study redoes those runs.")
    Path repair;

    /** Splits on a comma that starts a new data set, not on one between KEY=VALUE parameters. */
    static final String DATA_SPLIT = ",(?![A-Za-z_][A-Za-z0-9_]*=)";

    @Option(names = "--data", split = DATA_SPLIT, splitSynopsisLabel = ",", paramLabel = "DATA",
            description = Vocabulary.DATA + CROSSES
            + " A built-in's parameters stay together: blobs:n=40,d=64,wdbc is two data sets.")
    List<String> data;

    @Option(names = "--label", paramLabel = "COL", description = DataOptions.LABEL
            + " For every CSV and ARFF file of the study; a LIBSVM or IDX file or a built-in data set is read"
            + " without it (a warning); a study with no CSV or ARFF file is refused.")
    String label;

    @Option(names = "--positive", paramLabel = "LABEL", description = DataOptions.POSITIVE)
    String positive;

    @Option(names = "--classes", paramLabel = "NEG,POS", description = DataOptions.CLASSES)
    String classes;

    @Option(names = "--hidden", paramLabel = "W[,W...]", description = Vocabulary.HIDDEN
            + " Repeat it for several networks: --hidden 16 --hidden 16,8.")
    List<String> hidden;

    @Option(names = "--shapes", paramLabel = "W[,W...];...", description = "Several networks at once,"
            + " separated by ';': --shapes '16;16,8' is [16] and [16, 8] (instead of repeating --hidden).")
    String shapes;

    @Option(names = "--activation", split = ",", paramLabel = "WORD", description = Vocabulary.ACTIVATION + CROSSES)
    List<String> activations;

    @Option(names = "--arch", paramLabel = "LAYERS", description = Vocabulary.ARCH
            + " Repeat it for several networks; instead of --hidden, --shapes and --activation.")
    List<String> architectures;

    @Option(names = "--input-shape", paramLabel = "CxHxW", description = Vocabulary.INPUT_SHAPE
            + " For the --arch networks.")
    String inputShape;

    @Option(names = "--neuron", split = ",", paramLabel = "KIND", description = Vocabulary.NEURON
            + " A comma list crosses several; the default pairs the plain network with the library's neuron.")
    List<String> neurons;

    @Option(names = "--loss", split = ",", paramLabel = "WORD", description = "Loss. It must fit every data set's"
            + " task (a study does not swap it). Binary (margin): cubic-hinge, hinge-p:P, smooth-hinge, logistic,"
            + " squared ((1 - y·f)²). Multi-class: softmax-ce, multi-squared-hinge. Regression: target-squared"
            + " (½(f - t)²), huber, huber:δ." + CROSSES)
    List<String> losses;

    @Option(names = "--reduction", paramLabel = "WORD", description = Vocabulary.REDUCTION)
    String reduction;

    @Option(names = "--lambda", split = ",", paramLabel = "λ", description = Vocabulary.LAMBDA + CROSSES)
    List<Double> lambdas;

    @Option(names = "--optimizer", split = ",", paramLabel = "WORD", description = Vocabulary.OPTIMIZER
            + CROSSES + " (A study takes gd, sgd, adam, lbfgs and newton-cg.)")
    List<String> optimizers;

    @Option(names = "--lr", paramLabel = "η", description = Vocabulary.LR)
    Double learningRate;

    @Option(names = "--steps", paramLabel = "N", description = Vocabulary.STEPS)
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = Vocabulary.BATCH)
    Integer batch;

    @Option(names = "--dtype", paramLabel = "TYPE", description = Vocabulary.DTYPE)
    String dtype;

    @Option(names = "--clip", paramLabel = "C", description = Vocabulary.CLIP)
    Double clip;

    @Option(names = "--init", paramLabel = "WORD", description = Vocabulary.INIT)
    String init;

    @Option(names = "--restarts", paramLabel = "R", description = "Seeds per configuration. Restart r uses"
            + " the seed mix(seed, r), shared by the neuron variants.")
    Integer restarts;

    @Option(names = "--seed", paramLabel = "S", description = Vocabulary.SEED)
    Long seed;

    @Option(names = "--held-out", paramLabel = "SHARE", description = Vocabulary.HELD_OUT)
    Double heldOut;

    @Option(names = "--name", paramLabel = "NAME", description = "The study's name (report title).")
    String name;

    @Option(names = "--master", paramLabel = "URL", description = "Run the runs as Apache Spark tasks:"
            + " local[N], spark://HOST:PORT, yarn or k8s://URL (the Spark-enabled jar; docs/CLUSTER.md).")
    String master;

    @Option(names = "--budget", paramLabel = "DURATION", description = "Stop starting runs after this long: 90s, 10m, 2h.")
    String budget;

    @Option(names = "--only-run", paramLabel = "K", description = "Replay run K alone and print its journal line"
            + " (with --json: a study object whose run is that line); nothing is written.")
    Integer onlyRun;

    @Option(names = "--no-report", description = "Skip report.html and the figures.")
    boolean noReport;

    @SuppressWarnings("try") // the lock is held for the block and never read
    @Override
    public Integer call() {
        var outWriter = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        if (repair != null) {
            return StudyRepair.run(repair, outWriter, err);
        }
        if (out == null) {
            err.println("error: --out DIR is required (or --repair DIR)");
            return BAD_INPUT;
        }
        StudySpec spec;
        try {
            OutputFolders.requireFolder("--out", out);
            spec = buildSpec();
            if (spec.label() != null) {
                FileOnlyOptions.label(spec.data(), given("--label") ? "--label" : "the spec's label", err);
            }
            if (spec.positive() != null) {
                FileOnlyOptions.classes(spec.data(), given("--positive") ? "--positive" : "the spec's positive", err);
            }
            if (spec.classes() != null) {
                FileOnlyOptions.classes(spec.data(), given("--classes") ? "--classes" : "the spec's classes", err);
            }
        } catch (IllegalArgumentException | DataException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        int workers = common.threadsOr(Runtime.getRuntime().availableProcessors());
        try {
            TrainerRunFunction function = new TrainerRunFunction(new StudyData(spec.readOptions()));
            Duration spend = StudyWords.duration(budget);
            StudyProgress progress = new StudyProgress(err, spec.name(), common.quiet());
            StudyRunner runner = new StudyRunner(function, workers, spend, progress);
            if (onlyRun != null) {
                String line = JournalCodec.toLine(runner.replay(spec, onlyRun));
                if (common.json()) {
                    Json.print(outWriter, replayJson(spec, onlyRun, line));
                } else {
                    outWriter.println(line);
                }
                return OK;
            }
            ClusterStudyRunner cluster = master == null ? null : cluster();
            function.check(spec); // before the folder is made: a refused study writes nothing
            DemoCommand.refuseDemoOutput(out);
            try (WriterLock lock = WriterLock.folder(out, "oneneuron study")) {
                StudyResult result;
                try (InterruptNotice notice = InterruptNotice.install(
                        () -> progress.interrupted(out.resolve(StudyRunner.JOURNAL)))) {
                    result = cluster == null ? runner.run(spec, out) : cluster.run(master, spec, out, spend, progress);
                }
                return runLocked(spec, function, result, outWriter, err);
            }
        } catch (IllegalArgumentException | DataException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return FAILURE;
        }
    }

    /**
     * {@code --only-run K --json}: a study object (schema_version, command) whose {@code run} is the
     * replayed run's journal line, key for key (docs/JSON.md).
     */
    static Map<String, Object> replayJson(StudySpec spec, int index, String journalLine) {
        Map<String, Object> json = Json.object("study");
        json.put("name", spec.name());
        json.put("only_run", index);
        try {
            json.put("run", new ObjectMapper().readValue(journalLine, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read back the journal line of run " + index, e);
        }
        return json;
    }

    /**
     * The report of a study that ran, with the folder still locked. spec.json is written once the
     * runner has checked the folder's study.json, so a refused resume never overwrites it.
     */
    private int runLocked(StudySpec spec, TrainerRunFunction function, StudyResult result,
                          PrintWriter outWriter, PrintWriter err) {
        AtomicFiles.writeString(out.resolve("spec.json"), spec.toJson() + "\n");
        if (!result.complete()) {
            err.printf(Locale.ROOT, "time budget spent: %d of %d %s finished; re-run to continue%n",
                    result.entries().size(), result.planned(), Plural.noun(result.planned(), "run"));
        }
        for (String variant : StudySummary.allDiverged(result.entries())) {
            err.println("warning: every run of a variant diverged; its figures say nothing about the landscape"
                    + " (try a smaller --lr or a --clip): " + variant);
        }
        Path html = null;
        String claims = "";
        if (!noReport && !result.entries().isEmpty()) {
            String regenerate = StudyWords.regenerate(out);
            ReportSection section = StudyReport.withLandscapes(function, "study", spec.name(),
                    StudyWords.describe(spec), regenerate, result);
            html = StudyReport.write(out, "OneNeuron study: " + spec.name(), List.of(section));
            claims = StudyReport.claimsText(List.of(section));
        }
        if (common.json()) {
            Map<String, Object> json = Json.object("study");
            json.put("name", spec.name());
            json.put("out", out.toString());
            json.put("planned", result.planned());
            json.put("finished", result.entries().size());
            json.put("resumed", result.resumed());
            json.put("complete", result.complete());
            json.put("journal", out.resolve(StudyRunner.JOURNAL).toString());
            json.put("report", html == null ? null : html.toString());
            Json.print(outWriter, json);
            return OK;
        }
        outWriter.print(claims);
        if (html != null) {
            outWriter.println("report: " + html);
        }
        outWriter.println("journal: " + out.resolve(StudyRunner.JOURNAL));
        return OK;
    }

    /** The cluster runner for --master, its URL checked before the folder is touched. */
    private ClusterStudyRunner cluster() {
        if (given("--threads")) {
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
        if (given("--hidden") && given("--shapes")) {
            throw new IllegalArgumentException("--hidden and --shapes both give the networks; use one");
        }
        boolean mlp = given("--hidden") || given("--shapes") || given("--activation");
        if (given("--arch") && mlp) {
            throw new IllegalArgumentException("--arch and --hidden/--shapes/--activation both give the networks;"
                    + " use one (an MLP in words: --arch dense:16,tanh,dense:1)");
        }
        List<List<Integer>> networks = given("--shapes") ? StudyWords.shapes(shapes)
                : given("--hidden") ? StudyWords.networks(hidden) : base.hidden();
        List<String> acts = pick("--activation", activations, base.activations());
        List<String> archs = pick("--arch", architectures, base.architectures());
        String shape = pick("--input-shape", inputShape, base.inputShape());
        if (given("--input-shape") && archs.isEmpty()) {
            throw new IllegalArgumentException("--input-shape is for the --arch networks; an MLP (--hidden)"
                    + " reads each sample as a vector");
        }
        if (given("--arch")) {
            networks = List.of();
            acts = List.of();
        } else if (mlp) {
            archs = List.of(); // the command line's MLP replaces the spec file's layer graphs
            shape = given("--input-shape") ? shape : null;
            networks = networks.isEmpty() ? StudySpec.defaults().hidden() : networks;
            acts = acts.isEmpty() ? StudySpec.defaults().activations() : acts;
        }
        try {
            return spec(base, networks, acts, archs, shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(StudyWords.inOptionWords(e.getMessage(), this::given), e);
        }
    }

    private StudySpec spec(StudySpec base, List<List<Integer>> networks, List<String> acts, List<String> archs,
                           String shape) {
        return new StudySpec(pick("--name", name, base.name()), pick("--data", data, base.data()), networks,
                acts, pick("--neuron", neurons, base.neurons()),
                pick("--loss", losses, base.losses()), pick("--reduction", reduction, base.reduction()),
                pick("--lambda", lambdas, base.lambdas()), pick("--optimizer", optimizers, base.optimizers()),
                pick("--lr", learningRate, base.learningRate()), pick("--steps", steps, base.steps()),
                pick("--clip", clip, base.clip()),
                given("--init") ? StudySpec.initWord(Initializer.parse(init)) : base.init(),
                pick("--restarts", restarts, base.restarts()), pick("--seed", seed, base.seed()),
                pick("--held-out", heldOut, base.heldOutFraction()), pick("--label", label, base.label()),
                pick("--positive", positive, base.positive()), pick("--classes", classes, base.classes()),
                archs, shape, pick("--batch", batch, base.batch()), given("--dtype") ? StudyWords.precision(dtype) : base.dtype());
    }

    /** Whether the user gave the option (the fields hold the defaults otherwise). */
    private boolean given(String option) {
        return GivenOptions.given(command, option);
    }

    private <T> T pick(String option, T value, T fallback) {
        return given(option) ? value : fallback;
    }
}
