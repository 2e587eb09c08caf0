package org.oneneuron.cli;

import java.util.Locale;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.NeuronKind;
import picocli.CommandLine.Option;

/**
 * The objective of a fit: {@code --loss}, {@code --reduction}, {@code --lambda},
 * {@code --allow-zero-lambda}, {@code --class-weight}, {@code --target-scale} (defaults: the library's).
 */
public final class ObjectiveOptions {

    @Option(names = "--loss", paramLabel = "WORD", description = Vocabulary.LOSS)
    String loss = Vocabulary.MODEL.loss().word();

    @Option(names = "--reduction", paramLabel = "WORD", description = Vocabulary.REDUCTION)
    String reduction = Vocabulary.MODEL.reduction().word();

    @Option(names = "--lambda", paramLabel = "λ", description = Vocabulary.LAMBDA)
    double lambda = Vocabulary.MODEL.lambda();

    @Option(names = "--allow-zero-lambda", description = "Accept --lambda 0 with a special neuron (an"
            + " ablation: the theorem's guarantee is lost).")
    boolean allowZeroLambda;

    @Option(names = "--class-weight", paramLabel = "KIND", description = "none, or balanced (each of the K"
            + " classes weighs n/K in total; classifiers only).")
    String classWeight = Vocabulary.MODEL.balancedClassWeights() ? "balanced" : "none";

    @Option(names = "--target-scale", paramLabel = "KIND", description = "standard (a regression trains on"
            + " (t - mean)/sd of the training part's targets and predicts mean + sd·f~; its loss figures are in"
            + " those standardized units) or none (raw targets, raw-unit losses); regression only.")
    String targetScale = Vocabulary.MODEL.standardizeTarget() ? "standard" : "none";

    public MarginLoss loss() {
        return Losses.parse(loss);
    }

    /** Any loss word: margin, multi-class or regression ({@link Losses#parseOutput}). */
    public OutputLoss outputLoss() {
        return Losses.parseOutput(loss);
    }

    public Reduction reduction() {
        return Reduction.parse(reduction);
    }

    /**
     * λ, checked: finite and >= 0, and 0 with a special neuron only with --allow-zero-lambda.
     *
     * @param neuron the network's special neuron
     */
    public double lambda(NeuronKind neuron) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be a finite number >= 0, got " + lambda);
        }
        if (lambda == 0 && !allowZeroLambda && neuron.present()) {
            throw new IllegalArgumentException("--lambda 0 voids the theorem's guarantee (a = 0 at every"
                    + " local minimum); pass --allow-zero-lambda to run it as an ablation");
        }
        return lambda;
    }

    public boolean allowZeroLambda() {
        return allowZeroLambda;
    }

    /** True with {@code --target-scale standard} (the default). */
    public boolean standardizeTarget() {
        return switch (targetScale.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "standard" -> true;
            default -> throw new IllegalArgumentException("--target-scale must be standard or none, got '"
                    + targetScale + "'");
        };
    }

    /** True with {@code --class-weight balanced}. */
    public boolean balanced() {
        return switch (classWeight.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "balanced" -> true;
            default -> throw new IllegalArgumentException("--class-weight must be none or balanced, got '"
                    + classWeight + "'");
        };
    }
}
