package org.oneneuron.train;

import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Standardizer;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.SampleWeights;
import org.oneneuron.model.NetworkSpec;

/**
 * The library's front door for JVM users: fit a binary classifier with (or without) the special
 * neuron on a {@link Dataset} with ±1 labels.
 *
 * <pre>{@code
 * Dataset data = Datasets.load(Path.of("wdbc.csv"), ReadOptions.defaults());
 * FittedModel model = Classifier.fit(data, ClassifierConfig.defaults());
 * double[] labels = model.predict(data);
 * Evaluation e = model.evaluate(data);   // accuracy, loss, network-only accuracy and loss
 * }</pre>
 */
public final class Classifier {

    private Classifier() {
    }

    /**
     * Standardizes (when configured), builds the network and its objective, draws θ₀ from the
     * seed, trains, and returns the fitted model.
     *
     * @param data   training data, labels ±1
     * @param config the model and training choices
     * @param listeners probes for the training loop
     */
    public static FittedModel fit(Dataset data, ClassifierConfig config,
                                  TrainingListener... listeners) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Standardizer scaler = config.standardize() ? Standardizer.fit(data)
                : Standardizer.identity(data.d());
        Dataset scaled = scaler.apply(data);
        NetworkSpec spec = new NetworkSpec(data.d(), config.hidden(), config.activation(),
                config.neuron());
        NetworkObjective objective = NetworkObjective.builder(spec, scaled).loss(config.loss())
                .reduction(config.reduction()).lambda(config.lambda())
                .weights(config.balancedClassWeights() ? SampleWeights.balanced(scaled) : null)
                .threads(config.train().threads()).build();
        double[] theta0 = config.initializer().initialize(spec.layout(), config.train().seed());
        TrainingResult result = Trainer.train(objective, theta0, config.train(), listeners);
        return new FittedModel(spec, result.theta(), scaler, config.loss(), config.reduction(),
                config.lambda(), result);
    }
}
