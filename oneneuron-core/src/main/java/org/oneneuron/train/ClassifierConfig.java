package org.oneneuron.train;

import java.util.List;
import java.util.Objects;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NeuronKind;

/**
 * The model choices of {@link Classifier#fit} plus how to train. {@link #defaults()} is the one
 * place for the facade's defaults: a 16-unit tanh layer with the skip exponential neuron,
 * λ = 1e-2, mean cubic hinge, fan-in uniform initialization, standardized inputs, L-BFGS
 * ({@link TrainConfig#defaults()}) stopped once the loss is at most 1e-6: on standardized WDBC
 * that is 100% training accuracy after a few dozen iterations. Training on to a gradient norm of
 * 1e-8 only lets the neuron run further off (PAPER.md §5) for no gain in accuracy.
 *
 * @param hidden             hidden layer widths (may be empty: a linear model)
 * @param activation         hidden activation
 * @param neuron             the special neuron ({@code NONE} for the plain network)
 * @param lambda             λ of (λ/2)a², > 0 with a neuron
 * @param loss               the margin loss ℓ(z)
 * @param reduction          SUM (the paper's) or MEAN
 * @param initializer        how θ₀ is drawn (seeded by {@code train.seed()})
 * @param balancedClassWeights weigh each class n/2 in total
 * @param standardize        fit a Standardizer on the training data and apply it everywhere
 * @param train              optimizer, stopping and seed
 */
public record ClassifierConfig(List<Integer> hidden, Activation activation, NeuronKind neuron,
                               double lambda, MarginLoss loss, Reduction reduction,
                               Initializer initializer, boolean balancedClassWeights,
                               boolean standardize, TrainConfig train) {

    public ClassifierConfig {
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + hidden);
            }
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(neuron, "neuron");
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (neuron.present() && lambda == 0) {
            throw new IllegalArgumentException("lambda must be > 0 with the " + neuron.word()
                    + " neuron, got 0");
        }
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(initializer, "initializer");
        Objects.requireNonNull(train, "train");
    }

    /** The facade's defaults (see the class comment). */
    public static ClassifierConfig defaults() {
        return new ClassifierConfig(List.of(16), Activation.TANH, NeuronKind.SKIP_EXP, 1e-2,
                Losses.CUBIC_HINGE, Reduction.MEAN, Initializer.FAN_IN_UNIFORM, false, true,
                TrainConfig.defaults().toBuilder().lossTolerance(1e-6).build());
    }

    /** The same choices with another training config. */
    public ClassifierConfig withTrain(TrainConfig train) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, loss, reduction,
                initializer, balancedClassWeights, standardize, train);
    }

    /** The same choices with other hidden widths. */
    public ClassifierConfig withHidden(List<Integer> hidden) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, loss, reduction,
                initializer, balancedClassWeights, standardize, train);
    }

    /** The same choices with another special neuron. */
    public ClassifierConfig withNeuron(NeuronKind neuron) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, loss, reduction,
                initializer, balancedClassWeights, standardize, train);
    }

    /** The same choices with another seed (initialization and batch order). */
    public ClassifierConfig withSeed(long seed) {
        return withTrain(train.toBuilder().seed(seed).build());
    }
}
