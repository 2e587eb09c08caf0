package org.oneneuron.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into trimmed fields. A field may be quoted with double quotes, inside which
 * the delimiter is plain text and {@code ""} is one quote. A null delimiter splits on runs of
 * spaces and tabs.
 */
final class CsvTokenizer {
    private static final char[] CANDIDATES = {',', ';', '\t'};
    /** Characters that separate columns in some files: a cell holding one of them may be two cells. */
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};

    private final Character delimiter;
    /** The delimiter unboxed (unused for whitespace). */
    private final char delimiterChar;
    /** Fields of the widest row so far: the next row's list starts that large. */
    private int expectedFields = 10;

    CsvTokenizer(Character delimiter) {
        this.delimiter = delimiter;
        this.delimiterChar = delimiter == null ? ' ' : delimiter;
    }

    /** Null for whitespace, else the delimiter. */
    Character delimiter() {
        return delimiter;
    }

    /**
     * Picks the delimiter from the first lines: among comma, semicolon and tab, the one found
     * (outside quotes) the same positive number of times on every sample line, the most frequent
     * winning; if none is consistent, the most frequent on the first line; if none occurs at all,
     * whitespace (null).
     */
    static Character detect(List<String> sample) {
        Character best = null;
        int bestCount = 0;
        Character fallback = null;
        int fallbackCount = 0;
        for (char c : CANDIDATES) {
            int first = countOutsideQuotes(sample.get(0), c);
            boolean consistent = first > 0;
            for (String line : sample) {
                consistent &= countOutsideQuotes(line, c) == first;
            }
            if (consistent && first > bestCount) {
                best = c;
                bestCount = first;
            }
            if (first > fallbackCount) {
                fallback = c;
                fallbackCount = first;
            }
        }
        return best != null ? best : fallback;
    }

    /**
     * A column separator (comma, semicolon, tab or '|') other than this tokenizer's delimiter that
     * the cell holds and the line holds outside quotes, or 0: the sign of a row that mixes
     * delimiters (a quoted cell may hold any of them).
     */
    char strayDelimiter(String cell, String line) {
        for (char c : SEPARATORS) {
            if (!isDelimiter(c) && cell.indexOf(c) >= 0 && countOutsideQuotes(line, c) > 0) {
                return c;
            }
        }
        return 0;
    }

    /** How messages name a delimiter: ',', ';', '|', tab or whitespace (null). */
    static String describe(Character delimiter) {
        if (delimiter == null) {
            return "whitespace";
        }
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    private static int countOutsideQuotes(String line, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    /**
     * @throws DataException for an unterminated quote or text after a closing quote
     */
    List<String> split(String line, String source, int lineNumber) {
        List<String> fields = new ArrayList<>(expectedFields);
        int i = 0;
        int len = line.length();
        if (delimiter == null) {
            i = skipBlanks(line, i);
        }
        while (true) {
            i = skipBlanks(line, i);
            if (i < len && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                int start = i;
                i++;
                while (true) {
                    if (i >= len) {
                        throw new DataException(source, lineNumber, String.valueOf(fields.size() + 1),
                                "unterminated quote starting at character " + (start + 1));
                    }
                    char ch = line.charAt(i);
                    if (ch == '"') {
                        if (i + 1 < len && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(ch);
                    i++;
                }
                if (delimiter != null) {
                    i = skipBlanks(line, i);
                }
                if (i < len && !isDelimiter(line.charAt(i))) {
                    throw new DataException(source, lineNumber, String.valueOf(fields.size() + 1),
                            "unexpected '" + line.charAt(i) + "' after a closing quote; expected a delimiter");
                }
                fields.add(field.toString());
            } else {
                int start = i;
                while (i < len && !isDelimiter(line.charAt(i))) {
                    i++;
                }
                fields.add(line.substring(start, i).trim());
            }
            if (i >= len) {
                expectedFields = Math.max(expectedFields, fields.size());
                return fields;
            }
            i++;
            if (delimiter == null) {
                i = skipBlanks(line, i);
                if (i >= len) {
                    return fields;
                }
            }
        }
    }

    private boolean isDelimiter(char ch) {
        return delimiter == null ? ch == ' ' || ch == '\t' : ch == delimiterChar;
    }

    private int skipBlanks(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')
                && !(delimiter != null && line.charAt(i) == delimiterChar)) {
            i++;
        }
        return i;
    }
}
