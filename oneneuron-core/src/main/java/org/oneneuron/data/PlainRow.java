package org.oneneuron.data;

/**
 * The fast path of {@link CsvReader} for the common row: no quote, a delimiter character, the
 * expected number of fields and a finite number in every feature cell. It parses the numbers
 * straight from the line's characters (no string per cell, no field list) and returns the label
 * cell; any other row returns null and goes to the general path ({@link CsvTokenizer} and
 * {@link Numbers#parse}), which reads it the same way or names what is wrong with it. A cell is
 * the text between delimiters, trimmed as {@link String#trim} trims, as the tokenizer makes it.
 */
final class PlainRow {

    private final char delimiter;
    private final int fields;
    private final int named;
    private final int label;
    private char[] chars = new char[256];

    PlainRow(char delimiter, int fields, int label) {
        this(delimiter, fields, fields, label);
    }

    /**
     * @param fields the fields of a row
     * @param named  the first fields that are read; the rest (unnamed trailing columns) must be empty
     */
    PlainRow(char delimiter, int fields, int named, int label) {
        this.delimiter = delimiter;
        this.fields = fields;
        this.named = named;
        this.label = label;
    }

    /**
     * Parses the feature cells of {@code line} into x (the label's cell skipped) and returns the
     * label cell, or null when the row needs the general path (x is then partly written).
     */
    String parse(String line, double[] x) {
        int len = line.length();
        if (line.indexOf('"') >= 0) {
            return null;
        }
        if (chars.length < len) {
            chars = new char[Math.max(len, 2 * chars.length)];
        }
        char[] c = chars;
        line.getChars(0, len, c, 0);
        String rawLabel = null;
        int start = 0;
        int k = 0;
        for (int j = 0; j < fields; j++) {
            int end = start;
            while (end < len && c[end] != delimiter) {
                end++;
            }
            if ((end == len) != (j == fields - 1)) {
                return null; // ragged
            }
            int from = start;
            int to = end;
            while (from < to && c[from] <= ' ') {
                from++;
            }
            while (to > from && c[to - 1] <= ' ') {
                to--;
            }
            if (j >= named) {
                if (from != to) {
                    return null; // a value in an unnamed trailing column
                }
            } else if (j == label) {
                if (from == to) {
                    return null; // missing label
                }
                rawLabel = new String(c, from, to - from);
            } else {
                if (!Numbers.hasNumberSyntax(c, from, to)) {
                    return null;
                }
                double v = Numbers.parseDouble(c, from, to - from);
                if (!Double.isFinite(v)) {
                    return null;
                }
                x[k++] = v;
            }
            start = end + 1;
        }
        return rawLabel;
    }
}
