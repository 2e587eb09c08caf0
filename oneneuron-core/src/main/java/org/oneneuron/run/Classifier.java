package org.oneneuron.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.TargetCoding;
import org.oneneuron.data.Task;
import org.oneneuron.loss.Losses;
import org.oneneuron.train.TrainingListener;

/**
 * The library's front door for JVM users: fit a model with (or without) the special neuron on a
 * {@link Dataset}, for the data's task ({@link Dataset#task()}): a binary classifier of ±1 labels,
 * a multi-class one of class indices 0..K-1 with K label names, or a regression of real targets.
 * {@code oneneuron train} runs the same steps, so the same data, config and seed give the same θ₀
 * and the same model.
 *
 * <pre>{@code
 * Dataset data = Datasets.resolve("wdbc", ReadOptions.defaults());
 * Model model = Classifier.fit(data, ClassifierConfig.defaults().withHeldOut(0.25));
 * double label = model.predict(row);                  // -1 or +1 (a class index or a value for other tasks)
 * Assessment a = model.assess(data);                  // metrics, named losses
 * model.save(Path.of("model.json"));
 * }</pre>
 */
public final class Classifier {

    private Classifier() {
    }

    /**
     * Holds out {@code config.heldOut()} of the data, standardizes (when configured), builds the
     * problem, draws θ₀ from the seed, trains with the default schedule
     * ({@link Scaffold#defaultFor}: with a special neuron, the neuron is a scaffold removed by the
     * end, so the model never ships a neuron whose a·exp(wᵀx + b) can explode out of
     * distribution), and returns the model.
     *
     * <p>A {@link Dataset} built without label names reads targets that are not ±1 as a regression
     * ({@link Dataset#inferTask}). When such targets look like class codes (integers 0..99, at
     * least two distinct, e.g. 0/1 labels) and the configured loss is not a regression loss (the
     * default is not), the fit is refused before training, naming both ways to say what is meant:
     * code the classes ±1 (binary) or give their names (multi-class), or choose a regression loss
     * ({@code withLoss(Losses.TARGET_SQUARED)}).
     *
     * <p>Classification data must hold samples of every class (checked before training): a class
     * without samples would get an output trained only to lose, as a file with such a class is
     * refused on the command line.
     * A data set of fewer than {@link TrainingData#MIN_SPLIT_SIZE} samples is never split: a
     * held-out share is then ignored, with a warning logged (System.Logger).
     *
     * @param data      data: ±1 labels, class indices with their names, or real targets
     * @param config    the model, data and training choices
     * @param listeners probes for the training loop
     * @throws IllegalArgumentException for class codes read as a regression (above), or
     *                                  classification data with a class that has no samples
     */
    public static Model fit(Dataset data, ClassifierConfig config, TrainingListener... listeners) {
        Objects.requireNonNull(config, "config");
        return fit(data, config, Scaffold.defaultFor(config.neuron().present()), listeners);
    }

    /**
     * {@link #fit(Dataset, ClassifierConfig, TrainingListener...)} with a named schedule; keeping
     * the neuron ({@link Scaffold.Mode#KEEP}) is this explicit choice, and the library logs a
     * warning when the kept neuron's max_i |a·E_i| on the training data exceeds the scaffold's
     * tolerance. The model's provenance says how it was made ({@code scaffold...} keys).
     */
    public static Model fit(Dataset data, ClassifierConfig config, Scaffold scaffold, TrainingListener... listeners) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(scaffold, "scaffold");
        refuseClassCodesAsValues(data, config);
        requireEveryClass(data);
        if (config.heldOut() > 0 && data.n() < TrainingData.MIN_SPLIT_SIZE) {
            System.getLogger(Classifier.class.getName()).log(System.Logger.Level.WARNING, "data set '" + data.name()
                    + "' has " + data.n() + " samples, fewer than " + TrainingData.MIN_SPLIT_SIZE + ": nothing is"
                    + " held out (the held-out share " + config.heldOut() + " is ignored)");
        }
        TrainingData prepared = TrainingData.prepare(data, config);
        ScaffoldFit fit = ScaffoldFit.run(config.problem(prepared.scaledTrain()), config.train(), scaffold, listeners);
        if (scaffold.keepsNeuron() && fit.contribution().stream().anyMatch(c -> !(c <= scaffold.tolerance()))) {
            System.getLogger(Classifier.class.getName()).log(System.Logger.Level.WARNING, String.format(
                    java.util.Locale.ROOT, "the model keeps its special neuron (scaffold keep) with max_i |a·E_i| = %.3g"
                    + " > %.1g on the training data: out of distribution its scores can explode; the default"
                    + " schedule removes the neuron", fit.contribution().get(0), scaffold.tolerance()));
        }
        return Model.of(fit.plain(), prepared, fit.provenance());
    }

    /**
     * Refuses classification data with a class that has no samples (a fit would run its whole
     * budget first): none at all, one class only, or a class of a multi-class task, named.
     */
    private static void requireEveryClass(Dataset data) {
        if (data.task() == Task.REGRESSION) {
            return;
        }
        boolean binary = data.task() == Task.BINARY;
        List<String> names = binary && data.labelNames().isEmpty() ? List.of("-1", "+1") : data.labelNames();
        int[] count = new int[names.size()];
        for (double v : data.y()) {
            count[binary ? (v > 0 ? 1 : 0) : (int) v]++;
        }
        int only = -1;
        int present = 0;
        List<String> empty = new java.util.ArrayList<>();
        for (int k = 0; k < count.length; k++) {
            if (count[k] == 0) {
                empty.add("'" + names.get(k) + "'");
            } else {
                only = k;
                present++;
            }
        }
        if (empty.isEmpty()) {
            return;
        }
        if (present >= 2) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has no sample of class"
                    + (empty.size() == 1 ? " " : "es ") + String.join(", ", empty) + " (its " + names.size()
                    + " classes: " + String.join(", ", names) + "): a classifier needs samples of every class;"
                    + " give only the classes that occur as label names, with their targets re-indexed 0..K-1");
        }
        String needs = binary ? "a binary classifier needs samples of both classes, '" + names.get(0) + "' and '"
                + names.get(1) + "'" : "a classifier needs samples of at least two of its classes ("
                + String.join(", ", names) + ")";
        throw new IllegalArgumentException("data set '" + data.name() + "' " + (only < 0 ? "holds no samples"
                : "holds samples of one class only ('" + names.get(only) + "', " + count[only] + " sample"
                + (count[only] == 1 ? "" : "s") + ")") + ": " + needs);
    }

    /**
     * Refuses targets that look like class codes (integers in [0, {@link TargetCoding#MAX_INFERRED_CLASSES}),
     * at least two distinct) but make a regression task, unless the loss is a regression loss.
     */
    private static void refuseClassCodesAsValues(Dataset data, ClassifierConfig config) {
        if (data.task() != Task.REGRESSION || Losses.fits(config.loss(), Task.REGRESSION)) {
            return;
        }
        double min = TargetCoding.MAX_INFERRED_CLASSES;
        double max = 0;
        for (double v : data.y()) {
            if (!(v >= 0 && v < TargetCoding.MAX_INFERRED_CLASSES && v == Math.rint(v))) {
                return;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(min < max)) {
            return;
        }
        String asValues = "data set '" + data.name() + "' has " + (max == 1 ? "targets 0 and 1" : "integer targets"
                + " from " + (int) min + " to " + (int) max) + " and no label names, which a Dataset reads as a regression task:"
                + " Classifier.fit would fit them as real values, not as classes. For a ";
        String asRegression = "; for a regression on these values choose a regression loss, e.g."
                + " config.withLoss(Losses.TARGET_SQUARED)";
        throw new IllegalArgumentException(asValues + (max == 1
                ? "binary classifier give the two classes' names (label names List.of(\"0\", \"1\"): 0/1 targets with"
                        + " two names are binary) or code them -1 and +1 (y = 2y - 1)"
                : "classifier code the classes as indices 0..K-1 and give their K names (the data set's"
                        + " labelNames)") + asRegression);
    }
}
