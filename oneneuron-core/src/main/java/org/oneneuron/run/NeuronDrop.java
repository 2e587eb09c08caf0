package org.oneneuron.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Task;
import org.oneneuron.eval.Metrics;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterBlock;
import org.oneneuron.model.ParameterLayout;

/**
 * The model with its special neuron removed, and the evidence that it predicts the same: on the
 * training data, the neuron's largest contribution max_i |f~(x_i) - f(x_i)| (= max_i |a·E_i| for
 * the exponential neuron; with K outputs the largest over samples and outputs, max_{i,k} |a_k·E_ik|),
 * the largest and the mean difference between the two models' scores, recomputed from the plain
 * model itself, and what a user of the predictions would see change: for a classifier, how many
 * predicted classes (the sign; the argmax class of a multi-class model); for a regression, the
 * mean absolute error on the data's targets before and after.
 *
 * @param plain               the model without the neuron (same θ for every other block)
 * @param maxContribution     max_i |f~(x_i) - f(x_i)| of the original model
 * @param maxScoreDifference  max_i |f~(x_i) - f_plain(x_i)|, f_plain scored by the plain model
 * @param meanScoreDifference the mean of |f~(x_i) - f_plain(x_i)| over samples (and outputs)
 * @param signChanges         samples whose predicted class differs (0 for regression: no classes)
 * @param mae                 regression: the original model's mean absolute error on the data; NaN for a classifier
 * @param plainMae            regression: the plain model's; NaN for a classifier
 * @param samples             n, the number of samples checked
 */
public record NeuronDrop(Model plain, double maxContribution, double maxScoreDifference,
                         double meanScoreDifference, int signChanges, double mae, double plainMae, int samples) {

    /**
     * Removes the neuron of {@code model} and compares the two models on {@code data}.
     *
     * @throws IllegalArgumentException when the model has no special neuron
     */
    public static NeuronDrop of(Model model, Dataset data) {
        if (!model.spec().neuron().present()) {
            throw new IllegalArgumentException("the model has no special neuron to drop");
        }
        ParameterLayout from = model.spec().layout();
        ParameterLayout to = model.spec().withNeuron(NeuronKind.NONE).layout();
        double[] theta = model.theta();
        double[] plainTheta = new double[to.dimension()];
        for (ParameterBlock block : to.blocks()) {
            ParameterBlock source = from.block(block.name());
            System.arraycopy(theta, source.offset(), plainTheta, block.offset(), block.size());
        }
        Map<String, String> provenance = new LinkedHashMap<>(model.provenance());
        provenance.put("dropped_neuron", model.spec().neuron().word());
        Model plain = model.with(to.spec(), plainTheta, provenance);

        double[] full = model.scores(data);
        double[] networkOnly = model.networkScores(data);
        double[] plainScores = plain.scores(data);
        double contribution = 0;
        double difference = 0;
        double differenceSum = 0;
        int changes = 0;
        for (int i = 0; i < full.length; i++) {
            contribution = Math.max(contribution, Math.abs(full[i] - networkOnly[i]));
            difference = Math.max(difference, Math.abs(full[i] - plainScores[i]));
            differenceSum += Math.abs(full[i] - plainScores[i]);
        }
        int k = model.outputs();
        int n = full.length / k;
        for (int i = 0; i < n; i++) {
            boolean changed = switch (model.task()) {
                case BINARY -> (full[i] >= 0) != (plainScores[i] >= 0);
                case MULTICLASS -> Metrics.argmax(full, i * k, k) != Metrics.argmax(plainScores, i * k, k);
                case REGRESSION -> false;
            };
            changes += changed ? 1 : 0;
        }
        boolean regression = model.task() == Task.REGRESSION;
        double mae = regression ? RegressionMetrics.of(full, data.y()).mae() : Double.NaN;
        double plainMae = regression ? RegressionMetrics.of(plainScores, data.y()).mae() : Double.NaN;
        return new NeuronDrop(plain, contribution, difference, full.length == 0 ? 0 : differenceSum / full.length,
                changes, mae, plainMae, n);
    }

    /** True when the contribution is below {@code tolerance} and no predicted class changes. */
    public boolean agrees(double tolerance) {
        return maxContribution < tolerance && signChanges == 0;
    }
}
