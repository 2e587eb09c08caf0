package org.oneneuron.io;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.ClassifierConfig;

/**
 * What a classifier is made of besides its parameters, and how its data are weighted and split:
 * the architecture, the loss, λ and the fitting protocol. {@link #defaults()} is the one place for
 * these defaults (the CLI's {@code train} options read them). Words are parsed here, so a bad word
 * fails at construction with a message naming the setting.
 *
 * @param hidden          hidden layer widths, input side first (may be empty: a linear model)
 * @param activation      hidden activation word, e.g. {@code relu}, {@code leaky_relu:0.1}
 * @param neuron          special neuron word, e.g. {@code skip-exp} (the paper's) or {@code none}
 * @param loss            margin loss word, e.g. {@code cubic-hinge}
 * @param reduction       {@code sum} (the paper's) or {@code mean}
 * @param lambda          λ of the penalty (λ/2)a², finite and >= 0
 * @param allowZeroLambda whether λ = 0 is accepted with a special neuron (the guarantee is lost)
 * @param classWeight     {@code none} or {@code balanced} (each class weighs n/(2·n_class))
 * @param testFraction    fraction of samples held out for testing, in [0, 1); 0 = no split
 * @param architecture    layer words ({@link Architecture}), e.g. {@code conv:8x5x5,relu,…,dense:1};
 *                        empty: the MLP of {@code hidden} and {@code activation}
 * @param inputShape      the shape of one sample, e.g. {@code 1x28x28}; empty: the data's own
 *                        (IDX images keep theirs, other data are vectors)
 */
public record ModelSettings(List<Integer> hidden, String activation, String neuron, String loss,
                            String reduction, double lambda, boolean allowZeroLambda,
                            String classWeight, double testFraction, String architecture, String inputShape) {

    /** Settings of an MLP on the data's features. */
    public ModelSettings(List<Integer> hidden, String activation, String neuron, String loss, String reduction,
                         double lambda, boolean allowZeroLambda, String classWeight, double testFraction) {
        this(hidden, activation, neuron, loss, reduction, lambda, allowZeroLambda, classWeight, testFraction, "", "");
    }

    public ModelSettings {
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("hidden widths must be positive, got " + hidden);
            }
        }
        Activation.parse(activation);
        NeuronKind.parse(neuron);
        Losses.parse(loss);
        Reduction.parse(reduction);
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (lambda == 0 && !allowZeroLambda && NeuronKind.parse(neuron).present()) {
            throw new IllegalArgumentException("lambda = 0 voids the theorem's guarantee (a = 0 at "
                    + "every local minimum); pass --allow-zero-lambda to run it as an ablation");
        }
        classWeight = classWeight.trim().toLowerCase(Locale.ROOT);
        if (!classWeight.equals("none") && !classWeight.equals("balanced")) {
            throw new IllegalArgumentException("class weight must be none or balanced, got '"
                    + classWeight + "'");
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        architecture = architecture == null ? "" : architecture.trim();
        inputShape = inputShape == null ? "" : inputShape.trim();
        if (!architecture.isEmpty()) {
            Architecture.parse(architecture);
        }
        if (!inputShape.isEmpty()) {
            Shape.parse(inputShape);
        }
    }

    /**
     * The model choices of {@link ClassifierConfig#defaults()} (the library's one place for them),
     * in words, with λ = 0 refused and no test split.
     */
    public static ModelSettings defaults() {
        ClassifierConfig c = ClassifierConfig.defaults();
        return new ModelSettings(c.hidden(), c.activation().word(), c.neuron().word(), c.loss().word(),
                c.reduction().word(), c.lambda(), false, c.balancedClassWeights() ? "balanced" : "none", 0);
    }

    /** The network for {@code inputDim} features (samples read as vectors unless an input shape is set). */
    public NetworkSpec spec(int inputDim) {
        return spec(Shape.vector(inputDim));
    }

    /** The network for the data's samples: their own shape, or the input shape when one is set. */
    public NetworkSpec spec(Dataset data) {
        return spec(data.shape());
    }

    private NetworkSpec spec(Shape dataShape) {
        Shape shape = dataShape;
        if (!inputShape.isEmpty()) {
            shape = Shape.parse(inputShape);
            if (shape.size() != dataShape.size()) {
                throw new IllegalArgumentException("--input-shape " + shape + " holds " + shape.size()
                        + " values per sample, but the data have " + dataShape.size() + " features");
            }
        }
        if (architecture.isEmpty()) {
            return new NetworkSpec(shape.size(), hidden, Activation.parse(activation), NeuronKind.parse(neuron));
        }
        return new NetworkSpec(shape, Architecture.parse(architecture), NeuronKind.parse(neuron));
    }

    /** True when the network has a special neuron (any kind but {@code none}). */
    public boolean hasNeuron() {
        return NeuronKind.parse(neuron).present();
    }

    /** The parsed loss. */
    public MarginLoss marginLoss() {
        return Losses.parse(loss);
    }

    /** The parsed reduction. */
    public Reduction parsedReduction() {
        return Reduction.parse(reduction);
    }

    /** True with {@code balanced} class weights. */
    public boolean balanced() {
        return classWeight.equals("balanced");
    }
}
