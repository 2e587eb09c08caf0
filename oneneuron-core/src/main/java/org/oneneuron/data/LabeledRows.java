package org.oneneuron.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Rows collected by a reader (features plus a raw label each), turned into a {@link Dataset} with
 * ±1 labels once all classes are known.
 */
final class LabeledRows {
    /** Largest n·d in one Java array of doubles. */
    static final long MAX_DENSE_VALUES = Integer.MAX_VALUE - 8L;

    /**
     * Checks that {@code rows} rows of {@code d} values still fit: one Java array, and the heap by
     * {@link HeapCheck}'s rule (the estimate made before reading can be off; this cannot).
     *
     * @throws DataException       beyond one array's capacity
     * @throws HeapLimitException  beyond the heap
     */
    static void requireRoom(String source, long rows, long d) {
        if (rows * d > MAX_DENSE_VALUES) {
            throw new DataException(source, rows + " rows of " + d + " values exceed the " + MAX_DENSE_VALUES
                    + " values one dense data set can hold; use a subset");
        }
        HeapCheck.whileReading(source, rows, d);
    }

    private final DoubleList features = new DoubleList();
    private final List<String> labels = new ArrayList<>();
    private final IntList lines = new IntList();
    /** Whether the labels are declared class names (an ARFF nominal class), never values. */
    private final boolean declaredClasses;

    /** Rows of a label column whose numbers are values (CSV, LIBSVM, a numeric ARFF class). */
    LabeledRows() {
        this(false);
    }

    /** @param declaredClasses whether the labels are declared class names, e.g. {@code {0.5, 1.5}} in ARFF */
    LabeledRows(boolean declaredClasses) {
        this.declaredClasses = declaredClasses;
    }

    /** Adds one row; {@code x} is copied. */
    void add(double[] x, String rawLabel) {
        add(x, rawLabel, 0);
    }

    /** Adds one row read from the given line of the file (0: unknown); {@code x} is copied. */
    void add(double[] x, String rawLabel, int line) {
        features.addAll(x, 0, x.length);
        labels.add(Numbers.canonicalLabel(rawLabel));
        lines.add(line);
    }

    /** Adds x[offset, offset + d) with a label already in {@link Numbers#canonicalLabel} form. */
    void addCanonical(double[] x, int offset, int d, String label, int line) {
        features.addAll(x, offset, d);
        labels.add(label);
        lines.add(line);
    }

    int size() {
        return labels.size();
    }

    /**
     * Codes the labels, drops rows outside a chosen class pair, keeps the first {@code limit}.
     *
     * @param name         the data set's name
     * @param featureNames d names
     * @param labelColumn  the label column as messages should name it
     * @throws DataException when there are no rows, no features, or the labels do not make two classes
     */
    Dataset build(String name, List<String> featureNames, ReadOptions options, String source,
                  String labelColumn) {
        int d = featureNames.size();
        if (labels.isEmpty()) {
            throw new DataException(source, "no data rows; the file is empty or holds only a header");
        }
        if (d == 0) {
            throw new DataException(source, "no feature columns; only the label column " + labelColumn
                    + " was found"); // labelColumn is quoted where it is a name
        }
        if (options.classRule() == ReadOptions.ClassRule.IGNORE) {
            return withoutLabels(name, featureNames, options);
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>(labels);
        TargetCoding coding = TargetCoding.decide(distinct, options, source, labelColumn);
        if (coding.task() == Task.MULTICLASS && options.classes() == null && !declaredClasses) {
            requireWholeNumbers(distinct, source, labelColumn);
        }
        java.util.Map<String, Double> codes = coding.codes();
        int n = labels.size();
        int limit = options.limit() == 0 ? n : options.limit();
        int kept = 0;
        double[] y = new double[Math.min(n, limit)];
        double[] x = new double[y.length * d];
        for (int i = 0; i < n && kept < limit; i++) {
            double code;
            if (coding.task() == Task.REGRESSION) {
                code = Numbers.parse(labels.get(i), source, lines.get(i), labelColumn);
            } else {
                Double c = codes.get(labels.get(i));
                if (c == null && options.classRule() == ReadOptions.ClassRule.FIXED) {
                    throw notAClass(labels.get(i), coding, source, lines.get(i), labelColumn);
                }
                if (c == null) {
                    continue;
                }
                code = c;
            }
            features.copyTo(i * d, x, kept * d, d);
            y[kept++] = code;
        }
        if (kept < y.length) {
            y = java.util.Arrays.copyOf(y, kept);
            x = java.util.Arrays.copyOf(x, kept * d);
        }
        if (options.classRule() != ReadOptions.ClassRule.FIXED) {
            requireEveryClass(y, coding, source, labelColumn);
        }
        return new Dataset(name, x, y, d, featureNames, coding.classes(), null, coding.task());
    }

    /**
     * Multi-class numeric labels must be whole numbers: real values (0.37, 1.25, ...) are
     * regression targets, and one class per distinct value is never what was meant.
     *
     * @throws DataException naming the first real value and its line
     */
    private void requireWholeNumbers(Collection<String> distinct, String source, String labelColumn) {
        if (!distinct.stream().allMatch(Numbers::isNumber)) {
            return; // text labels: classes
        }
        for (String label : distinct) {
            double v = Double.parseDouble(label);
            if (v != Math.rint(v)) {
                throw new DataException(source, lines.get(labels.indexOf(label)), labelColumn, "label '" + label
                        + "' is not a whole number, and --task multiclass would make each of the " + distinct.size()
                        + " distinct values a class; for real-valued targets use --task regression (or pick the"
                        + " classes with --classes)");
            }
        }
    }

    /** Every row (up to the limit) with target 0 and no label names: rows to score, labels unread. */
    private Dataset withoutLabels(String name, List<String> featureNames, ReadOptions options) {
        int d = featureNames.size();
        int n = options.limit() == 0 ? labels.size() : Math.min(labels.size(), options.limit());
        double[] x = new double[n * d];
        features.copyTo(0, x, 0, n * d);
        return new Dataset(name, x, new double[n], d, featureNames, List.of());
    }

    /** A label outside a model's fixed classes ({@link ReadOptions.ClassRule#FIXED}). */
    static DataException notAClass(String label, TargetCoding coding, String source, int line, String labelColumn) {
        return new DataException(source, line, labelColumn, "label '" + Numbers.shorten(label)
                + "' is not one of the model's classes (" + LabelCoding.describe(coding.classes())
                + "); to leave rows of other classes out, pick the model's classes with --classes "
                + String.join(",", coding.classes()));
    }

    /** After a limit, a class may be gone: that is an error, not a silent smaller task. */
    static void requireEveryClass(double[] y, TargetCoding coding, String source, String labelColumn) {
        if (coding.task() == Task.BINARY) {
            requireBothClasses(y, coding.binary(), source, labelColumn);
            return;
        }
        if (coding.task() == Task.REGRESSION) {
            return;
        }
        int[] count = new int[coding.classes().size()];
        for (double v : y) {
            count[(int) v]++;
        }
        for (int k = 0; k < count.length; k++) {
            if (count[k] == 0) {
                throw new DataException(source, 0, labelColumn, "no sample of class '" + coding.classes().get(k)
                        + "' among the " + y.length + " kept; raise the limit or check the class choice");
            }
        }
    }

    /** After a limit, one class may be gone: that is an error, not a silent one-class data set. */
    static void requireBothClasses(double[] y, LabelCoding coding, String source, String labelColumn) {
        boolean pos = false;
        boolean neg = false;
        for (double v : y) {
            pos |= v > 0;
            neg |= v < 0;
        }
        if (!pos || !neg) {
            String missing = pos ? coding.negative() : coding.positive();
            throw new DataException(source, 0, labelColumn, "no sample of class '" + missing
                    + "' among the " + y.length + " kept; raise the limit or check the class choice");
        }
    }
}
