package org.oneneuron.data;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads delimited text (CSV, TSV, semicolon- or whitespace-separated) into a {@link Dataset}.
 * Blank lines are skipped. The label column is taken out; every other column must be a finite
 * number on every row. Trailing columns the header leaves without a name, as a spreadsheet writes a
 * header ending in a delimiter, are not columns: they must be empty on every row
 * ({@link #namedCells}). See {@link ReadOptions} for the label column, header
 * and delimiter, and {@link LabelCoding} for how labels become ±1.
 */
public final class CsvReader {
    /** Lines looked at to detect the delimiter and the header. */
    private static final int SAMPLE_LINES = 5;
    /** The heap is checked every this many rows (the check reads the runtime's limits). */
    private static final int HEAP_CHECK_ROWS = 64;

    private CsvReader() {
    }

    /** Reads a file; messages name it as given. */
    public static Dataset read(Path file, ReadOptions options) {
        try (InputStream in = TextLines.open(file)) {
            return read(in, file.toString(), fileName(file), options);
        } catch (java.io.IOException e) {
            throw new DataException(file.toString(), "cannot close: " + e.getMessage());
        }
    }

    /**
     * Reads a stream (not closed here).
     *
     * @param source name used in messages
     * @param name   the data set's name
     */
    public static Dataset read(InputStream in, String source, String name, ReadOptions options) {
        return read(in, source, name, options, ParallelRows.BATCH_CHARS);
    }

    /** {@link #read(InputStream, String, String, ReadOptions)} with parallel batches of about batchChars characters. */
    static Dataset read(InputStream in, String source, String name, ReadOptions options, int batchChars) {
        Start start = start(in, source, options, options.labelColumn());
        List<String> names = start.names();
        boolean header = start.header();
        int label = labelIndex(names, header, options.labelColumn(), source);
        String labelName = columnName(names, header, label);
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(label);

        LabeledRows rows = new LabeledRows();
        double[] x = new double[names.size() - 1];
        boolean labelsRead = options.classRule() != ReadOptions.ClassRule.IGNORE;
        RowParser parser = new RowParser(start.tokenizer().delimiter(), names, start.width(), header, label,
                labelsRead, source);
        for (int k = header ? 1 : 0; k < start.sampleLines().size(); k++) {
            int lineNumber = start.sampleLineNumbers().get(k);
            append(rows, x, parser.parse(start.sampleLines().get(k), lineNumber, x), source, lineNumber);
        }
        if (options.threads() > 1) {
            ParallelRows.read(start.lines(), parser, options.threads(), batchChars, rows);
        } else {
            String line;
            while ((line = start.lines().next()) != null) {
                if (!line.isBlank()) {
                    int lineNumber = start.lines().lineNumber();
                    append(rows, x, parser.parse(line, lineNumber, x), source, lineNumber);
                }
            }
        }
        return rows.build(name, featureNames, options, source, labelName);
    }

    /**
     * Reads a file without a label column: every column is a feature. The data set's targets are 0
     * and it has no label names; it can be scored, not evaluated.
     */
    public static Dataset readUnlabeled(Path file, ReadOptions options) {
        String source = file.toString();
        try (InputStream in = TextLines.open(file)) {
            Start start = start(in, source, options, null);
            List<String> names = start.names();
            boolean header = start.header();
            DoubleList values = new DoubleList();
            int n = 0;
            for (int k = header ? 1 : 0; k < start.sampleRows().size(); k++) {
                addFeatures(values, start.sampleRows().get(k), start, source, start.sampleLineNumbers().get(k));
                n++;
            }
            String line;
            while ((line = start.lines().next()) != null) {
                if (!line.isBlank()) {
                    addFeatures(values, start.tokenizer().split(line, source, start.lines().lineNumber()),
                            start, source, start.lines().lineNumber());
                    n++;
                }
            }
            if (n == 0) {
                throw new DataException(source, "no data rows; the file is empty or holds only a header");
            }
            return new Dataset(fileName(file), values.toArray(), new double[n], names.size(), names, List.of());
        } catch (java.io.IOException e) {
            throw new DataException(source, "cannot close: " + e.getMessage());
        }
    }

    /** The column names of a file (its header, or x1..xk without one), for deciding how to read it. */
    public static List<String> columns(Path file, ReadOptions options) {
        try (InputStream in = TextLines.open(file)) {
            return start(in, file.toString(), options, options.labelColumn()).names();
        } catch (java.io.IOException e) {
            throw new DataException(file.toString(), "cannot close: " + e.getMessage());
        }
    }

    /**
     * The columns of a file as {@link #read} ({@code labeled}) or {@link #readUnlabeled} takes
     * them, from its first lines: no value is parsed.
     *
     * @throws DataException for an empty file, or a label column ({@link ReadOptions#labelColumn})
     *                       the file does not have
     */
    public static TableColumns tableColumns(Path file, ReadOptions options, boolean labeled) {
        String source = file.toString();
        try (InputStream in = TextLines.open(file)) {
            Start start = start(in, source, options, labeled ? options.labelColumn() : null);
            int label = labeled ? labelIndex(start.names(), start.header(), options.labelColumn(), source) : -1;
            return new TableColumns(start.names(), start.header(), label);
        } catch (java.io.IOException e) {
            throw new DataException(source, "cannot close: " + e.getMessage());
        }
    }

    /**
     * The first lines looked at: delimiter, header and column names decided, the rest unread. A
     * full row has width fields: the named columns and the unnamed trailing ones.
     */
    private record Start(TextLines lines, CsvTokenizer tokenizer, List<String> sampleLines,
                         List<List<String>> sampleRows, List<Integer> sampleLineNumbers, boolean header,
                         List<String> names, int width) {
    }

    private static Start start(InputStream in, String source, ReadOptions options, String labelColumn) {
        TextLines lines = new TextLines(in, source);
        List<String> sample = new ArrayList<>();
        List<Integer> sampleLineNumbers = new ArrayList<>();
        String line;
        while (sample.size() < SAMPLE_LINES && (line = lines.next()) != null) {
            if (!line.isBlank()) {
                sample.add(line);
                sampleLineNumbers.add(lines.lineNumber());
            }
        }
        if (sample.isEmpty()) {
            throw new DataException(source, "empty file: no data rows");
        }
        Character delimiter = options.delimiter() != null ? options.delimiter() : CsvTokenizer.detect(sample);
        CsvTokenizer tokenizer = new CsvTokenizer(delimiter);
        List<List<String>> sampleRows = new ArrayList<>();
        for (int k = 0; k < sample.size(); k++) {
            sampleRows.add(tokenizer.split(sample.get(k), source, sampleLineNumbers.get(k)));
        }
        boolean header = switch (options.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> looksLikeHeader(sampleRows) || namesLabelColumn(sampleRows.get(0), labelColumn);
        };
        List<String> first = sampleRows.get(0);
        // Trailing columns the header leaves without a name (a value under one is an error at its
        // row). Without a header an empty last cell stays a cell: it may be a missing label.
        int unnamed = header ? trailingEmpty(first) : 0;
        int named = Math.max(1, first.size() - unnamed);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < named; j++) {
            String given = header ? first.get(j) : "";
            names.add(given.isEmpty() ? "x" + (j + 1) : given);
        }
        return new Start(lines, tokenizer, sample, sampleRows, sampleLineNumbers, header, names, first.size());
    }

    /** How many cells at the end of a row are empty. */
    private static int trailingEmpty(List<String> cells) {
        int k = 0;
        while (k < cells.size() && cells.get(cells.size() - 1 - k).isEmpty()) {
            k++;
        }
        return k;
    }

    /**
     * The cells of the named columns of a row. A row has {@code named} to {@code width} fields:
     * the columns after the named ones are trailing columns without a name (the header ends in
     * empty fields, as a spreadsheet writes a line ending in a delimiter), and must be empty.
     *
     * @throws DataException for a ragged row, or a value in an unnamed trailing column
     */
    static List<String> namedCells(List<String> cells, int named, int width, boolean header, String source,
                                   int lineNumber) {
        if (cells.size() < named || cells.size() > width) {
            throw new DataException(source, lineNumber, null, String.format(Locale.ROOT,
                    "ragged row: %d fields, expected %d as in the %s", cells.size(), width,
                    header ? "header" : "first row"));
        }
        for (int j = named; j < cells.size(); j++) {
            if (!cells.get(j).isEmpty()) {
                throw new DataException(source, lineNumber, String.valueOf(j + 1), "value '"
                        + Numbers.shorten(cells.get(j)) + "' in a column the header leaves without a name"
                        + " (the header ends in an empty field): a trailing column without a name must be empty"
                        + " on every row; name the column in the header, or remove the value");
            }
        }
        return cells.size() == named ? cells : cells.subList(0, named);
    }

    private static void addFeatures(DoubleList values, List<String> row, Start start, String source,
                                    int lineNumber) {
        List<String> names = start.names();
        boolean header = start.header();
        List<String> cells = namedCells(row, names.size(), start.width(), header, source, lineNumber);
        LabeledRows.requireRoom(source, values.size() / names.size() + 1L, names.size());
        for (int j = 0; j < cells.size(); j++) {
            values.add(Numbers.parse(cells.get(j), source, lineNumber, columnName(names, header, j)));
        }
    }

    /** Adds a parsed row after {@link #checkRoom}. */
    private static void append(LabeledRows rows, double[] x, String rawLabel, String source, int lineNumber) {
        checkRoom(rows, x.length, source);
        rows.add(x, rawLabel, lineNumber);
    }

    /**
     * Checks the room for one more row of d values: every {@link #HEAP_CHECK_ROWS} rows, and at
     * every row near one array's limit.
     */
    static void checkRoom(LabeledRows rows, int d, String source) {
        long count = rows.size() + 1L;
        if (count * d > LabeledRows.MAX_DENSE_VALUES || rows.size() % HEAP_CHECK_ROWS == 0) {
            LabeledRows.requireRoom(source, count, d);
        }
    }

    /**
     * A header when some cell of the first row is a name while the same cell below is a number (a
     * lone row: when every cell is a name). A name is a cell that is neither a number nor a value
     * as data write it when it is missing or not finite (empty, ?, NA, NaN, Inf, an overflow): such
     * a cell in row 1 is no evidence of a header, so a headerless file keeps its first row, which
     * then stops with the usual error at that cell.
     */
    private static boolean looksLikeHeader(List<List<String>> rows) {
        List<String> first = rows.get(0);
        if (rows.size() == 1) {
            return first.stream().allMatch(CsvReader::isName);
        }
        List<String> second = rows.get(1);
        for (int j = 0; j < Math.min(first.size(), second.size()); j++) {
            if (isName(first.get(j)) && Numbers.isNumber(second.get(j))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cell of a first row can name a column: not a number, missing or non-finite value. */
    private static boolean isName(String cell) {
        return !Numbers.hasNumberSyntax(cell) && Numbers.labelProblem(cell) == null;
    }

    /** A first row holding the label column's name (not a number) is a header. */
    private static boolean namesLabelColumn(List<String> first, String labelColumn) {
        return labelColumn != null && !Numbers.isNumber(labelColumn.trim()) && first.contains(labelColumn);
    }

    /** Finds the label column by header name, else by 1-based index; null means the last one. */
    static int labelIndex(List<String> names, boolean header, String labelColumn, String source) {
        if (labelColumn == null) {
            return names.size() - 1;
        }
        if (header) {
            int byName = names.indexOf(labelColumn);
            if (byName >= 0 && names.lastIndexOf(labelColumn) != byName) {
                throw new DataException(source, 0, "'" + labelColumn + "'", "the header names " + names.stream()
                        .filter(labelColumn::equals).count() + " columns so (" + (byName + 1) + " and "
                        + (names.lastIndexOf(labelColumn) + 1) + "); give the label column by its 1-based index");
            }
            if (byName >= 0) {
                return byName;
            }
        }
        try {
            int index = Integer.parseInt(labelColumn.trim());
            if (index >= 1 && index <= names.size()) {
                return index - 1;
            }
            throw new DataException(source, 0, labelColumn, "label column index " + index
                    + " is out of range; the file has columns 1 to " + names.size());
        } catch (NumberFormatException e) {
            if (!header) {
                throw new DataException(source, 0, "'" + labelColumn + "'", "label column not found: the file"
                        + " has no header row, so give the label column as a 1-based index (1 to "
                        + names.size() + ")");
            }
            throw new DataException(source, 0, "'" + labelColumn + "'", "label column not found; columns are: "
                    + String.join(", ", names.subList(0, Math.min(names.size(), 40)))
                    + (names.size() > 40 ? ", ..." : ""));
        }
    }

    /** How messages name column j: 'name' with a header, else its 1-based index. */
    static String columnName(List<String> names, boolean header, int j) {
        return header ? "'" + Numbers.shorten(names.get(j)) + "'" : String.valueOf(j + 1);
    }

    static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
