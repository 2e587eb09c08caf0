package org.oneneuron.data;

import java.util.List;

/**
 * One CSV data row into features and a label cell: the fast path ({@link PlainRow}) when the
 * row is plain, else the tokenizer, naming what is wrong.
 * Not thread-safe: each thread parses with its own {@link #copy()}.
 */
final class RowParser {

    private final Character delimiter;
    private final List<String> names;
    /** Fields of a full row: the named columns and the unnamed trailing ones ({@link CsvReader#namedCells}). */
    private final int width;
    private final boolean header;
    private final int label;
    private final boolean labelsRead;
    private final String source;
    private final PlainRow plain;
    private final CsvTokenizer tokenizer;

    /**
     * @param width      fields of a full row: names.size() and the unnamed trailing columns, which
     *                   must be empty
     * @param labelsRead whether label cells are checked (not when the labels are ignored: rows to score)
     */
    RowParser(Character delimiter, List<String> names, int width, boolean header, int label, boolean labelsRead,
              String source) {
        this.delimiter = delimiter;
        this.names = names;
        this.width = width;
        this.header = header;
        this.label = label;
        this.labelsRead = labelsRead;
        this.source = source;
        this.plain = delimiter == null ? null : new PlainRow(delimiter, width, names.size(), label);
        this.tokenizer = new CsvTokenizer(delimiter);
    }

    /** A parser of the same rows with its own buffers. */
    RowParser copy() {
        return new RowParser(delimiter, names, width, header, label, labelsRead, source);
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
     * @throws DataException naming the line and column of what is wrong: a ragged row, a cell that
     *                       is not a finite number, a missing or non-finite label
     *                       ({@link Numbers#labelProblem}) or a label holding another delimiter
     *                       when labels are read
     */
    String parse(String line, int lineNumber, double[] x) {
        String rawLabel = plain == null ? null : plain.parse(line, x);
        if (rawLabel == null) {
            rawLabel = parseCells(tokenizer.split(line, source, lineNumber), line, lineNumber, x);
        }
        if (labelsRead) {
            checkLabel(rawLabel, line, lineNumber);
        }
        return rawLabel;
    }

    /** The features of a tokenized row into x (the label's cell skipped); returns the label cell. */
    private String parseCells(List<String> row, String line, int lineNumber, double[] x) {
        List<String> cells = CsvReader.namedCells(row, names.size(), width, header, source, lineNumber);
        int k = 0;
        for (int j = 0; j < cells.size(); j++) {
            if (j != label) {
                String cell = cells.get(j);
                double v = Numbers.hasNumberSyntax(cell) ? Numbers.parseDouble(cell) : Double.NaN;
                // the column's name is made only for the message of a bad cell
                x[k++] = Double.isFinite(v) ? v : feature(cell, line, lineNumber, j);
            }
        }
        return cells.get(label);
    }

    /** A cell that is not a finite number: the error, naming a delimiter it holds by mistake. */
    private double feature(String cell, String line, int lineNumber, int column) {
        char stray = tokenizer.strayDelimiter(cell, line);
        if (stray != 0) {
            throw mixedDelimiters("value '" + Numbers.shorten(cell) + "' is not a number; it", stray, lineNumber,
                    column);
        }
        return Numbers.parse(cell, source, lineNumber, CsvReader.columnName(names, header, column));
    }

    /**
     * A label must be a class name or a finite number, and must not hold a delimiter of another
     * kind: {@code 2;0} in a comma-separated file is two cells run together, not a class.
     */
    private void checkLabel(String rawLabel, String line, int lineNumber) {
        if (Numbers.labelProblem(rawLabel) != null) {
            Numbers.checkLabel(rawLabel, source, lineNumber, CsvReader.columnName(names, header, label));
        }
        char stray = tokenizer.strayDelimiter(rawLabel, line);
        if (stray != 0) {
            throw mixedDelimiters("label '" + Numbers.shorten(rawLabel) + "'", stray, lineNumber, label);
        }
    }

    private DataException mixedDelimiters(String what, char stray, int lineNumber, int column) {
        return new DataException(source, lineNumber, CsvReader.columnName(names, header, column), what + " holds "
                + CsvTokenizer.describe(stray) + " but " + CsvTokenizer.describe(delimiter)
                + " separates the columns: the row seems to mix delimiters; use one delimiter throughout, or quote"
                + " the cell if its " + CsvTokenizer.describe(stray) + " belongs to it");
    }
}
