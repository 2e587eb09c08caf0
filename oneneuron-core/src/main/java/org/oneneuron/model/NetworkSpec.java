package org.oneneuron.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.oneneuron.data.Shape;

/**
 * A network as a value: a declared input shape, a sequence of layers (residual blocks nest
 * their bodies) ending in a dense output layer of K units, and an optional special neuron per
 * output. Every shape is checked here, so an architecture that does not fit fails with one
 * message naming the layer and the shapes.
 *
 * <p>An MLP d → h_1 → … → h_L → 1 with one activation is {@link #mlp}: the layers
 * {@code dense:h_1, σ, …, dense:h_L, σ, dense:1}; {@link #hidden()}, {@link #activation()},
 * {@link #depth()} and {@link #width(int)} describe such a network.
 *
 * @param input  the shape of one sample (C×H×W, or d×1×1 for feature vectors)
 * @param layers the layers in order; copied
 * @param neuron the special neuron ({@link NeuronKind#NONE} for the plain network)
 */
public record NetworkSpec(Shape input, List<LayerSpec> layers, NeuronKind neuron) {

    public NetworkSpec {
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        Objects.requireNonNull(neuron, "neuron");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least its output layer, e.g. dense:1");
        }
        Shape s = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            try {
                s = l.output(s);
            } catch (IllegalArgumentException e) {
                String why = e.getMessage() + (input.isVector() && (l instanceof LayerSpec.Conv
                        || l instanceof LayerSpec.Pool) ? "; a flat input needs its image shape declared"
                        + " (--input-shape CxHxW for a CSV)" : "");
                throw new IllegalArgumentException("layer " + (i + 1) + " (" + l.word() + "): " + why, e);
            }
        }
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Dense)) {
            throw new IllegalArgumentException("the last layer must be dense:K (K outputs, dense:1 for a binary "
                    + "classifier), got " + layers.get(layers.size() - 1).word());
        }
    }

    /** The MLP d → hidden → 1 with one activation; {@code hidden} may be empty (a linear model). */
    public NetworkSpec(int inputDim, List<Integer> hidden, Activation activation, NeuronKind neuron) {
        this(vectorInput(inputDim), mlpLayers(hidden, activation), neuron);
    }

    /** The MLP d → hidden → K with one activation (K outputs, one special neuron per output). */
    public static NetworkSpec mlp(int inputDim, List<Integer> hidden, Activation activation, NeuronKind neuron,
                                  int outputs) {
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
        List<LayerSpec> layers = new ArrayList<>(mlpLayers(hidden, activation));
        layers.set(layers.size() - 1, new LayerSpec.Dense(outputs));
        return new NetworkSpec(vectorInput(inputDim), layers, neuron);
    }

    /** Same as the MLP constructor. */
    public static NetworkSpec mlp(int inputDim, List<Integer> hidden, Activation activation, NeuronKind neuron) {
        return new NetworkSpec(inputDim, hidden, activation, neuron);
    }

    private static Shape vectorInput(int inputDim) {
        if (inputDim <= 0) {
            throw new IllegalArgumentException("inputDim must be positive, got " + inputDim);
        }
        return Shape.vector(inputDim);
    }

    private static List<LayerSpec> mlpLayers(List<Integer> hidden, Activation activation) {
        Objects.requireNonNull(hidden, "hidden");
        Objects.requireNonNull(activation, "activation");
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            Integer h = hidden.get(i);
            if (h == null || h <= 0) {
                throw new IllegalArgumentException("hidden width " + (i + 1) + " must be positive, got " + h);
            }
            layers.add(new LayerSpec.Dense(h));
            layers.add(new LayerSpec.Act(activation));
        }
        layers.add(new LayerSpec.Dense(1));
        return layers;
    }

    /** The same network with another special neuron. */
    public NetworkSpec withNeuron(NeuronKind kind) {
        return new NetworkSpec(input, layers, kind);
    }

    /** d = C·H·W, the number of input features (what skip-exp's w reads). */
    public int inputDim() {
        return input.size();
    }

    /** K, the number of outputs (units of the last dense layer). */
    public int outputs() {
        return ((LayerSpec.Dense) layers.get(layers.size() - 1)).units();
    }

    /** The shape entering the output layer: what no-skip's w reads. */
    public Shape representation() {
        Shape s = input;
        for (int i = 0; i < layers.size() - 1; i++) {
            s = layers.get(i).output(s);
        }
        return s;
    }

    /** The compact architecture words, e.g. {@code dense:16,tanh,dense:1}. */
    public String architecture() {
        return Architecture.words(layers);
    }

    /** True when this is an MLP on vectors: (dense, σ)* dense:1 with one activation σ. */
    public boolean isMlp() {
        if (!input.isVector() || outputs() != 1 || layers.size() % 2 != 1) {
            return false;
        }
        Activation first = null;
        for (int i = 0; i + 1 < layers.size(); i += 2) {
            if (!(layers.get(i) instanceof LayerSpec.Dense) || !(layers.get(i + 1) instanceof LayerSpec.Act a)) {
                return false;
            }
            if (first != null && !first.equals(a.activation())) {
                return false;
            }
            first = a.activation();
        }
        return true;
    }

    /** The hidden widths h_1..h_L of an MLP. */
    public List<Integer> hidden() {
        requireMlp("hidden widths");
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i + 1 < layers.size(); i += 2) {
            widths.add(((LayerSpec.Dense) layers.get(i)).units());
        }
        return List.copyOf(widths);
    }

    /** The hidden layers' activation of an MLP ({@link Activation#LINEAR} when it has none). */
    public Activation activation() {
        requireMlp("one activation");
        return layers.size() > 1 ? ((LayerSpec.Act) layers.get(1)).activation() : Activation.LINEAR;
    }

    /** Number of hidden layers L of an MLP. */
    public int depth() {
        requireMlp("a depth");
        return layers.size() / 2;
    }

    /** Width of layer l of an MLP (0 = input, L = last hidden). */
    public int width(int l) {
        requireMlp("layer widths");
        return l == 0 ? inputDim() : ((LayerSpec.Dense) layers.get(2 * (l - 1))).units();
    }

    /** The flat parameter layout (PyTorch's layer order, the neuron last). */
    public ParameterLayout layout() {
        return new ParameterLayout(this);
    }

    private void requireMlp(String what) {
        if (!isMlp()) {
            throw new IllegalStateException("only an MLP has " + what + "; this network is " + architecture()
                    + " on input " + input);
        }
    }
}
