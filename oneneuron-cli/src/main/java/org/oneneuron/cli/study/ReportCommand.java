package org.oneneuron.cli.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.Json;
import org.oneneuron.cli.Plural;
import org.oneneuron.cli.report.ReportSection;
import org.oneneuron.cli.report.StudyReport;
import org.oneneuron.data.DataException;
import org.oneneuron.io.WriterLock;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyData;
import org.oneneuron.study.StudyManifest;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron report DIR}: redraws every figure and report.html of a study from its journal,
 * training nothing. DIR is a study directory (study.json + journal.jsonl) or a directory whose
 * sub-directories are (the demo's layout: one section each). The journal is only read. Of several
 * sub-directories, one that cannot be drawn (no finished run yet, a damaged journal, changed
 * data) is skipped with a warning naming it and why; only when none can be drawn does the command
 * fail (exit 2). It holds DIR's writer lock while it draws, so it refuses (exit 1) while a study or
 * the demo is writing there.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Redraw a study's figures and report.html from its journal, without re-running.",
            "DIR holds study.json and journal.jsonl, or sub-directories that do (as the demo writes);",
            "a sub-directory that cannot be drawn (e.g. no finished run yet) is skipped with a warning.",
            "Writes DIR/report.html, DIR/figures/ (PNG, SVG, PDF, JSON, CSV), summary.json and claims.csv."},
        footer = {"", "Examples:", "  oneneuron report runs/wdbc", "  oneneuron report oneneuron-out",
            "", "Exit codes: 0 ok, 1 failure, 2 bad input or usage."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DIR", description = "the study directory")
    Path dir;

    @Override
    @SuppressWarnings("try") // the lock is held for the block and never read
    public Integer call() {
        var out = command.commandLine().getOut();
        var err = command.commandLine().getErr();
        List<Path> studies;
        try {
            studies = studies(dir);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.BAD_INPUT;
        }
        // The folder's writer lock, as a study or demo running there holds it: a report drawn
        // meanwhile would be overwritten by theirs, or overwrite it half-way through.
        try (WriterLock lock = WriterLock.folder(dir, "oneneuron report")) {
            TrainerRunFunction function = new TrainerRunFunction(new StudyData());
            List<ReportSection> sections = new ArrayList<>();
            List<String> drawn = new ArrayList<>();
            List<Map<String, Object>> skipped = new ArrayList<>();
            for (Path study : studies) {
                StudySpec spec;
                StudyResult result;
                try {
                    spec = StudyManifest.read(study.resolve("study.json")).spec();
                    checkData(function, spec, study);
                    result = new StudyResult(spec, read(study.resolve(StudyRunner.JOURNAL)), spec.expand().size(), 0);
                } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | DataException e) {
                    if (studies.size() == 1) {
                        throw e;
                    }
                    // One sub-study that cannot be drawn (no finished run yet, a damaged journal,
                    // changed data) does not stop the others: it is named, with why, and left out.
                    err.println("warning: skipped " + study + ": " + e.getMessage());
                    err.flush();
                    Map<String, Object> skip = new LinkedHashMap<>();
                    skip.put("dir", study.toString());
                    skip.put("reason", e.getMessage());
                    skipped.add(skip);
                    continue;
                }
                drawn.add(study.toString());
                String id = studies.size() == 1 ? "study" : spec.name().replace('-', '_');
                sections.add(StudyReport.withLandscapes(function, id, spec.name(), StudyWords.describe(spec)
                        + " " + result.entries().size() + " of " + Plural.count(result.planned(), "run") + " in the journal.",
                        "oneneuron report " + dir, result));
            }
            if (sections.isEmpty()) {
                err.println("error: none of the " + studies.size() + " studies in " + dir + " could be drawn"
                        + " (each is named above with why)");
                return StudyCommand.BAD_INPUT;
            }
            Path html = StudyReport.write(dir, "OneNeuron study report: " + dir.getFileName(), sections);
            if (common.json()) {
                Map<String, Object> json = Json.object("report");
                json.put("dir", dir.toString());
                json.put("studies", drawn);
                json.put("skipped", skipped);
                json.put("report", html.toString());
                Json.print(out, json);
                return StudyCommand.OK;
            }
            out.print(StudyReport.claimsText(sections));
            out.println("report: " + html);
            return StudyCommand.OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.BAD_INPUT;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.FAILURE;
        }
    }

    /** DIR itself when it holds a journal, else its sub-directories that do, in name order. */
    static List<Path> studies(Path dir) {
        if (isStudy(dir)) {
            return List.of(dir);
        }
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException(dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is a file; give a study directory");
        }
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> found = children.filter(ReportCommand::isStudy).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds no study (study.json and "
                        + StudyRunner.JOURNAL + "), nor do its sub-directories");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isStudy(Path dir) {
        return Files.isRegularFile(dir.resolve("study.json")) && Files.isRegularFile(dir.resolve(StudyRunner.JOURNAL));
    }

    /** The data must be what the study ran on, or the pictures would describe other data. */
    private static void checkData(TrainerRunFunction function, StudySpec spec, Path study) {
        Map<String, String> now = new TreeMap<>(function.dataHashes(spec));
        Map<String, String> then = new TreeMap<>(StudyManifest.read(study.resolve("study.json")).dataHashes());
        if (!now.equals(then)) {
            throw new IllegalStateException(study.resolve("study.json") + ": the data changed since the study"
                    + " ran (sha256 stored " + then + ", now " + now + "); the pictures would not match the runs");
        }
    }

    /**
     * The journal's entries, read only: a torn last line (a run killed while writing) is skipped;
     * a damaged line elsewhere is an error naming it.
     */
    static List<JournalEntry> read(Path journal) {
        Map<Integer, JournalEntry> entries = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            List<String> lines = in.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JournalEntry e = JournalCodec.fromLine(line);
                    entries.put(e.runIndex(), e);
                } catch (IllegalArgumentException | NullPointerException bad) {
                    if (i == lines.size() - 1) {
                        continue;
                    }
                    throw new IllegalArgumentException(journal + ", line " + (i + 1) + ": " + bad.getMessage(), bad);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal, e);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(journal + " holds no finished run");
        }
        return List.copyOf(entries.values());
    }
}
