package org.oneneuron.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.oneneuron.data.Shape;

/**
 * A network layer by layer, for library users:
 * <pre>{@code
 * NetworkSpec cnn = NetworkBuilder.input(Shape.parse("1x28x28"))
 *         .conv(8, 5).relu().maxPool(2).conv(16, 5).relu().maxPool(2)
 *         .flatten().dense(64).relu().dense(1)
 *         .neuron(NeuronKind.SKIP_EXP).build();
 * }</pre>
 * The same as {@code new NetworkSpec(shape, Architecture.parse("conv:8x5x5,relu,…"), neuron)};
 * {@link #build()} checks every shape.
 */
public final class NetworkBuilder {

    private final Shape input;
    private final List<LayerSpec> layers = new ArrayList<>();
    private NeuronKind neuron = NeuronKind.NONE;

    private NetworkBuilder(Shape input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    /** A network on samples of this shape. */
    public static NetworkBuilder input(Shape shape) {
        return new NetworkBuilder(shape);
    }

    /** A network on feature vectors of length d. */
    public static NetworkBuilder input(int d) {
        return new NetworkBuilder(Shape.vector(d));
    }

    /** Appends any layer. */
    public NetworkBuilder add(LayerSpec layer) {
        layers.add(Objects.requireNonNull(layer, "layer"));
        return this;
    }

    /** A dense layer of {@code units} units. */
    public NetworkBuilder dense(int units) {
        return add(new LayerSpec.Dense(units));
    }

    /** A convolution of {@code filters} k×k kernels, stride 1, no padding. */
    public NetworkBuilder conv(int filters, int k) {
        return conv(filters, k, 1, 0);
    }

    /** A convolution of {@code filters} k×k kernels with the given stride and zero padding. */
    public NetworkBuilder conv(int filters, int k, int stride, int padding) {
        return add(new LayerSpec.Conv(filters, k, k, stride, padding));
    }

    /** Max pooling over k×k windows at stride k. */
    public NetworkBuilder maxPool(int k) {
        return add(new LayerSpec.Pool(true, k, k));
    }

    /** Average pooling over k×k windows at stride k. */
    public NetworkBuilder avgPool(int k) {
        return add(new LayerSpec.Pool(false, k, k));
    }

    /** C×H×W read as one vector. */
    public NetworkBuilder flatten() {
        return add(new LayerSpec.Flatten());
    }

    /** An element-wise activation. */
    public NetworkBuilder activation(Activation act) {
        return add(new LayerSpec.Act(act));
    }

    public NetworkBuilder relu() {
        return activation(Activation.RELU);
    }

    public NetworkBuilder tanh() {
        return activation(Activation.TANH);
    }

    /** Layer normalization over each sample. */
    public NetworkBuilder layerNorm() {
        return add(new LayerSpec.LayerNorm());
    }

    /** A residual block x + body(x), the body given as layer words (e.g. {@code conv:8x3x3:p1,relu}). */
    public NetworkBuilder residual(String body) {
        return add(new LayerSpec.Residual(Architecture.parse(body)));
    }

    /** The special neuron ({@link NeuronKind#NONE} by default). */
    public NetworkBuilder neuron(NeuronKind kind) {
        this.neuron = Objects.requireNonNull(kind, "neuron");
        return this;
    }

    /** The network; every shape checked (an IllegalArgumentException names the layer that does not fit). */
    public NetworkSpec build() {
        return new NetworkSpec(input, layers, neuron);
    }
}
