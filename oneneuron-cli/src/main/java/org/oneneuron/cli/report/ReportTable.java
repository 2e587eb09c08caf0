package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of a report section beyond the standard three, e.g. the runs or the barrier heights.
 * Rows that belong to a study run carry its index, which links them to the charts' points.
 *
 * @param cssClass class of the HTML table (snake_case)
 * @param title    heading
 * @param header   column names
 * @param rows     cells, as text
 * @param runs     per row the run index, or -1
 */
public record ReportTable(String cssClass, String title, List<String> header, List<List<String>> rows,
                          List<Integer> runs) {

    public ReportTable {
        Objects.requireNonNull(cssClass, "cssClass");
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table " + cssClass + ": a row has " + row.size()
                        + " cells for " + header.size() + " columns");
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
        runs = List.copyOf(runs);
        if (runs.size() != rows.size()) {
            throw new IllegalArgumentException("table " + cssClass + ": " + runs.size() + " run links for "
                    + rows.size() + " rows");
        }
    }
}
