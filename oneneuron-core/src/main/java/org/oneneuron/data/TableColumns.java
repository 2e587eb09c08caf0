package org.oneneuron.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table file (CSV or ARFF) as its reader will take them, found from the first
 * lines alone, before any value is parsed: so a caller can check the feature columns (against a
 * saved model's, say) before a cell's value or a label is judged.
 *
 * @param names  every column's name: the header's, or {@code x1..xk} without one
 * @param header whether the names come from the file (a CSV header, ARFF attributes)
 * @param label  the 0-based index of the label column, or -1 when every column is a feature
 */
public record TableColumns(List<String> names, boolean header, int label) {

    public TableColumns {
        names = List.copyOf(names);
    }

    /** The feature columns' names, in file order (every column but the label's). */
    public List<String> featureNames() {
        List<String> features = new ArrayList<>(names);
        if (label >= 0) {
            features.remove(label);
        }
        return features;
    }

    /** The label column's name, or null when every column is a feature. */
    public String labelName() {
        return label < 0 ? null : names.get(label);
    }
}
