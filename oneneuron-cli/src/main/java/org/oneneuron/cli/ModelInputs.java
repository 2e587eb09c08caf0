package org.oneneuron.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.oneneuron.data.CsvReader;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.Task;
import org.oneneuron.run.HeldOutSplit;
import org.oneneuron.run.Model;

/**
 * Reads data for an existing model: by default its ±1 classes are the model's label names; a
 * part ({@code --split}) is cut by the model's recorded split; a CSV without a label column is read
 * as features only.
 */
public final class ModelInputs {

    private ModelInputs() {
    }

    /**
     * The data set named by {@code pathOrBuiltin}, read with the user's options, or when they choose
     * no classes, with the model's own labels as -1 and +1.
     */
    public static Dataset load(Model model, DataOptions options, String pathOrBuiltin) {
        return options.checked(pathOrBuiltin, resolve(model, options.readOptions(), pathOrBuiltin));
    }

    private static Dataset resolve(Model model, ReadOptions read, String pathOrBuiltin) {
        if (model.task() == Task.MULTICLASS) {
            // the model's classes in its output order, whatever the file's own order
            read = read.withTask(Task.MULTICLASS);
            return Datasets.resolve(pathOrBuiltin, read.classes() == null ? read.withClassList(model.labelNames()) : read);
        }
        if (model.task() == Task.REGRESSION) {
            return Datasets.resolve(pathOrBuiltin, read.withTask(Task.REGRESSION));
        }
        if (read.positive() == null && read.negative() == null
                && !model.labelNames().equals(List.of("-1", "+1"))) {
            read = read.withClasses(model.labelNames().get(0), model.labelNames().get(1));
        }
        return Datasets.resolve(pathOrBuiltin, read);
    }

    /** {@link #load}, then the chosen part by the model's recorded split ({@code --split}). */
    public static Dataset load(Model model, DataOptions options, String pathOrBuiltin, String split) {
        HeldOutSplit.Part part = part(split);
        return model.part(load(model, options, pathOrBuiltin), part, pathOrBuiltin);
    }

    /** Parses {@code --split}. */
    public static HeldOutSplit.Part part(String split) {
        try {
            return HeldOutSplit.Part.parse(split);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--split must be all, train or test, got '" + split + "'", e);
        }
    }

    /**
     * Whether {@code pathOrBuiltin} holds only features: a CSV (.csv, .tsv, .txt) with exactly as
     * many columns as the model has features, so that no column is left for a label.
     */
    static boolean unlabeled(Model model, DataOptions options, String pathOrBuiltin) {
        Path path = Path.of(pathOrBuiltin);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path) || !(name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"))) {
            return false;
        }
        List<String> columns = CsvReader.columns(path, options.readOptions());
        return columns.size() == model.spec().inputDim();
    }

    /** Reads a CSV of features only, checked against the model's feature count. */
    static Dataset loadUnlabeled(Model model, DataOptions options, String pathOrBuiltin) {
        Path path = Path.of(pathOrBuiltin);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--no-label reads a CSV file; '" + pathOrBuiltin
                    + "' is not one (built-in data sets have labels)");
        }
        return CsvReader.readUnlabeled(path, options.readOptions());
    }
}
