package org.oneneuron.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where every parameter sits in the flat θ. The order is PyTorch's layer order used by the peer
 * scripts (bench/peers/w3_hessian.py SHAPES): W1 (h_1×d, row-major), b1, W2, b2, …, W{L+1}
 * (1×h_L, the output weights), b{L+1} (the output bias), then the neuron: w (d, or h_L for
 * no-skip), a, b. The output blocks are also reachable as {@code W_out} and {@code b_out}.
 */
public final class ParameterLayout {

    private final NetworkSpec spec;
    private final List<ParameterBlock> blocks;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int neuronW;
    private final int neuronA;
    private final int neuronB;
    private final int neuronInputDim;
    private final int dimension;

    ParameterLayout(NetworkSpec spec) {
        this.spec = spec;
        int layers = spec.depth() + 1;
        List<ParameterBlock> list = new ArrayList<>();
        weightOffset = new int[layers + 1];
        biasOffset = new int[layers + 1];
        int off = 0;
        for (int l = 1; l <= layers; l++) {
            int rows = l == layers ? 1 : spec.width(l);
            int cols = spec.width(l - 1);
            weightOffset[l] = off;
            list.add(new ParameterBlock("W" + l, off, rows, cols));
            off += rows * cols;
            biasOffset[l] = off;
            list.add(new ParameterBlock("b" + l, off, rows, 1));
            off += rows;
        }
        if (spec.neuron().present()) {
            neuronInputDim = spec.neuron().readsHidden() ? spec.width(spec.depth()) : spec.inputDim();
            neuronW = off;
            list.add(new ParameterBlock("w", off, neuronInputDim, 1));
            off += neuronInputDim;
            neuronA = off;
            list.add(new ParameterBlock("a", off++, 1, 1));
            neuronB = off;
            list.add(new ParameterBlock("b", off++, 1, 1));
        } else {
            neuronInputDim = 0;
            neuronW = -1;
            neuronA = -1;
            neuronB = -1;
        }
        blocks = List.copyOf(list);
        dimension = off;
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Length of θ. */
    public int dimension() {
        return dimension;
    }

    /** Every block in θ order. */
    public List<ParameterBlock> blocks() {
        return blocks;
    }

    /** The block with this name ({@code W1}, {@code b1}, …, {@code W_out}, {@code b_out}, {@code w}, {@code a}, {@code b}). */
    public ParameterBlock block(String name) {
        String n = switch (name) {
            case "W_out" -> "W" + (spec.depth() + 1);
            case "b_out" -> "b" + (spec.depth() + 1);
            default -> name;
        };
        for (ParameterBlock b : blocks) {
            if (b.name().equals(n)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no parameter block '" + name + "' in " + names());
    }

    /** Offset of the named block. */
    public int offsetOf(String name) {
        return block(name).offset();
    }

    /** The block holding index k of θ, e.g. to name a non-finite gradient entry. */
    public ParameterBlock blockAt(int k) {
        for (ParameterBlock b : blocks) {
            if (k >= b.offset() && k < b.end()) {
                return b;
            }
        }
        throw new IllegalArgumentException("index " + k + " outside θ of dimension " + dimension);
    }

    /** "block[i]" or "block[r,c]" for index k of θ. */
    public String describe(int k) {
        ParameterBlock b = blockAt(k);
        int i = k - b.offset();
        if (b.size() == 1) {
            return b.name();
        }
        return b.cols() == 1 ? b.name() + "[" + i + "]" : b.name() + "[" + (i / b.cols()) + "," + (i % b.cols()) + "]";
    }

    /** Offset of layer l's weight matrix (l = 1..L+1; L+1 is the output layer). */
    public int weightOffset(int l) {
        return weightOffset[l];
    }

    /** Offset of layer l's bias (l = 1..L+1). */
    public int biasOffset(int l) {
        return biasOffset[l];
    }

    /** True when the spec has a special neuron. */
    public boolean hasNeuron() {
        return neuronA >= 0;
    }

    /** Offset of the neuron's input weights w, or -1 without a neuron. */
    public int neuronWOffset() {
        return neuronW;
    }

    /** Offset of the neuron's output weight a, or -1 without a neuron. */
    public int neuronAOffset() {
        return neuronA;
    }

    /** Offset of the neuron's bias b, or -1 without a neuron. */
    public int neuronBOffset() {
        return neuronB;
    }

    /** Length of w (d, or h_L for no-skip); 0 without a neuron. */
    public int neuronInputDim() {
        return neuronInputDim;
    }

    /** Number of leading parameters that belong to the plain network (θ without w, a, b). */
    public int networkDimension() {
        return hasNeuron() ? neuronW : dimension;
    }

    private List<String> names() {
        return blocks.stream().map(ParameterBlock::name).toList();
    }
}
