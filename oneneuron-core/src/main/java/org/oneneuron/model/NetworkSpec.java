package org.oneneuron.model;

import java.util.List;
import java.util.Objects;

/**
 * An MLP d → h_1 → … → h_L → 1 with one activation for every hidden layer, a linear output, and
 * an optional special neuron. {@code hidden} may be empty: then f is the linear model wᵀx + b.
 *
 * @param inputDim   d, the number of input features
 * @param hidden     the hidden widths h_1..h_L (each positive); copied
 * @param activation the hidden layers' activation
 * @param neuron     the special neuron ({@link NeuronKind#NONE} for the plain network)
 */
public record NetworkSpec(int inputDim, List<Integer> hidden, Activation activation, NeuronKind neuron) {

    public NetworkSpec {
        if (inputDim <= 0) {
            throw new IllegalArgumentException("inputDim must be positive, got " + inputDim);
        }
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) <= 0) {
                throw new IllegalArgumentException("hidden width " + (i + 1) + " must be positive, got "
                        + hidden.get(i));
            }
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(neuron, "neuron");
    }

    /** The same network with another special neuron. */
    public NetworkSpec withNeuron(NeuronKind kind) {
        return new NetworkSpec(inputDim, hidden, activation, kind);
    }

    /** Number of hidden layers L. */
    public int depth() {
        return hidden.size();
    }

    /** Width of layer l (0 = input, L = last hidden). */
    public int width(int l) {
        return l == 0 ? inputDim : hidden.get(l - 1);
    }

    /** The flat parameter layout (PyTorch's layer order, the neuron last). */
    public ParameterLayout layout() {
        return new ParameterLayout(this);
    }
}
