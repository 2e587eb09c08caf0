package org.oneneuron.cli.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.oneneuron.cli.report.ReportSection;
import org.oneneuron.cli.report.StudyReport;
import org.oneneuron.io.WriterLock;
import org.oneneuron.study.StudyData;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.InterruptNotice;
import org.oneneuron.cli.Json;
import org.oneneuron.cli.OutputFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron demo}: two small studies, plain vs skip-exp vs per-layer-exp from the same
 * seeds, on the embedded WDBC data and on PAPER.md §6 case A (the §5 protocol with fewer starts);
 * writes the report to ./oneneuron-out/ and prints the claims table. Sized to finish in well under
 * a minute on two cores. A folder that holds a previous demo's output is replaced (so the README's
 * {@code ./oneneuron demo} runs again as it did); one that holds anything else is refused.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a one-minute study of the special neuron and print its claims table.",
            "",
            "Plain vs skip-exp vs per-layer-exp networks from the same seeds, on the embedded WDBC"
                + " data and on the 3-point construction of PAPER.md section 6 (case A); writes report.html"
                + " to the output directory."},
        footer = {"", "Examples:", "  oneneuron demo", "  oneneuron demo --restarts 50 --out demo-out",
            "", "Exit codes: 0 ok, 1 failure, 2 bad input or usage."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "The output directory: new, empty, or a previous"
            + " demo's, whose output is replaced; a folder holding anything else (a study, say) is refused.")
    Path out = Path.of("oneneuron-out");

    @Option(names = "--restarts", paramLabel = "R", description = "Seeds per configuration. The demo's"
            + " default is sized to finish within a minute on two cores.")
    int restarts = 20;

    /**
     * The WDBC part: hidden 8 tanh, mean cubic hinge, λ = 1 (the library's default), L-BFGS for at
     * most 100 iterations (plain GD does not get near zero loss within the minute), 25% held out.
     */
    static StudySpec wdbc(int restarts) {
        return new StudySpec("demo-wdbc", List.of("wdbc"), List.of(List.of(8)), List.of("tanh"),
                List.of("none", "skip-exp", "per-layer-exp"), List.of("cubic-hinge"), "mean",
                List.of(1.0), List.of("lbfgs"), 0.1, 100, 10, "fan_in", restarts, 7L, 0.25);
    }

    /**
     * Case A with the PAPER.md §5 protocol (N(0, 1) init, summed cubic hinge, λ 0.1, GD lr 0.01,
     * clip 10) shortened to 5·10³ steps to fit the minute (the protocol has 2·10⁴).
     */
    static StudySpec caseA(int restarts) {
        return new StudySpec("demo-case-a", List.of("case-a"), List.of(List.of(2)), List.of("relu"),
                List.of("none", "skip-exp", "per-layer-exp"), List.of("cubic-hinge"), "sum",
                List.of(0.1), List.of("gd"), 0.01, 5000, 10, "normal", restarts, 7L, 0);
    }

    /** What a demo writes into its folder: the report's files and one study folder per part. */
    private static final Set<String> OWN_ENTRIES = Set.of("report.html", "summary.json", "claims.csv", "figures",
            WriterLock.FOLDER_LOCK, caseA(1).name(), wdbc(1).name());

    /**
     * Whether {@code dir} holds a previous demo's output (which the demo replaces); false when it
     * is missing or empty.
     *
     * @throws IllegalArgumentException when it holds anything else, e.g. a study, whose report the
     *                                  demo would overwrite
     * @throws UncheckedIOException     when the folder cannot be listed
     */
    static boolean holdsPreviousDemo(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false; // missing (created), or a file in the way (the lock names it)
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the folder " + dir, e);
        }
        List<String> foreign = entries.stream().filter(name -> !OWN_ENTRIES.contains(name)).toList();
        if (!foreign.isEmpty()) {
            String named = String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? ", …" : "");
            throw new IllegalArgumentException("--out " + dir + (foreign.contains("study.json")
                    ? " holds a study (" + named + "), whose report the demo would overwrite"
                    : " holds files the demo did not write (" + named + ")")
                    + "; give --out a new or empty folder (the demo replaces only a previous demo's output)");
        }
        return !entries.isEmpty();
    }

    /**
     * Refuses a study's {@code --out} that holds a demo's output (its two study folders), whose
     * report.html, summary.json and claims.csv the study would write over.
     *
     * @throws IllegalArgumentException naming the folder and what it holds
     */
    static void refuseDemoOutput(Path dir) {
        List<String> parts = Stream.of(caseA(1).name(), wdbc(1).name())
                .filter(name -> Files.isDirectory(dir.resolve(name))).toList();
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException("--out " + dir + " holds a demo's output (" + String.join(", ", parts)
                    + "), whose report the study would overwrite; give --out a new folder, or a study's own to resume it");
        }
    }

    @Override
    public Integer call() {
        var err = command.commandLine().getErr();
        if (restarts < 1) {
            err.println("error: --restarts must be >= 1, got " + restarts);
            return StudyCommand.BAD_INPUT;
        }
        try {
            OutputFolders.requireFolder("--out", out);
            if (holdsPreviousDemo(out) && !common.quiet()) {
                err.println("demo: replacing the previous demo's output in " + out);
            }
            return run(command.commandLine().getOut(), err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.BAD_INPUT;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.FAILURE;
        }
    }

    /** How to go on after a Ctrl-C: the demo does not resume (each run replaces its own output). */
    static final String AGAIN = "the demo does not resume: run it again to start over";

    /**
     * Both studies, anew, and the report, with the folder locked. A Ctrl-C says how far it got, as
     * {@code study} does ({@link InterruptNotice}).
     */
    @SuppressWarnings("try") // the lock is held for the block and never read
    private int run(PrintWriter stdout, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        int workers = common.threadsOr(Runtime.getRuntime().availableProcessors());
        List<ReportSection> sections = new ArrayList<>();
        List<Map<String, Object>> studies = new ArrayList<>();
        AtomicReference<Supplier<String>> stage = new AtomicReference<>(() -> null); // what a Ctrl-C says
        try (WriterLock lock = WriterLock.folder(out, "oneneuron demo");
             InterruptNotice notice = InterruptNotice.install(() -> stage.get().get())) {
            TrainerRunFunction function = new TrainerRunFunction(new StudyData());
            for (StudySpec spec : List.of(caseA(restarts), wdbc(restarts))) {
                Path dir = out.resolve(spec.name());
                Files.deleteIfExists(dir.resolve(StudyRunner.JOURNAL));
                Files.deleteIfExists(dir.resolve("study.json"));
                StudyProgress progress = new StudyProgress(err, spec.name(), common.quiet());
                stage.set(() -> progress.interrupted(dir.resolve(StudyRunner.JOURNAL), AGAIN));
                StudyResult result = new StudyRunner(function, workers, Duration.ZERO, progress).run(spec, dir);
                String title = spec.data().get(0).equals("wdbc")
                        ? "WDBC (569 samples, 30 features), hidden 8 tanh"
                        : "Case A (PAPER.md §6: 3 collinear points), 2-2-1 ReLU, PAPER.md §5 protocol with 5000 steps";
                String id = spec.name().replace('-', '_');
                String regenerate = "oneneuron demo --restarts " + restarts + " (or, to redraw from the journals:"
                        + " oneneuron report " + out + ")";
                sections.add(StudyReport.withLandscapes(function, id, title, StudyWords.describe(spec),
                        regenerate, result));
                Map<String, Object> study = new LinkedHashMap<>();
                study.put("name", spec.name());
                study.put("runs", result.entries().size());
                study.put("journal", dir.resolve(StudyRunner.JOURNAL).toString());
                studies.add(study);
            }
            stage.set(() -> "interrupted while writing the report into " + out + "; 'oneneuron report " + out
                    + "' draws it from the journals, or " + AGAIN);
            Path html = StudyReport.write(out, "OneNeuron demo", sections);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (common.json()) {
                Map<String, Object> json = Json.object("demo");
                json.put("out", out.toString());
                json.put("studies", studies);
                json.put("report", html.toString());
                json.put("summary", out.resolve("summary.json").toString());
                json.put("claims_csv", out.resolve("claims.csv").toString());
                json.put("seconds", seconds);
                Json.print(stdout, json);
                return StudyCommand.OK;
            }
            stdout.print(StudyReport.claimsText(sections));
            stdout.printf(Locale.ROOT, "report: %s (%.1f s)%n", html, seconds);
            return StudyCommand.OK;
        }
    }
}
