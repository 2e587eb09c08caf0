package org.oneneuron.cli.study;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import org.oneneuron.cli.Plural;
import org.oneneuron.study.JournalRepair;

/** {@code oneneuron study --repair DIR}: moves damaged journal lines aside and says what it did. */
final class StudyRepair {

    private StudyRepair() {
    }

    static int run(Path dir, PrintWriter out, PrintWriter err) {
        JournalRepair.Report report;
        try {
            report = JournalRepair.repair(dir);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.BAD_INPUT;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return StudyCommand.FAILURE;
        }
        if (report.moved().isEmpty()) {
            out.printf(Locale.ROOT, "%s is whole: %s, nothing to repair%n", report.journal(),
                    Plural.count(report.kept(), "run"));
            return StudyCommand.OK;
        }
        out.printf(Locale.ROOT, "repaired %s: kept %s, moved %s to %s:%n", report.journal(),
                Plural.count(report.kept(), "run"), Plural.count(report.moved().size(), "line"), report.damaged());
        for (JournalRepair.MovedLine line : report.moved()) {
            out.printf(Locale.ROOT, "  line %d: %s%n", line.number(), line.reason());
        }
        out.println("re-run the same study command to redo the missing runs");
        return StudyCommand.OK;
    }
}
