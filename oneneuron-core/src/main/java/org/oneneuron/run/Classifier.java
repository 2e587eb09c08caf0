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
 * double label = model.predict(row);                  // -1 or +1
 * Assessment a = model.assess(data);                  // metrics, named losses
 * model.save(Path.of("model.json"));
 * }</pre>
 */
public final class Classifier {

    private Classifier() {
    }

    /**
     * Holds out {@code config.heldOut()} of the data, standardizes (when configured), builds the
     * problem, draws θ₀ from the seed, trains, and returns the model.
     *
     * @param data      data, labels ±1
     * @param config    the model, data and training choices
     * @param listeners probes for the training loop
     */
    public static Model fit(Dataset data, ClassifierConfig config, TrainingListener... listeners) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        TrainingData prepared = TrainingData.prepare(data, config);
        FitResult fit = Fit.run(config.problem(prepared.scaledTrain()), config.train(), listeners);
        return Model.of(fit, prepared, Map.of());
    }
}
