package org.oneneuron.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;

/**
 * Matches a data set's feature columns to a model's features by name: a header that names the
 * model's features in another order is put in the model's order; one that names other columns is
 * refused. Names a reader makes up (x1, x2, ... for a CSV without a header; f1, ... for LIBSVM;
 * v1, ... and pixel_R_C for IDX) mean nothing, so such data, and models trained on such data, are
 * matched by position.
 */
final class FeatureOrder {

    private static final Pattern GENERATED = Pattern.compile("[xfv]\\d+|pixel_\\d+_\\d+");
    private static final int LISTED_NAMES = 20;

    private FeatureOrder() {
    }

    /** Whether both lists are real names (neither made up by a reader), so that names decide. */
    static boolean byName(List<String> modelNames, List<String> dataNames) {
        return !generated(modelNames) && !generated(dataNames);
    }

    /** Whether {@code dataNames} are the model's feature names, in any order, each once. */
    static boolean sameNames(List<String> modelNames, List<String> dataNames) {
        HashSet<String> distinct = new HashSet<>(dataNames);
        return dataNames.size() == modelNames.size() && distinct.size() == dataNames.size()
                && distinct.equals(new HashSet<>(modelNames));
    }

    /**
     * {@code data} with its features in the model's order: unchanged when names do not decide or
     * already agree, permuted when they are the model's names in another order.
     *
     * @throws DataException naming {@code source}, the missing and the unexpected columns, when
     *                       the names are not the model's
     */
    static Dataset toModelOrder(List<String> modelNames, Dataset data, String source) {
        List<String> names = data.featureNames();
        if (!byName(modelNames, names) || names.equals(modelNames)) {
            return data;
        }
        if (!sameNames(modelNames, names)) {
            throw mismatch(modelNames, names, source);
        }
        return reordered(data, modelNames);
    }

    private static boolean generated(List<String> names) {
        return names.stream().allMatch(n -> GENERATED.matcher(n).matches());
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
        List<String> missing = new ArrayList<>(modelNames);
        missing.removeAll(names);
        List<String> unexpected = new ArrayList<>(names);
        unexpected.removeAll(modelNames);
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + listed(missing));
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected " + listed(unexpected));
        }
        if (parts.isEmpty()) {
            parts.add("a column named twice");
        }
        return new DataException(source, "the feature columns do not match the model's features: "
                + String.join("; ", parts) + " (the model's features: " + listed(modelNames)
                + "; the label column is the last one unless --label names it)");
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
