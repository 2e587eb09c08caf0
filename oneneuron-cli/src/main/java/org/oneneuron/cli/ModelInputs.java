package org.oneneuron.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.data.CsvReader;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.LabelCoding;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.ReadOptions.ClassRule;
import org.oneneuron.data.TableColumns;
import org.oneneuron.data.Task;
import org.oneneuron.run.HeldOutSplit;
import org.oneneuron.run.Model;

/**
 * Reads data for an existing model: its classes are the model's (an option that contradicts them
 * is refused), its feature columns are matched to the model's by header name ({@link
 * FeatureOrder}), a part ({@code --split}) is cut by the model's recorded split, and a CSV without
 * a label column is read as features only.
 */
public final class ModelInputs {

    private ModelInputs() {
    }

    /**
     * The data set named by {@code pathOrBuiltin}, read with the user's options and the model's
     * classes: each label must be one of them (not every class need occur), unless {@code
     * --classes} picks them out of more.
     */
    public static Dataset load(Model model, DataOptions options, String pathOrBuiltin) {
        return read(model, options, pathOrBuiltin, ClassRule.FIXED);
    }

    /**
     * The rows to score: with {@code --split all}, every row whatever its label (unless {@code
     * --classes} picks classes); with a part, the rows the model's split was drawn from (rows of
     * other classes left out, as training left them out), then that part.
     */
    static Dataset loadToScore(Model model, DataOptions options, String pathOrBuiltin, String split) {
        HeldOutSplit.Part part = part(split);
        ClassRule rule = part == HeldOutSplit.Part.ALL ? ClassRule.IGNORE : ClassRule.PICK;
        return model.part(read(model, options, pathOrBuiltin, rule), part, pathOrBuiltin);
    }

    /**
     * Reads with the model's classes under {@code rule} (when the user picks none), in the model's
     * column order; a built-in data set has its own classes (and refuses class options). A CSV's or
     * ARFF's feature columns are checked against the model's from the header first ({@link
     * FeatureOrder#requireModelFeatures}), so that a file for another model is named as such
     * before any value or label in it is judged.
     */
    private static Dataset read(Model model, DataOptions options, String pathOrBuiltin, ClassRule rule) {
        Task asked = options.readOptions().task();
        if (asked != null && asked != model.task()) {
            throw new IllegalArgumentException("--task " + asked.word() + " does not fit the model, a "
                    + model.task().word() + " model");
        }
        ReadOptions read = DataOptions.builtin(pathOrBuiltin) ? options.readOptions()
                : modelClasses(model, recordedLabelColumn(model, options.readOptions(), pathOrBuiltin), rule)
                        // LIBSVM: a file whose rows never use the last features still has the model's
                        .withDimension(model.spec().inputDim());
        Optional<TableColumns> columns = DataOptions.builtin(pathOrBuiltin) ? Optional.empty()
                : Datasets.tableColumns(Path.of(pathOrBuiltin), read, true);
        columns.ifPresent(c -> FeatureOrder.requireModelFeatures(model.featureNames(), c, pathOrBuiltin));
        Dataset data = options.checked(pathOrBuiltin, Datasets.resolve(pathOrBuiltin, read));
        boolean named = columns.map(TableColumns::header).orElseGet(() -> FeatureOrder.named(data.featureNames()));
        return FeatureOrder.toModelOrder(model.featureNames(), data, pathOrBuiltin, named);
    }

    /**
     * The options with the label column the model was trained with ({@code provenance.label_column})
     * when none is given and the file's header has a column of that name; else as given.
     */
    static ReadOptions recordedLabelColumn(Model model, ReadOptions read, String pathOrBuiltin) {
        String recorded = model.provenance().get("label_column");
        if (read.labelColumn() != null || recorded == null || !csvFile(pathOrBuiltin)) {
            return read;
        }
        boolean present = CsvReader.columns(Path.of(pathOrBuiltin), read).contains(recorded);
        return present ? read.withLabelColumn(recorded) : read;
    }

    private static boolean csvFile(String pathOrBuiltin) {
        Path path = Path.of(pathOrBuiltin);
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"));
    }

    /**
     * The reader options with the model's task and classes (in its output order, whatever the
     * file's own order), read under {@code rule}; classes the user picks with {@code --classes}
     * are picked out of more and must be the model's.
     *
     * @throws IllegalArgumentException for {@code --positive} or {@code --classes} that contradict the model
     */
    static ReadOptions modelClasses(Model model, ReadOptions read, ClassRule rule) {
        List<String> classes = model.labelNames();
        if (model.task() == Task.REGRESSION) {
            return read.withTask(Task.REGRESSION).withClassRule(rule);
        }
        if (model.task() == Task.MULTICLASS) {
            read = read.withTask(Task.MULTICLASS);
            if (read.positive() != null && read.classes() == null) {
                throw new IllegalArgumentException("--positive " + read.positive() + " is for binary models;"
                        + " this model is multi-class, with the classes " + String.join(", ", classes));
            }
        } else if (classes.equals(List.of("-1", "+1"))) {
            return read.withClassRule(rule); // the model knows no label names: the data's own rule decides
        }
        if (read.classes() != null) {
            requireModelClasses(read.classes(), model);
            return read;
        }
        if (read.positive() != null && !LabelCoding.sameLabel(read.positive(), classes.get(1))) {
            throw new IllegalArgumentException("--positive " + read.positive() + " contradicts the model, whose +1"
                    + " class is " + classes.get(1) + " (and -1 class " + classes.get(0) + ")");
        }
        return read.withClassList(classes).withClassRule(rule);
    }

    private static void requireModelClasses(List<String> picked, Model model) {
        List<String> classes = model.labelNames();
        boolean same = picked.size() == classes.size();
        for (int k = 0; same && k < picked.size(); k++) {
            same = LabelCoding.sameLabel(picked.get(k), classes.get(k));
        }
        if (!same) {
            String theirs = model.task() == Task.BINARY
                    ? "whose -1 class is " + classes.get(0) + " and +1 class " + classes.get(1)
                    : "whose classes are " + String.join(", ", classes) + " in that order";
            throw new IllegalArgumentException("--classes " + String.join(",", picked) + " contradicts the model, "
                    + theirs + " (--classes " + String.join(",", classes) + ")");
        }
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
     * Whether {@code pathOrBuiltin} holds only features: a CSV (.csv, .tsv, .txt) whose header
     * names exactly the model's features (in any order), or, where names do not decide ({@link
     * FeatureOrder}), one with exactly as many columns as the model has features, so that no
     * column is left for a label.
     */
    static boolean unlabeled(Model model, DataOptions options, String pathOrBuiltin) {
        Path path = Path.of(pathOrBuiltin);
        if (!csvFile(pathOrBuiltin)) {
            return false;
        }
        TableColumns columns = CsvReader.tableColumns(path, options.readOptions(), false);
        if (FeatureOrder.byName(model.featureNames(), columns.names(), columns.header())) {
            return FeatureOrder.sameNames(model.featureNames(), columns.names());
        }
        return columns.names().size() == model.spec().inputDim();
    }

    /** Reads a CSV of features only, in the model's column order. */
    static Dataset loadUnlabeled(Model model, DataOptions options, String pathOrBuiltin) {
        Path path = Path.of(pathOrBuiltin);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--no-label reads a CSV file; '" + pathOrBuiltin
                    + "' is not one (built-in data sets have labels)");
        }
        TableColumns columns = CsvReader.tableColumns(path, options.readOptions(), false);
        FeatureOrder.requireModelFeatures(model.featureNames(), columns, pathOrBuiltin);
        Dataset data = CsvReader.readUnlabeled(path, options.readOptions());
        return FeatureOrder.toModelOrder(model.featureNames(), data, pathOrBuiltin, columns.header());
    }
}
