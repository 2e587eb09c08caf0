package org.oneneuron.run;

import java.util.Optional;
import org.oneneuron.data.Task;
import org.oneneuron.eval.ProbabilityMetrics;

/**
 * How good a model's probabilities (those of {@code predict}) are, judged from scores already
 * computed: {@link Model#probabilityMetrics(org.oneneuron.data.Dataset)} scores the rows first;
 * {@code evaluate} passes its {@link Assessment#scores()} (the same bits), so one forward pass
 * serves both.
 */
public final class ModelProbabilities {

    private ModelProbabilities() {
    }

    /**
     * The log-loss, Brier score and calibration error of the model's probabilities of
     * {@code scores} against {@code labels}; empty when the model gives none ({@link
     * Model#probabilityMethod}).
     *
     * @param scores f~ of each sample, n or n·K sample-major, as
     *               {@link Model#scores(org.oneneuron.data.Dataset)} gives them. Not modified.
     * @param labels ±1, or class indices, one per sample. Not modified.
     * @throws IllegalArgumentException when the scores and labels do not fit the model or each other
     */
    public static Optional<ProbabilityMetrics> of(Model model, double[] scores, double[] labels) {
        if (model.probabilityMethod().isEmpty()) {
            return Optional.empty();
        }
        double[] logLikelihoods = model.logLikelihoods(scores, labels);
        return Optional.of(model.task() == Task.MULTICLASS
                ? ProbabilityMetrics.classes(model.classProbabilities(scores), model.outputs(), labels, logLikelihoods)
                : ProbabilityMetrics.binary(model.probabilitiesOf(scores), labels, logLikelihoods));
    }
}
