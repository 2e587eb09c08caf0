package org.oneneuron.cli.report;

import java.util.List;
import java.util.Objects;
import org.oneneuron.study.StudySummary;

/**
 * One study in a report.
 *
 * @param id          snake_case name, prefix of its figure files
 * @param title       heading
 * @param description what was run, in words
 * @param regenerate  the command that regenerates this section
 * @param summary     its statistics and claims
 * @param figures     its figures
 * @param tables      further tables (runs, barrier heights), after the figures
 */
public record ReportSection(String id, String title, String description, String regenerate,
                            StudySummary summary, List<FigureData> figures, List<ReportTable> tables) {

    public ReportSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    /** A section without further tables. */
    public ReportSection(String id, String title, String description, String regenerate,
                         StudySummary summary, List<FigureData> figures) {
        this(id, title, description, regenerate, summary, figures, List.of());
    }
}
