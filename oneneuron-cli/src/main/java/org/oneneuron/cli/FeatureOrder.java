package org.oneneuron.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.TableColumns;

/**
 * Matches a data set's feature columns to a model's features by name: a header that names the
 * model's features in another order is put in the model's order; one that names other columns is
 * refused. Names a reader makes up (x1, x2, ... for a CSV without a header; f1, ... for LIBSVM;
 * v0, ... and pixel_R_C for IDX) mean nothing, so such data, and models trained on such data, are
 * matched by position. A reader makes them up in order, so a model's names out of that order
 * (x2, x1) are real; data's names are real when its file gave them (a header), so a header
 * x2, x1 for a model of x1, x2 is read by name, not taken for made-up names by its looks.
 */
final class FeatureOrder {

    private static final Pattern GENERATED = Pattern.compile("[xfv]\\d+|pixel_\\d+_\\d+");
    private static final int LISTED_NAMES = 20;
    /** Where the label column comes from, for messages. */
    private static final String LABEL_RULE = " (the last column unless --label names another)";

    private FeatureOrder() {
    }

    /**
     * Whether names decide: the data's names are real ({@code dataNamed}: its file gave them) and
     * the model's are too, or the data names exactly the model's features (whose names then are
     * real, or made up in the order the data's header repeats).
     */
    static boolean byName(List<String> modelNames, List<String> dataNames, boolean dataNamed) {
        return dataNamed && (!generated(modelNames) || sameNames(modelNames, dataNames));
    }

    /** Whether a data set's own names are real: not the ones a reader makes up. */
    static boolean named(List<String> dataNames) {
        return !generated(dataNames);
    }

    /**
     * Whether {@code dataNames} are the model's feature names: in its order, or in any order when
     * each is named once (a name given twice says nothing of which column is which).
     */
    static boolean sameNames(List<String> modelNames, List<String> dataNames) {
        HashSet<String> distinct = new HashSet<>(dataNames);
        return dataNames.equals(modelNames) || dataNames.size() == modelNames.size()
                && distinct.size() == dataNames.size() && distinct.equals(new HashSet<>(modelNames));
    }

    /**
     * {@code data} with its features in the model's order: unchanged when names do not decide or
     * already agree, permuted when they are the model's names in another order.
     *
     * @param dataNamed whether the data's feature names came from its file ({@link #named} when
     *                  only the data set is at hand)
     * @throws DataException naming {@code source}, the missing and the unexpected columns, when
     *                       the names are not the model's
     */
    static Dataset toModelOrder(List<String> modelNames, Dataset data, String source, boolean dataNamed) {
        List<String> names = data.featureNames();
        if (!byName(modelNames, names, dataNamed) || names.equals(modelNames)) {
            return data;
        }
        if (!sameNames(modelNames, names)) {
            throw mismatch(modelNames, names, source);
        }
        return reordered(data, modelNames);
    }

    /**
     * Checks a file's columns against the model's features before any value or label is read, so
     * that a file made for another model is named as such, not by its first cell that this model
     * cannot read: by name when names decide (the model's features, in any order), else by count.
     *
     * @param columns the file's columns as its reader will take them (the label's, if any, apart)
     * @throws DataException naming {@code source}, the model's features and the file's columns
     */
    static void requireModelFeatures(List<String> modelNames, TableColumns columns, String source) {
        List<String> names = columns.featureNames();
        if (byName(modelNames, names, columns.header())) {
            if (!sameNames(modelNames, names)) {
                throw mismatch(modelNames, names, source, fileColumns(columns));
            }
        } else if (names.size() != modelNames.size()) {
            throw new DataException(source, expects(modelNames) + "; the file has " + columns.names().size()
                    + (columns.names().size() == 1 ? " column" : " columns") + (columns.header() ? " ("
                    + listed(columns.names()) + ")" : " and no header") + ", read as " + names.size()
                    + (names.size() == 1 ? " feature" : " features") + (columns.label() < 0 ? " (no label column)"
                    : " and the label in " + (columns.header() ? "'" + columns.labelName() + "'"
                    : "column " + (columns.label() + 1)) + LABEL_RULE));
        }
    }

    /** "the model expects 3 features per sample ('size', 'rooms', 'age')", names only when real. */
    private static String expects(List<String> modelNames) {
        return "the model expects " + modelNames.size() + (modelNames.size() == 1 ? " feature" : " features")
                + " per sample" + (generated(modelNames) ? "" : " (" + listed(modelNames) + ")");
    }

    /** How a file's columns were read, for the mismatch message. */
    private static String fileColumns(TableColumns columns) {
        return "the file has the columns " + listed(columns.names()) + (columns.label() < 0
                ? ", all read as features (no label column)"
                : ", with '" + columns.labelName() + "' read as the label" + LABEL_RULE);
    }

    /** Names as a reader makes them up: each of its pattern, in its order (x1, x2, ...; pixel_0_0, pixel_0_1, ...). */
    private static boolean generated(List<String> names) {
        if (!names.stream().allMatch(n -> GENERATED.matcher(n).matches())) {
            return false;
        }
        for (int j = 1; j < names.size(); j++) {
            if (!before(names.get(j - 1), names.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** Whether made-up name {@code a} comes before {@code b}: the same kind, a smaller position. */
    private static boolean before(String a, String b) {
        if (a.charAt(0) != b.charAt(0)) {
            return false;
        }
        String[] x = a.substring(1).replaceFirst("^ixel_", "").split("_");
        String[] y = b.substring(1).replaceFirst("^ixel_", "").split("_");
        for (int k = 0; k < x.length; k++) {
            int c = new BigInteger(x[k]).compareTo(new BigInteger(y[k]));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    private static Dataset reordered(Dataset data, List<String> order) {
        int d = data.d();
        int[] from = new int[d];
        for (int j = 0; j < d; j++) {
            from[j] = data.featureNames().indexOf(order.get(j));
        }
        double[] x = new double[data.x().length];
        for (int i = 0; i < data.n(); i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = data.x()[i * d + from[j]];
            }
        }
        return new Dataset(data.name(), x, data.y(), d, order, data.labelNames(), data.shape(), data.task());
    }

    private static DataException mismatch(List<String> modelNames, List<String> names, String source) {
        return mismatch(modelNames, names, source, "the file's feature columns are " + listed(names)
                + " (the label column is the last one unless --label names another)");
    }

    /** "the model expects ...; {fileColumns}: missing ...; unexpected ...". */
    private static DataException mismatch(List<String> modelNames, List<String> names, String source,
                                          String fileColumns) {
        List<String> missing = new ArrayList<>(modelNames);
        missing.removeAll(names);
        List<String> unexpected = new ArrayList<>(names);
        unexpected.removeAll(modelNames);
        List<String> parts = new ArrayList<>();
        if (missing.size() == modelNames.size() && unexpected.size() == names.size()) {
            parts.add("no feature column in common"); // both lists are in the message already
        } else {
            if (!missing.isEmpty()) {
                parts.add("missing " + listed(missing));
            }
            if (!unexpected.isEmpty()) {
                parts.add("unexpected " + listed(unexpected));
            }
        }
        if (parts.isEmpty()) {
            parts.add("a column named twice");
        }
        return new DataException(source, expects(modelNames) + "; " + fileColumns + ": " + String.join("; ", parts));
    }

    private static String listed(List<String> names) {
        List<String> shown = new ArrayList<>();
        for (String n : names.subList(0, Math.min(names.size(), LISTED_NAMES))) {
            shown.add("'" + n + "'");
        }
        return String.join(", ", shown) + (names.size() > LISTED_NAMES
                ? " and " + (names.size() - LISTED_NAMES) + " more" : "");
    }
}
