package org.oneneuron.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.oneneuron.data.BuiltinDataset;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.Task;
import picocli.CommandLine.Option;

/** How to read a data argument: which column is the label, the task, and which classes are kept. */
public final class DataOptions {

    /** The meaning of {@code --label}. */
    public static final String LABEL = "Label column: a header name or 1-based index; default: the last column.";
    /** The meaning of {@code --positive}. */
    public static final String POSITIVE = "The label that becomes +1; default: the data set's rule (e.g. the"
            + " minority or the larger label).";
    /** The meaning of {@code --classes}. */
    public static final String CLASSES = "Pick classes out of more, other rows dropped: two NEG,POS (a binary"
            + " task, e.g. 4,9 for MNIST) or three or more (a multi-class task, in that order).";
    /** The meaning of {@code --task}. */
    public static final String TASK = "binary, multiclass or regression; default: inferred from the label column"
            + " (two labels: binary; text or at most 100 distinct integers: multiclass; other numbers: regression).";

    @Option(names = "--label", paramLabel = "COL", description = LABEL)
    String label;

    @Option(names = "--positive", paramLabel = "LABEL", description = POSITIVE)
    String positive;

    @Option(names = "--classes", paramLabel = "LIST", description = CLASSES)
    String classes;

    @Option(names = "--task", paramLabel = "TASK", description = TASK)
    String task;

    /** The reader options these flags describe. */
    public ReadOptions readOptions() {
        ReadOptions options = ReadOptions.defaults();
        if (task != null) {
            try {
                options = options.withTask(Task.parse(task));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--task: " + e.getMessage(), e);
            }
        }
        if (label != null) {
            if (label.isBlank()) {
                throw new IllegalArgumentException("--label must not be blank; leave it out for the last column");
            }
            options = options.withLabelColumn(label);
        }
        if (classes != null) {
            if (positive != null) {
                throw new IllegalArgumentException("--positive and --classes both choose the +1 class;"
                        + " give one of them");
            }
            try {
                options = options.withClasses(classes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--classes: " + e.getMessage(), e);
            }
        } else if (positive != null) {
            try {
                options = options.withPositive(positive);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--positive: " + e.getMessage(), e);
            }
        }
        return options;
    }

    /** Reads a file path or a built-in data set name. */
    public Dataset load(String pathOrBuiltin) {
        return load(pathOrBuiltin, 1);
    }

    /** Reads a file path or a built-in data set name, a CSV's rows parsed on {@code threads} threads. */
    public Dataset load(String pathOrBuiltin, int threads) {
        return checked(pathOrBuiltin, Datasets.resolve(pathOrBuiltin, readOptions().withThreads(threads)));
    }

    /**
     * {@code data}, read from {@code pathOrBuiltin}, unless the flags ask what a built-in data set
     * cannot give: it has its own label column and classes (so --label, --positive and --classes
     * would be ignored) and its own task (--task must name it).
     */
    Dataset checked(String pathOrBuiltin, Dataset data) {
        if (!builtin(pathOrBuiltin)) {
            if (label != null && !Datasets.hasLabelColumn(Path.of(pathOrBuiltin))) {
                throw new IllegalArgumentException("--label is for CSV and ARFF files; " + pathOrBuiltin
                        + " is IDX (labels in its labels file) or LIBSVM (the label first on each row)");
            }
            return data;
        }
        String name = pathOrBuiltin.split(":", 2)[0].trim();
        String flag = label != null ? "--label" : positive != null ? "--positive" : classes != null ? "--classes" : null;
        if (flag != null) {
            throw new IllegalArgumentException(flag + " is for data files; the built-in data set '" + name
                    + "' has its own " + (data.labelNames().isEmpty() ? "targets"
                    : "labels (" + String.join(", ", data.labelNames()) + ")"));
        }
        if (task != null && Task.parse(task) != data.task()) {
            throw new IllegalArgumentException("--task " + task + " does not fit the built-in data set '" + name
                    + "', a " + data.task().word() + " task");
        }
        return data;
    }

    /** Whether {@code pathOrBuiltin} names a built-in data set (no file of that name exists). */
    public static boolean builtin(String pathOrBuiltin) {
        try {
            if (Files.exists(Path.of(pathOrBuiltin))) {
                return false;
            }
        } catch (InvalidPathException e) {
            // not a path: a built-in's parameters may hold characters no path can
        }
        String name = pathOrBuiltin.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Datasets.builtins().stream().map(BuiltinDataset::name).anyMatch(name::equals);
    }
}
