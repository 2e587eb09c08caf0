package org.oneneuron.data;

import java.util.List;
import java.util.Locale;

/**
 * How to read a data file. Every reader takes the same options and ignores the ones that do not
 * apply to its format (a CSV has no IDX limit, an IDX file has no delimiter).
 *
 * @param labelColumn which column holds the label: a header name, or a 1-based index; null means
 *                    the last column (CSV, ARFF). A name is tried first, so a column named "3"
 *                    is found by name before index 3 is used.
 * @param positive    the label that becomes +1; null means the default rule (see {@link LabelCoding})
 * @param negative    the label that becomes -1; with {@code positive} it picks two classes out of
 *                    more, and rows of other classes are dropped; null means "the other class"
 * @param delimiter   CSV delimiter; null means detect (comma, semicolon, tab, whitespace)
 * @param header      CSV header row: yes, no, or detect
 * @param dimension   number of features for LIBSVM (indices above it are an error); 0 means the
 *                    largest index in the file
 * @param limit       keep only the first {@code limit} samples (after class selection); 0 means all
 * @param task        binary, multiclass or regression; null means inferred from the labels ({@link TargetCoding})
 * @param classes     the classes to keep, in index order (two: also the negative and positive
 *                    class); null means every class
 * @param threads     threads that parse a CSV's rows (1: the calling thread alone); the data set
 *                    and any error are the same for every count
 * @param classRule   how the chosen classes bind the labels: picked out of more (the default), a
 *                    model's fixed classes, or labels ignored ({@link ClassRule})
 */
public record ReadOptions(String labelColumn, String positive, String negative, Character delimiter,
                          Header header, int dimension, int limit, Task task, List<String> classes, int threads,
                          ClassRule classRule) {

    /** How the chosen classes bind a file's labels. */
    public enum ClassRule {
        /** The chosen classes are picked out: each must occur; rows of other classes are dropped. */
        PICK,
        /** The chosen classes are all there are (a model's): any may be absent; another label is an error. */
        FIXED,
        /** Labels are not read: every row is kept, with target 0 and no label names (rows to score). */
        IGNORE
    }

    /** Whether the first CSV row holds column names. */
    public enum Header {
        /** The first row is a header when one of its cells is not a number where the second row's is. */
        AUTO,
        YES,
        NO;

        /** Parses "auto", "yes"/"true", "no"/"false" (any case). */
        public static Header parse(String word) {
            return switch (word.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "yes", "true" -> YES;
                case "no", "false" -> NO;
                default -> throw new IllegalArgumentException(
                        "header must be auto, yes or no, got '" + word + "'");
            };
        }
    }

    public ReadOptions {
        if (labelColumn != null && labelColumn.isBlank()) {
            throw new IllegalArgumentException("labelColumn must not be blank (use null for the last column)");
        }
        if (positive != null && positive.isBlank()) {
            throw new IllegalArgumentException("positive label must not be blank");
        }
        if (negative != null && negative.isBlank()) {
            throw new IllegalArgumentException("negative label must not be blank");
        }
        if (positive != null && negative != null && LabelCoding.sameLabel(positive, negative)) {
            throw new IllegalArgumentException("positive and negative label are the same: '"
                    + positive + "'");
        }
        if (delimiter != null && (delimiter == '"' || delimiter == '\'' || delimiter == '\n'
                || delimiter == '\r')) {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break, got '"
                    + delimiter + "'");
        }
        if (header == null) {
            throw new IllegalArgumentException("header must be AUTO, YES or NO, got null");
        }
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0 (0 = from the data), got " + dimension);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all samples), got " + limit);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        classes = classes == null ? null : List.copyOf(classes);
        if (classRule == null) {
            throw new IllegalArgumentException("classRule must be PICK, FIXED or IGNORE, got null");
        }
    }

    /** Last column is the label, default label rule, detected delimiter and header, no limit. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, null, Header.AUTO, 0, 0, null, null, 1, ClassRule.PICK);
    }

    public ReadOptions withLabelColumn(String column) {
        return new ReadOptions(column, positive, negative, delimiter, header, dimension, limit, task, classes,
                threads, classRule);
    }

    public ReadOptions withPositive(String label) {
        return new ReadOptions(labelColumn, label, negative, delimiter, header, dimension, limit, task, classes,
                threads, classRule);
    }

    /** Picks two classes: {@code negativeLabel} becomes -1, {@code positiveLabel} +1. */
    public ReadOptions withClasses(String negativeLabel, String positiveLabel) {
        return new ReadOptions(labelColumn, positiveLabel, negativeLabel, delimiter, header, dimension, limit, task,
                classes, threads, classRule);
    }

    /**
     * Picks classes from a spec: "NEG,POS", e.g. "4,9" for MNIST 4 (-1) versus 9 (+1) (a binary
     * task unless {@code --task multiclass}), or three or more labels, e.g. "0,1,2", kept in that
     * order as a multi-class task's classes 0..K-1.
     *
     * @throws IllegalArgumentException when the spec is not two or more distinct comma-separated labels
     */
    public ReadOptions withClasses(String spec) {
        String[] parts = spec.split(",", -1);
        boolean blank = false;
        for (String p : parts) {
            blank |= p.isBlank();
        }
        if (parts.length < 2 || blank) {
            throw new IllegalArgumentException("expected two labels NEGATIVE,POSITIVE (e.g. 4,9) or three or more"
                    + " for a multi-class task (e.g. 0,1,2), got '" + spec + "'");
        }
        List<String> list = java.util.Arrays.stream(parts).map(String::trim).toList();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String c : list) {
            if (!seen.add(Numbers.canonicalLabel(c))) {
                throw new IllegalArgumentException("class '" + c + "' is given twice in '" + spec
                        + "'; name each class once");
            }
        }
        ReadOptions o = new ReadOptions(labelColumn, positive, negative, delimiter, header, dimension, limit, task, list,
                threads, classRule);
        return list.size() == 2 ? o.withClasses(list.get(0), list.get(1)) : o;
    }

    /** Keeps these classes, in this order (two: also the negative and the positive class). */
    public ReadOptions withClassList(List<String> list) {
        ReadOptions o = new ReadOptions(labelColumn, positive, negative, delimiter, header, dimension, limit, task, list,
                threads, classRule);
        return list.size() == 2 ? o.withClasses(list.get(0), list.get(1)) : o;
    }

    /** The task; null infers it from the labels. */
    public ReadOptions withTask(Task t) {
        return new ReadOptions(labelColumn, positive, negative, delimiter, header, dimension, limit, t, classes,
                threads, classRule);
    }

    public ReadOptions withDelimiter(Character c) {
        return new ReadOptions(labelColumn, positive, negative, c, header, dimension, limit, task, classes,
                threads, classRule);
    }

    public ReadOptions withHeader(Header h) {
        return new ReadOptions(labelColumn, positive, negative, delimiter, h, dimension, limit, task, classes,
                threads, classRule);
    }

    public ReadOptions withDimension(int d) {
        return new ReadOptions(labelColumn, positive, negative, delimiter, header, d, limit, task, classes,
                threads, classRule);
    }

    /** Parses a CSV's rows on {@code n} threads (the same data set and errors as on one). */
    public ReadOptions withThreads(int n) {
        return new ReadOptions(labelColumn, positive, negative, delimiter, header, dimension, limit, task, classes,
                n, classRule);
    }

    /** How the chosen classes bind the labels ({@link ClassRule}). */
    public ReadOptions withClassRule(ClassRule rule) {
        return new ReadOptions(labelColumn, positive, negative, delimiter, header, dimension, limit, task, classes,
                threads, rule);
    }

    public ReadOptions withLimit(int n) {
        return new ReadOptions(labelColumn, positive, negative, delimiter, header, dimension, n, task, classes,
                threads, classRule);
    }
}
