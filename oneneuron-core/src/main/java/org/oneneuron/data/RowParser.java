package org.oneneuron.data;

import java.util.List;

/**
 * One CSV data row into features and a label cell: the fast path ({@link PlainRow}) when the
 * row is plain, else the tokenizer and {@link CsvReader#parseCells}, which name what is wrong.
 * Not thread-safe: each thread parses with its own {@link #copy()}.
 */
final class RowParser {

    private final Character delimiter;
    private final List<String> names;
    private final boolean header;
    private final int label;
    private final boolean labelsRead;
    private final String source;
    private final PlainRow plain;
    private final CsvTokenizer tokenizer;

    /** @param labelsRead whether label cells are checked (not when the labels are ignored: rows to score) */
    RowParser(Character delimiter, List<String> names, boolean header, int label, boolean labelsRead, String source) {
        this.delimiter = delimiter;
        this.names = names;
        this.header = header;
        this.label = label;
        this.labelsRead = labelsRead;
        this.source = source;
        this.plain = delimiter == null ? null : new PlainRow(delimiter, names.size(), label);
        this.tokenizer = new CsvTokenizer(delimiter);
    }

    /** A parser of the same rows with its own buffers. */
    RowParser copy() {
        return new RowParser(delimiter, names, header, label, labelsRead, source);
    }

    /** Features in a row (the label column left out). */
    int features() {
        return names.size() - 1;
    }

    String source() {
        return source;
    }

    /**
     * Parses a non-blank line into x and returns its label cell.
     *
     * @throws DataException naming the line and column of what is wrong
     */
    String parse(String line, int lineNumber, double[] x) {
        String rawLabel = plain == null ? null : plain.parse(line, x);
        if (rawLabel != null) {
            if (labelsRead && Numbers.labelProblem(rawLabel) != null) {
                Numbers.checkLabel(rawLabel, source, lineNumber, CsvReader.columnName(names, header, label));
            }
            return rawLabel;
        }
        return CsvReader.parseCells(tokenizer.split(line, source, lineNumber), x, label, names, header, labelsRead,
                source, lineNumber);
    }
}
