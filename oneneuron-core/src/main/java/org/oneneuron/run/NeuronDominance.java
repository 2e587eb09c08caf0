package org.oneneuron.run;

import java.util.Locale;
import java.util.Optional;
import org.oneneuron.data.Dataset;

/**
 * Says when the special neuron's contribution dwarfs the network's outputs on the training data:
 * max_i |a·φ(wᵀx_i + b)| > {@value #RATIO}·max(1, max_i |f(x_i)|), with f the network alone and the
 * contribution f~(x_i) - f(x_i). The predictions are then the neuron's, not the network's (PAPER.md
 * §5), usually because a heavy-tailed or unscaled feature still lies many standard deviations out
 * after standardization and exp(wᵀx + b) grows exponentially in it. The warning names the
 * figures, the feature with the largest standardized value (when it exceeds
 * {@value #HEAVY_TAIL_Z}) and what to try.
 */
public final class NeuronDominance {

    /** How many times larger than the network's outputs the contribution must be to warn. */
    public static final double RATIO = 1e4;

    /** A standardized feature value beyond this many standard deviations counts as heavy-tailed. */
    public static final double HEAVY_TAIL_Z = 10;

    private NeuronDominance() {
    }

    /**
     * The warning for a trained model on its raw (unscaled) training data, or empty when the
     * model has no neuron or the neuron does not dominate.
     */
    public static Optional<String> warning(Model model, Dataset raw) {
        if (!model.spec().neuron().present()) {
            return Optional.empty();
        }
        return warning(model, raw, model.scores(raw), model.networkScores(raw));
    }

    /**
     * {@link #warning(Model, Dataset)} from scores already computed on {@code raw}: f~(x_i) in
     * {@code total} and the network alone's f(x_i) in {@code network} (e.g. the training
     * objective's, {@link org.oneneuron.loss.NetworkObjective#scores}, which an assessment of the
     * end point has just computed).
     */
    public static Optional<String> warning(Model model, Dataset raw, double[] total, double[] network) {
        if (!model.spec().neuron().present()) {
            return Optional.empty();
        }
        int expected = raw.n() * model.outputs(); // n·K scores, sample-major
        if (total.length != expected || network.length != expected) {
            throw new IllegalArgumentException(total.length + " and " + network.length + " scores, the data has "
                    + raw.n() + (raw.n() == 1 ? " sample" : " samples") + " of " + model.outputs()
                    + (model.outputs() == 1 ? " output" : " outputs"));
        }
        double maxContribution = 0;
        int at = 0;
        double maxNetwork = 0;
        for (int i = 0; i < total.length; i++) {
            double c = Math.abs(total[i] - network[i]);
            if (c > maxContribution) {
                maxContribution = c;
                at = i;
            }
            maxNetwork = Math.max(maxNetwork, Math.abs(network[i]));
        }
        if (!(maxContribution > RATIO * Math.max(1.0, maxNetwork))) {
            return Optional.empty();
        }
        String form = model.spec().neuron().exponential() ? "a·exp(wᵀx_i + b)" : "a·σ(wᵀx_i + b)";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "the special neuron dwarfs the"
                + " network: max_i |%s| = %.3g (sample %d, 0-based) against max_i |f(x_i)| = %.3g for the"
                + " network alone, so where it is large the neuron, not the network, decides the prediction. ",
                form, maxContribution, at / model.outputs(), maxNetwork));
        double[] z = model.standardizer().transform(raw.x());
        int d = raw.d();
        int worst = 0;
        for (int k = 1; k < z.length; k++) {
            if (Math.abs(z[k]) > Math.abs(z[worst])) {
                worst = k;
            }
        }
        double zMax = z.length == 0 ? 0 : Math.abs(z[worst]);
        if (zMax > HEAVY_TAIL_Z) {
            sb.append(String.format(Locale.ROOT, "Likely cause: heavy-tailed or unscaled features; after"
                    + " standardization feature '%s' reaches %.1f standard deviations (sample %d), and the"
                    + " neuron grows exponentially in such values. Try log-transforming such features (log1p"
                    + " of counts) or clipping outliers, a larger --lambda (now %s), or --neuron none to"
                    + " compare", raw.featureNames().get(worst % d), zMax, worst / d, model.lambda()));
        } else {
            sb.append(String.format(Locale.ROOT, "The standardized features stay within %.1f standard"
                    + " deviations, so the neuron itself carries the fit: try a larger --lambda (now %s) or"
                    + " more steps, or --neuron none to compare", zMax, model.lambda()));
        }
        return Optional.of(sb.toString());
    }
}
