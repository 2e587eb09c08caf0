package org.oneneuron.data;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A CSV's data rows parsed on several threads, in rounds: the calling thread reads up to one
 * batch of lines (about {@link #BATCH_CHARS} characters) per thread, the batches are parsed in
 * parallel (a parallel stream: the caller and the common fork-join pool, as the data package
 * uses only the JDK), and the rows are appended in file order with the serial read's room checks.
 * Every batch keeps its first bad row's error and the rows before it, so the data set, and the
 * first error in file order, are those of a serial read; a line that cannot be read (not UTF-8)
 * is reported after the lines before it have been parsed.
 */
final class ParallelRows {

    /** Characters of text per batch: a batch's features then take at most about 4 MB. */
    static final int BATCH_CHARS = 1 << 20;

    private ParallelRows() {
    }

    /**
     * Reads the rest of {@code lines} into {@code rows}.
     *
     * @param parser     parses one row (each batch parses with its own copy)
     * @param batchChars about how many characters of text one batch takes
     * @throws DataException the first bad or unreadable line's, in file order
     */
    static void read(TextLines lines, RowParser parser, int threads, int batchChars, LabeledRows rows) {
        Batch[] batches = new Batch[threads];
        for (int t = 0; t < threads; t++) {
            batches[t] = new Batch(parser.copy());
        }
        boolean more = true;
        while (more) {
            int filled = 0;
            DataException unreadable = null;
            try {
                while (filled < threads && more) {
                    more = batches[filled].fill(lines, batchChars);
                    if (batches[filled].lines > 0) {
                        filled++;
                    }
                }
            } catch (DataException e) {
                unreadable = e;
                more = false;
                if (batches[filled].lines > 0) {
                    filled++;
                }
            }
            IntStream.range(0, filled).parallel().forEach(t -> batches[t].parse());
            for (int t = 0; t < filled; t++) {
                batches[t].appendTo(rows);
            }
            if (unreadable != null) {
                throw unreadable;
            }
        }
    }

    /** One thread's share of a round: lines in, parsed rows (and the first error) out. */
    private static final class Batch {
        private final RowParser parser;
        private final double[] row;
        private String[] text = new String[1024];
        private int[] lineNumbers = new int[1024];
        private int lines;
        private double[] x = new double[0];
        private String[] labels = new String[0];
        private int[] rowLines = new int[0];
        private int rows;
        private DataException failure;

        Batch(RowParser parser) {
            this.parser = parser;
            this.row = new double[parser.features()];
        }

        /** Reads lines until about {@code batchChars} characters; false at the end of the text. */
        boolean fill(TextLines source, int batchChars) {
            lines = 0;
            long chars = 0;
            while (chars < batchChars) {
                String line = source.next();
                if (line == null) {
                    return false;
                }
                if (lines == text.length) {
                    text = Arrays.copyOf(text, 2 * lines);
                    lineNumbers = Arrays.copyOf(lineNumbers, 2 * lines);
                }
                text[lines] = line;
                lineNumbers[lines++] = source.lineNumber();
                chars += line.length() + 1;
            }
            return true;
        }

        /** Parses the batch's non-blank lines, stopping at the first bad one. */
        void parse() {
            int d = row.length;
            if (x.length < lines * d) {
                x = new double[lines * d];
            }
            if (labels.length < lines) {
                labels = new String[lines];
                rowLines = new int[lines];
            }
            rows = 0;
            failure = null;
            for (int i = 0; i < lines; i++) {
                String line = text[i];
                text[i] = null;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    String rawLabel = parser.parse(line, lineNumbers[i], row);
                    System.arraycopy(row, 0, x, rows * d, d);
                    labels[rows] = Numbers.canonicalLabel(rawLabel);
                    rowLines[rows++] = lineNumbers[i];
                } catch (DataException e) {
                    failure = e;
                    for (int j = i + 1; j < lines; j++) {
                        text[j] = null;
                    }
                    return;
                }
            }
        }

        /** Appends the parsed rows in order, then throws the batch's error, if any. */
        void appendTo(LabeledRows target) {
            int d = row.length;
            for (int r = 0; r < rows; r++) {
                CsvReader.checkRoom(target, d, parser.source());
                target.addCanonical(x, r * d, d, labels[r], rowLines[r]);
                labels[r] = null;
            }
            rows = 0;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
