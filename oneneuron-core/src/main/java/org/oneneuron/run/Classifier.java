package org.oneneuron.run;

import java.util.Map;
import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.train.TrainingListener;

/**
 * The library's front door for JVM users: fit a binary classifier with (or without) the special
 * neuron on a {@link Dataset} with ±1 labels. {@code oneneuron train} runs the same steps, so the
 * same data, config and seed give the same θ₀ and the same model.
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
     * @param data      data, labels ±1
     * @param config    the model, data and training choices
     * @param listeners probes for the training loop
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
}
