package org.oneneuron.cli;

import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import picocli.CommandLine.Option;

/** How to read a data argument: which column is the label and which classes become ±1. */
public final class DataOptions {

    /** The meaning of {@code --label}. */
    public static final String LABEL = "Label column: a header name or 1-based index; default: the last column.";
    /** The meaning of {@code --positive}. */
    public static final String POSITIVE = "The label that becomes +1; default: the data set's rule (e.g. the"
            + " minority or the larger label).";
    /** The meaning of {@code --classes}. */
    public static final String CLASSES = "Pick two classes NEG,POS out of more, e.g. 4,9 for MNIST; other"
            + " rows are dropped.";

    @Option(names = "--label", paramLabel = "COL", description = LABEL)
    String label;

    @Option(names = "--positive", paramLabel = "LABEL", description = POSITIVE)
    String positive;

    @Option(names = "--classes", paramLabel = "NEG,POS", description = CLASSES)
    String classes;

    /** The reader options these flags describe. */
    public ReadOptions readOptions() {
        ReadOptions options = ReadOptions.defaults();
        if (label != null) {
            options = options.withLabelColumn(label);
        }
        if (classes != null) {
            if (positive != null) {
                throw new IllegalArgumentException("--positive and --classes both choose the +1 class;"
                        + " give one of them");
            }
            options = options.withClasses(classes);
        } else if (positive != null) {
            options = options.withPositive(positive);
        }
        return options;
    }

    /** Reads a file path or a built-in data set name. */
    public Dataset load(String pathOrBuiltin) {
        return Datasets.resolve(pathOrBuiltin, readOptions());
    }
}
