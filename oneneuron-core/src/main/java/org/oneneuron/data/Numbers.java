package org.oneneuron.data;

import com.fasterxml.jackson.core.io.NumberInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** Strict parsing of numeric cells: plain decimal or scientific notation, finite, nothing else. */
final class Numbers {
    private static final Pattern NON_FINITE =
            Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private Numbers() {
    }

    /** Whether {@code cell} (already trimmed) is a finite number in plain or scientific notation. */
    static boolean isNumber(String cell) {
        if (!hasNumberSyntax(cell)) {
            return false;
        }
        return Double.isFinite(Double.parseDouble(cell));
    }

    /**
     * Parses a trimmed cell as a finite double.
     *
     * @throws DataException naming the cell's place and why it is not a finite number
     */
    static double parse(String cell, String source, int line, String column) {
        if (hasNumberSyntax(cell)) {
            double v = parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
            throw new DataException(source, line, column, "value '" + shorten(cell)
                    + "' overflows a double; expected a finite number");
        }
        if (cell.isEmpty()) {
            throw new DataException(source, line, column, "missing value (empty cell); expected a number");
        }
        if (cell.equals("?") || cell.equalsIgnoreCase("NA")) {
            throw new DataException(source, line, column, "missing value '" + cell
                    + "'; expected a number (remove or impute missing values first)");
        }
        if (NON_FINITE.matcher(cell).matches()) {
            throw new DataException(source, line, column, "value '" + cell
                    + "' is not finite (NaN or Inf); expected a finite number");
        }
        throw new DataException(source, line, column, "value '" + shorten(cell) + "' is not a number");
    }

    /**
     * What is wrong with a label cell (already trimmed), or null when it may name a class or a
     * target. A label is a class name or a finite number: an empty cell, {@code ?} and {@code NA}
     * (any case) are missing labels, NaN/Inf and numbers that overflow a double are not finite
     * (docs/DATA.md). Cheap for the common label (a short number or word).
     */
    static String labelProblem(String cell) {
        if (cell.isEmpty()) {
            return "missing label (empty cell)";
        }
        if (cell.equals("?") || cell.equalsIgnoreCase("NA")) {
            return "missing label '" + cell + "'; every row needs a label (drop or label the rows without one)";
        }
        if (cell.length() <= 9 && mayBeNonFinite(cell) && NON_FINITE.matcher(cell).matches()) {
            return "value '" + cell + "' is not finite (NaN or Inf); a label is a class name or a finite number";
        }
        if ((cell.indexOf('e') >= 0 || cell.indexOf('E') >= 0 || cell.length() > 300) && hasNumberSyntax(cell)
                && !Double.isFinite(parseDouble(cell))) {
            return "value '" + shorten(cell) + "' overflows a double; a label is a class name or a finite number";
        }
        return null;
    }

    /** Whether s starts, after a sign, with the first letter of NaN or Inf (a test before the pattern's). */
    private static boolean mayBeNonFinite(String s) {
        char c = s.charAt(0) == '+' || s.charAt(0) == '-' ? (s.length() > 1 ? s.charAt(1) : ' ') : s.charAt(0);
        return c == 'n' || c == 'N' || c == 'i' || c == 'I';
    }

    /**
     * Checks a label cell by {@link #labelProblem}.
     *
     * @throws DataException naming the cell's place and what is wrong with it
     */
    static void checkLabel(String cell, String source, int line, String column) {
        String problem = labelProblem(cell);
        if (problem != null) {
            throw new DataException(source, line, column, problem);
        }
    }

    /**
     * {@link Double#parseDouble} of a cell with number syntax, by Jackson's bundled
     * FastDoubleParser (correctly rounded like the JDK's, in about two thirds of its time on a
     * CSV of random numbers: text files are mostly this call). The same bits as
     * {@code Double.parseDouble} (NumbersTest).
     */
    static double parseDouble(String cell) {
        return NumberInput.parseDouble(cell, true);
    }

    /** {@link #parseDouble(String)} of the characters [offset, offset + length) of chars. */
    static double parseDouble(char[] chars, int offset, int length) {
        return NumberInput.parseDouble(chars, offset, length, true);
    }

    /**
     * Whether s matches {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?} (ASCII digits), checked
     * by one scan instead of a regular expression because readers call it for every cell.
     */
    static boolean hasNumberSyntax(String s) {
        return hasNumberSyntax(s.toCharArray(), 0, s.length());
    }

    /** {@link #hasNumberSyntax(String)} of the characters [from, to) of s. */
    static boolean hasNumberSyntax(char[] s, int from, int to) {
        int i = from;
        if (i < to && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < to && isDigit(s[i])) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < to && s[i] == '.') {
            i++;
            while (i < to && isDigit(s[i])) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < to && (s[i] == 'e' || s[i] == 'E')) {
            i++;
            if (i < to && (s[i] == '+' || s[i] == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < to && isDigit(s[i])) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The canonical text of a label: a number is written in one form ("+1", "1.0" and "1" are all
     * "1"), any other text is kept as it is.
     */
    static String canonicalLabel(String raw) {
        String s = raw.trim();
        if (!isNumber(s)) {
            return s;
        }
        double v = Double.parseDouble(s) + 0.0;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** A cell cut to 40 characters for messages. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
