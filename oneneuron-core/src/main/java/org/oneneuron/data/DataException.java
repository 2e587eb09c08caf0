package org.oneneuron.data;

/**
 * Bad input data: the one error type readers and checks throw. The message names the source
 * (file or option), and where known the 1-based line and the column, e.g.
 * {@code wdbc.csv, line 17, column 'label': value 'yes' is not a number}.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String column;

    /**
     * @param source file name or option the data came from
     * @param line   1-based line number, or 0 when not applicable
     * @param column column name or 1-based index, or null when not applicable
     * @param detail what is wrong, naming the bad value and what was expected
     */
    public DataException(String source, int line, String column, String detail) {
        super(format(source, line, column, detail));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public DataException(String source, String detail) {
        this(source, 0, null, detail);
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** Column name or index, or null. */
    public String column() {
        return column;
    }

    private static String format(String source, int line, String column, String detail) {
        StringBuilder sb = new StringBuilder(source == null ? "data" : source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(detail).toString();
    }
}
