package org.oneneuron.model;

import java.util.ArrayList;
import java.util.List;
import org.oneneuron.data.Shape;

/**
 * Where every parameter sits in the flat θ: PyTorch's parameter order, the order of the peer
 * scripts. The layers that have parameters are numbered l = 1, 2, … in order (a residual
 * block's body in place); layer l holds two blocks:
 * dense {@code W{l}} (units×d, row-major) and {@code b{l}}; convolution {@code W{l}}
 * (filters × C·kh·kw, i.e. PyTorch's filters×C×kh×kw) and {@code b{l}}; layer norm
 * {@code gamma{l}} and {@code beta{l}}. The special neurons come last: {@code w} (K×k: row k
 * reads the raw input, k = d, or the output layer's input for no-skip), {@code a} (K),
 * {@code b} (K). The output layer's blocks are also reachable as {@code W_out} and {@code b_out}.
 */
public final class ParameterLayout {

    private final NetworkSpec spec;
    private final List<ParameterBlock> blocks;
    private final List<Integer> firstOffsets;
    private final List<Integer> secondOffsets;
    private final int neuronW;
    private final int neuronA;
    private final int neuronB;
    private final int neuronInputDim;
    private final int dimension;

    ParameterLayout(NetworkSpec spec) {
        this.spec = spec;
        List<ParameterBlock> list = new ArrayList<>();
        firstOffsets = new ArrayList<>();
        secondOffsets = new ArrayList<>();
        firstOffsets.add(-1);
        secondOffsets.add(-1);
        int off = addBlocks(spec.layers(), spec.input(), list, 0);
        int outputs = spec.outputs();
        if (spec.neuron().present()) {
            neuronInputDim = spec.neuron().readsHidden() ? spec.representation().size() : spec.inputDim();
            neuronW = off;
            list.add(outputs == 1 ? new ParameterBlock("w", off, neuronInputDim, 1)
                    : new ParameterBlock("w", off, outputs, neuronInputDim));
            off += outputs * neuronInputDim;
            neuronA = off;
            list.add(new ParameterBlock("a", off, outputs, 1));
            off += outputs;
            neuronB = off;
            list.add(new ParameterBlock("b", off, outputs, 1));
            off += outputs;
        } else {
            neuronInputDim = 0;
            neuronW = -1;
            neuronA = -1;
            neuronB = -1;
        }
        blocks = List.copyOf(list);
        dimension = off;
    }

    private int addBlocks(List<LayerSpec> layers, Shape in, List<ParameterBlock> list, int off) {
        Shape s = in;
        for (LayerSpec layer : layers) {
            int l = firstOffsets.size();
            if (layer instanceof LayerSpec.Dense dense) {
                off = pair(list, "W" + l, dense.units(), s.size(), "b" + l, dense.units(), off);
            } else if (layer instanceof LayerSpec.Conv conv) {
                off = pair(list, "W" + l, conv.filters(), conv.kernelSize(s), "b" + l, conv.filters(), off);
            } else if (layer instanceof LayerSpec.LayerNorm) {
                off = pair(list, "gamma" + l, s.size(), 1, "beta" + l, s.size(), off);
            } else if (layer instanceof LayerSpec.Residual res) {
                off = addBlocks(res.body(), s, list, off);
            }
            s = layer.output(s);
        }
        return off;
    }

    private int pair(List<ParameterBlock> list, String first, int rows, int cols, String second, int length,
                     int off) {
        firstOffsets.add(off);
        list.add(new ParameterBlock(first, off, rows, cols));
        off += rows * cols;
        secondOffsets.add(off);
        list.add(new ParameterBlock(second, off, length, 1));
        return off + length;
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

    /** Number of layers with parameters (the output layer is the last of them). */
    public int parameterLayers() {
        return firstOffsets.size() - 1;
    }

    /** The block with this name ({@code W1}, {@code b1}, …, {@code W_out}, {@code b_out}, {@code w}, {@code a}, {@code b}). */
    public ParameterBlock block(String name) {
        String n = switch (name) {
            case "W_out" -> "W" + parameterLayers();
            case "b_out" -> "b" + parameterLayers();
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

    /** Offset of parameter layer l's first block (weights, or γ), l = 1..{@link #parameterLayers()}. */
    public int weightOffset(int l) {
        return firstOffsets.get(l);
    }

    /** Offset of parameter layer l's second block (bias, or β). */
    public int biasOffset(int l) {
        return secondOffsets.get(l);
    }

    /** True when the spec has a special neuron. */
    public boolean hasNeuron() {
        return neuronA >= 0;
    }

    /** Offset of the neurons' input weights w (K×k, row-major), or -1 without a neuron. */
    public int neuronWOffset() {
        return neuronW;
    }

    /** Offset of the neurons' output weights a (K), or -1 without a neuron. */
    public int neuronAOffset() {
        return neuronA;
    }

    /** Offset of the neurons' biases b (K), or -1 without a neuron. */
    public int neuronBOffset() {
        return neuronB;
    }

    /** Length k of each neuron's w (d, or the representation's size for no-skip); 0 without a neuron. */
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
