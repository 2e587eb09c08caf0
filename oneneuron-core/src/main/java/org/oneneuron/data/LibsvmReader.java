package org.oneneuron.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads LIBSVM / SVMlight sparse text: one sample per line, {@code LABEL INDEX:VALUE ...}, indices
 * 1-based and strictly increasing, missing indices are 0. A {@code qid:N} pair is ignored, text
 * after {@code #} is a comment, blank lines are skipped. d is the largest index unless
 * {@link ReadOptions#dimension()} fixes it. Features are named f1..fd.
 */
public final class LibsvmReader {
    private LibsvmReader() {
    }

    public static Dataset read(Path file, ReadOptions options) {
        try (InputStream in = TextLines.open(file)) {
            return read(in, file.toString(), CsvReader.fileName(file), options);
        } catch (IOException e) {
            throw new DataException(file.toString(), "cannot close: " + e.getMessage());
        }
    }

    /** Reads a stream (not closed here); {@code source} names it in messages. */
    public static Dataset read(InputStream in, String source, String name, ReadOptions options) {
        TextLines lines = new TextLines(in, source);
        List<String> labels = new ArrayList<>();
        IntList rowStart = new IntList();
        IntList labelLines = new IntList();
        IntList indices = new IntList();
        DoubleList values = new DoubleList();
        int maxIndex = 0;
        String line;
        while ((line = lines.next()) != null) {
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            int lineNumber = lines.lineNumber();
            String[] tokens = content.split("[ \t]+");
            if (tokens[0].indexOf(':') >= 0) {
                throw new DataException(source, lineNumber, null, "line starts with '" + Numbers.shorten(tokens[0])
                        + "'; expected a label before the INDEX:VALUE pairs");
            }
            Numbers.checkLabel(tokens[0], source, lineNumber, "label");
            labels.add(tokens[0]);
            labelLines.add(lineNumber);
            rowStart.add(indices.size());
            int previous = 0;
            for (int t = 1; t < tokens.length; t++) {
                String token = tokens[t];
                int colon = token.indexOf(':');
                if (colon <= 0 || colon == token.length() - 1) {
                    throw new DataException(source, lineNumber, null, "bad pair '" + Numbers.shorten(token)
                            + "' (" + pair(t) + "); expected INDEX:VALUE");
                }
                String key = token.substring(0, colon);
                if (key.equals("qid")) {
                    continue;
                }
                int index = parseIndex(key, source, lineNumber, t);
                if (index <= previous) {
                    throw new DataException(source, lineNumber, key, "index " + index + " after index " + previous
                            + "; indices must be 1-based and strictly increasing");
                }
                if (options.dimension() > 0 && index > options.dimension()) {
                    throw new DataException(source, lineNumber, key, "index " + index
                            + " exceeds the given dimension " + options.dimension());
                }
                previous = index;
                indices.add(index - 1);
                values.add(Numbers.parse(token.substring(colon + 1), source, lineNumber, key));
            }
            maxIndex = Math.max(maxIndex, previous);
        }
        if (labels.isEmpty()) {
            throw new DataException(source, "empty file: no data rows");
        }
        int d = options.dimension() > 0 ? options.dimension() : maxIndex;
        if (d == 0) {
            throw new DataException(source, "no features: no line has an INDEX:VALUE pair");
        }
        LabeledRows.requireRoom(source, labels.size(), d);
        LabeledRows rows = new LabeledRows();
        double[] x = new double[d];
        for (int i = 0; i < labels.size(); i++) {
            java.util.Arrays.fill(x, 0.0);
            int end = i + 1 < labels.size() ? rowStart.get(i + 1) : indices.size();
            for (int k = rowStart.get(i); k < end; k++) {
                x[indices.get(k)] = values.get(k);
            }
            rows.add(x, labels.get(i), labelLines.get(i));
        }
        List<String> names = new ArrayList<>(d);
        for (int j = 1; j <= d; j++) {
            names.add("f" + j);
        }
        return rows.build(name, names, options, source, "label");
    }

    /** How messages place the t-th INDEX:VALUE pair of a line (1-based, after the label). */
    private static String pair(int t) {
        return "pair " + t + " after the label";
    }

    /** The largest feature index: a Java array's length limit. */
    private static final int MAX_INDEX = Integer.MAX_VALUE - 8;

    private static int parseIndex(String key, String source, int lineNumber, int t) {
        if (!key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DataException(source, lineNumber, null, "bad index '" + Numbers.shorten(key)
                    + "' (" + pair(t) + "); expected a positive integer");
        }
        String digits = key.replaceFirst("^0+(?=.)", "");
        long index = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits); // 19 digits may overflow a long
        if (index > MAX_INDEX) {
            throw new DataException(source, lineNumber, null, "index " + Numbers.shorten(key) + " is too large ("
                    + pair(t) + "); indices are at most " + MAX_INDEX);
        }
        if (index < 1) {
            throw new DataException(source, lineNumber, null, "index " + key
                    + " out of range (" + pair(t) + "); indices are 1-based and at most " + MAX_INDEX);
        }
        return (int) index;
    }
}
