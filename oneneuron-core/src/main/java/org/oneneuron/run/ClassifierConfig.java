package org.oneneuron.run;

import java.util.List;
import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.data.Task;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.TrainConfig;

/**
 * The choices of a fit: the network, the objective, how the data are prepared and how to train.
 * {@link #defaults()} is the library's one place for these defaults; the command line's options
 * read their defaults from it. Change fields with the {@code with...} methods.
 *
 * <p>Defaults: a 16-unit tanh layer with the skip exponential neuron, λ = 1, mean cubic hinge,
 * fan-in uniform initialization, standardized inputs and (for a regression) targets, nothing held
 * out, float64, L-BFGS
 * ({@link TrainConfig#defaults()}) stopped once the loss is at most 1e-12. Why λ = 1: on WDBC with
 * a 25% held-out share ({@code oneneuron train wdbc --held-out 0.25 --lambda L --seed S}),
 * λ = 1e-2 ran the neuron off to infinity (a → 0, max_i |a·E_i| ≈ 1.4e4, network alone at loss
 * 0.25), λ = 0.1 left the neuron carrying the fit for seed 2 (network alone 5.8e-3), while λ = 1
 * reached network-only loss below 1e-10 for seeds 1-3 in 37-80 iterations, at the same held-out
 * accuracy (97-99%). λ does not bound a·e^b (PAPER.md §8); it only makes running off costlier.
 *
 * @param hidden               hidden layer widths (may be empty: a linear model)
 * @param activation           hidden activation
 * @param neuron               the special neuron ({@code NONE} for the plain network)
 * @param lambda               λ of (λ/2)a², finite and >= 0
 * @param allowZeroLambda      accept λ = 0 with a neuron (an ablation: the guarantee is lost)
 * @param loss                 the loss: a margin loss ℓ(z) for binary data; for multi-class and regression data see {@link #lossFor}
 * @param reduction            SUM (the paper's) or MEAN
 * @param initializer          how θ₀ is drawn (seeded by {@code train.seed()})
 * @param balancedClassWeights weigh each of the K classes n/K in total (classifiers only)
 * @param standardize          fit a Standardizer on the training part and apply it everywhere
 * @param heldOut              share of the samples held out from training, in [0, 1); 0 = none
 * @param precision            float64, or float32 forward and reverse passes
 * @param train                optimizer, stopping, seed and threads
 * @param layers               any layer graph instead of {@code hidden} and {@code activation}
 *                             (empty: the MLP of those two); its last layer is the output
 * @param inputShape           how to read each sample (null: the data's own shape; IDX images
 *                             keep theirs, other data are vectors)
 * @param standardizeTarget    a regression: fit the target's mean μ and standard deviation σ on the
 *                             training part, train on (t - μ)/σ and predict μ + σ·f~ (ignored by
 *                             classifiers); {@link org.oneneuron.data.TargetStandardizer}
 */
public record ClassifierConfig(List<Integer> hidden, Activation activation, NeuronKind neuron,
                               double lambda, boolean allowZeroLambda, OutputLoss loss,
                               Reduction reduction, Initializer initializer,
                               boolean balancedClassWeights, boolean standardize, double heldOut,
                               Precision precision, TrainConfig train, List<LayerSpec> layers,
                               Shape inputShape, boolean standardizeTarget) {

    /** The choices of a layer graph or an MLP, a regression's target standardized. */
    public ClassifierConfig(List<Integer> hidden, Activation activation, NeuronKind neuron, double lambda,
                            boolean allowZeroLambda, OutputLoss loss, Reduction reduction, Initializer initializer,
                            boolean balancedClassWeights, boolean standardize, double heldOut, Precision precision,
                            TrainConfig train, List<LayerSpec> layers, Shape inputShape) {
        this(hidden, activation, neuron, lambda, allowZeroLambda, loss, reduction, initializer, balancedClassWeights,
                standardize, heldOut, precision, train, layers, inputShape, true);
    }

    /** An MLP's choices (no layer graph, the data's own shape). */
    public ClassifierConfig(List<Integer> hidden, Activation activation, NeuronKind neuron, double lambda,
                            boolean allowZeroLambda, OutputLoss loss, Reduction reduction, Initializer initializer,
                            boolean balancedClassWeights, boolean standardize, double heldOut, Precision precision,
                            TrainConfig train) {
        this(hidden, activation, neuron, lambda, allowZeroLambda, loss, reduction, initializer, balancedClassWeights,
                standardize, heldOut, precision, train, List.of(), null, true);
    }

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
        if (neuron.present() && lambda == 0 && !allowZeroLambda) {
            throw new IllegalArgumentException("lambda = 0 with the " + neuron.word() + " neuron voids"
                    + " the theorem's guarantee (a = 0 at every local minimum); allow zero lambda"
                    + " explicitly to run it as an ablation");
        }
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(initializer, "initializer");
        if (!(heldOut >= 0 && heldOut < 1)) {
            throw new IllegalArgumentException("held-out share must be in [0, 1), got " + heldOut);
        }
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(train, "train");
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
    }

    /** The library's defaults (see the class comment). */
    public static ClassifierConfig defaults() {
        return new ClassifierConfig(List.of(16), Activation.TANH, NeuronKind.SKIP_EXP, 1.0, false,
                Losses.CUBIC_HINGE, Reduction.MEAN, Initializer.FAN_IN_UNIFORM, false, true, 0,
                Precision.FLOAT64, TrainConfig.defaults().toBuilder().lossTolerance(1e-12).build());
    }

    /** The network for {@code inputDim} features (samples read as vectors unless an input shape is set). */
    public NetworkSpec spec(int inputDim) {
        return spec(Shape.vector(inputDim));
    }

    /**
     * The network for the data's samples (their own shape, or {@link #inputShape()} when set) with
     * K = {@link Dataset#outputs()} outputs (one per class of a multi-class task).
     */
    public NetworkSpec spec(Dataset data) {
        NetworkSpec spec = spec(data.shape(), data.outputs());
        if (spec.outputs() != data.outputs()) {
            throw new IllegalArgumentException("the architecture ends in dense:" + spec.outputs() + " but the "
                    + data.task().word() + " task of '" + data.name() + "' needs " + data.outputs() + " output"
                    + (data.outputs() == 1 ? "" : "s") + ": end it with dense:" + data.outputs());
        }
        return spec;
    }

    /**
     * The loss for a task: this config's loss when it fits (a margin loss for binary, a class loss for
     * multi-class, a target loss for regression: {@link Losses#fits}); the squared margin loss on a
     * regression is ½(f - t)², as docs/PAPER.md's loss table reads it; the default loss (the cubic
     * hinge of {@link #defaults}) stands for "the task's own": softmax cross-entropy for multi-class,
     * ½(f - t)² for regression. Any other loss that does not fit is refused, as {@code --loss} is.
     *
     * @throws IllegalArgumentException naming the loss, the task and the losses that fit
     */
    public OutputLoss lossFor(Task task) {
        if (Losses.fits(loss, task)) {
            return loss;
        }
        if (task == Task.REGRESSION && Losses.SQUARED.equals(loss)) {
            return Losses.TARGET_SQUARED;
        }
        if (!Losses.CUBIC_HINGE.equals(loss)) {
            throw new IllegalArgumentException("the loss " + loss.word() + " does not fit a " + task.word()
                    + " task; use " + switch (task) {
                        case BINARY -> "a margin loss, e.g. cubic-hinge, logistic or squared";
                        case MULTICLASS -> "softmax-ce or multi-squared-hinge";
                        case REGRESSION -> "target-squared, huber or huber:δ";
                    });
        }
        return switch (task) {
            case BINARY -> Losses.CUBIC_HINGE;
            case MULTICLASS -> Losses.SOFTMAX_CE;
            case REGRESSION -> Losses.TARGET_SQUARED;
        };
    }

    private NetworkSpec spec(Shape dataShape) {
        return spec(dataShape, 1);
    }

    private NetworkSpec spec(Shape dataShape, int outputs) {
        Shape shape = dataShape;
        if (inputShape != null) {
            if (inputShape.size() != dataShape.size()) {
                throw new IllegalArgumentException("input shape " + inputShape + " holds " + inputShape.size()
                        + " values per sample, but the data have " + dataShape.size() + " features");
            }
            shape = inputShape;
        }
        if (layers.isEmpty()) {
            return NetworkSpec.mlp(shape.size(), hidden, activation, neuron, outputs);
        }
        return new NetworkSpec(shape, layers, neuron);
    }

    /** The problem over the prepared (scaled) training part, seeded by {@code train.seed()}. */
    public Problem problem(Dataset scaledTrain) {
        return Problem.builder(spec(scaledTrain), scaledTrain).loss(lossFor(scaledTrain.task())).reduction(reduction)
                .lambda(lambda).allowZeroLambda(allowZeroLambda)
                .balancedClassWeights(balancedClassWeights).initializer(initializer)
                .seed(train.seed()).threads(train.threads()).precision(precision).build();
    }

    public ClassifierConfig withHidden(List<Integer> value) {
        return new ClassifierConfig(value, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withActivation(Activation value) {
        return new ClassifierConfig(hidden, value, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withNeuron(NeuronKind value) {
        return new ClassifierConfig(hidden, activation, value, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withLambda(double value) {
        return new ClassifierConfig(hidden, activation, neuron, value, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withAllowZeroLambda(boolean value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, value, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withLoss(OutputLoss value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, value,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withReduction(Reduction value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                value, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withInitializer(Initializer value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, value, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withBalancedClassWeights(boolean value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, value, standardize, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withStandardize(boolean value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, value, heldOut, precision, train, layers, inputShape, standardizeTarget);
    }

    /**
     * Whether a regression's target is standardized on the training part (the default) or used as
     * given, its loss figures then in the target's own units; classifiers ignore it.
     */
    public ClassifierConfig withStandardizeTarget(boolean value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers, inputShape,
                value);
    }

    /** The same choices holding out {@code share} of the samples (0 = none). */
    public ClassifierConfig withHeldOut(double share) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, share, precision, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withPrecision(Precision value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, value, train, layers, inputShape, standardizeTarget);
    }

    public ClassifierConfig withTrain(TrainConfig value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, value, layers, inputShape, standardizeTarget);
    }

    /** Any layer graph instead of the MLP's hidden widths and activation (empty: back to the MLP). */
    public ClassifierConfig withLayers(List<LayerSpec> value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, value,
                inputShape, standardizeTarget);
    }

    /** The layer graph in words, e.g. {@code conv:8x5x5,relu,maxpool:2,flatten,dense:1} (see {@link Architecture}). */
    public ClassifierConfig withArchitecture(String words) {
        return withLayers(Architecture.parse(words));
    }

    /** How to read each sample (null: the data's own shape). */
    public ClassifierConfig withInputShape(Shape value) {
        return new ClassifierConfig(hidden, activation, neuron, lambda, allowZeroLambda, loss,
                reduction, initializer, balancedClassWeights, standardize, heldOut, precision, train, layers,
                value, standardizeTarget);
    }

    /** The same choices with another seed (θ₀, the held-out split and minibatch order). */
    public ClassifierConfig withSeed(long seed) {
        return withTrain(train.toBuilder().seed(seed).build());
    }
}
