package org.oneneuron.model;

import java.util.List;
import java.util.Objects;
import org.oneneuron.data.Shape;

/**
 * One layer of a network as a value: what it is and how it changes a sample's {@link Shape}.
 * The engine ({@code org.oneneuron.engine}) turns each into a layer with its value, JVP, VJP and
 * R-operator rules. Written and read as compact words by {@link Architecture}.
 */
public sealed interface LayerSpec {

    /** The compact word, e.g. {@code dense:64}, {@code conv:8x5x5}, {@code maxpool:2}. */
    String word();

    /**
     * The output shape for this input shape.
     *
     * @throws IllegalArgumentException naming the layer and the shapes when they do not fit
     */
    Shape output(Shape in);

    /** Number of trainable parameters for this input shape. */
    default int parameterCount(Shape in) {
        return 0;
    }

    /** Fully connected: y = W x + b, W is units×d; the input must be flat. */
    record Dense(int units) implements LayerSpec {
        public Dense {
            positive(units, "dense units");
        }

        @Override
        public String word() {
            return "dense:" + units;
        }

        @Override
        public Shape output(Shape in) {
            if (!in.isVector()) {
                throw new IllegalArgumentException(word() + " needs a flat input but gets " + in
                        + "; put flatten before it");
            }
            return Shape.vector(units);
        }

        @Override
        public int parameterCount(Shape in) {
            return units * in.size() + units;
        }
    }

    /**
     * 2-D convolution (cross-correlation, as PyTorch's Conv2d): {@code filters} kernels of
     * C×kh×kw, stride s, zero padding p; output filters × ((H + 2p − kh)/s + 1) × ((W + 2p − kw)/s + 1).
     */
    record Conv(int filters, int kernelHeight, int kernelWidth, int stride, int padding) implements LayerSpec {
        public Conv {
            positive(filters, "conv filters");
            positive(kernelHeight, "conv kernel height");
            positive(kernelWidth, "conv kernel width");
            positive(stride, "conv stride");
            if (padding < 0) {
                throw new IllegalArgumentException("conv padding must be >= 0, got " + padding);
            }
        }

        @Override
        public String word() {
            String w = "conv:" + filters + "x" + kernelHeight + "x" + kernelWidth;
            return w + (stride != 1 ? ":s" + stride : "") + (padding != 0 ? ":p" + padding : "");
        }

        @Override
        public Shape output(Shape in) {
            int h = in.height() + 2 * padding;
            int w = in.width() + 2 * padding;
            if (kernelHeight > h || kernelWidth > w) {
                throw new IllegalArgumentException(word() + ": kernel " + kernelHeight + "x" + kernelWidth
                        + " is larger than its input " + in + (padding > 0 ? " padded to " + h + "x" + w : ""));
            }
            return new Shape(filters, (h - kernelHeight) / stride + 1, (w - kernelWidth) / stride + 1);
        }

        @Override
        public int parameterCount(Shape in) {
            return filters * in.channels() * kernelHeight * kernelWidth + filters;
        }

        /** C·kh·kw, the length of one kernel (the fan-in). */
        public int kernelSize(Shape in) {
            return in.channels() * kernelHeight * kernelWidth;
        }
    }

    /** 2-D pooling over size×size windows moved by stride (no padding): max or average. */
    record Pool(boolean max, int size, int stride) implements LayerSpec {
        public Pool {
            positive(size, "pool size");
            positive(stride, "pool stride");
        }

        @Override
        public String word() {
            return (max ? "maxpool:" : "avgpool:") + size + (stride != size ? ":s" + stride : "");
        }

        @Override
        public Shape output(Shape in) {
            if (size > in.height() || size > in.width()) {
                throw new IllegalArgumentException(word() + ": window " + size + "x" + size
                        + " is larger than its input " + in);
            }
            return new Shape(in.channels(), (in.height() - size) / stride + 1, (in.width() - size) / stride + 1);
        }
    }

    /** C×H×W to a vector of C·H·W values in (channel, row, column) order; moves no data. */
    record Flatten() implements LayerSpec {
        @Override
        public String word() {
            return "flatten";
        }

        @Override
        public Shape output(Shape in) {
            return Shape.vector(in.size());
        }
    }

    /** An element-wise activation σ. */
    record Act(Activation activation) implements LayerSpec {
        public Act {
            Objects.requireNonNull(activation, "activation");
        }

        @Override
        public String word() {
            return activation.word();
        }

        @Override
        public Shape output(Shape in) {
            return in;
        }
    }

    /**
     * Layer normalization over all C·H·W values of a sample (PyTorch's LayerNorm over the whole
     * sample shape): y = γ ⊙ (x − μ)/√(σ² + ε) + β with ε = {@value #EPSILON}, γ and β of the
     * sample's shape. Smooth, so its Hessian-vector product is exact.
     */
    record LayerNorm() implements LayerSpec {
        /** ε inside the square root, PyTorch's default. */
        public static final double EPSILON = 1e-5;

        @Override
        public String word() {
            return "layernorm";
        }

        @Override
        public Shape output(Shape in) {
            if (in.size() < 2) {
                throw new IllegalArgumentException("layernorm needs at least 2 values per sample, gets " + in);
            }
            return in;
        }

        @Override
        public int parameterCount(Shape in) {
            return 2 * in.size();
        }
    }

    /** A residual block: y = x + body(x); the body must give back the input's shape. */
    record Residual(List<LayerSpec> body) implements LayerSpec {
        public Residual {
            body = List.copyOf(Objects.requireNonNull(body, "body"));
            if (body.isEmpty()) {
                throw new IllegalArgumentException("a residual block needs at least one layer");
            }
        }

        @Override
        public String word() {
            return "res(" + Architecture.words(body) + ")";
        }

        @Override
        public Shape output(Shape in) {
            Shape s = in;
            for (LayerSpec l : body) {
                s = l.output(s);
            }
            if (!s.equals(in)) {
                throw new IllegalArgumentException(word() + ": the body turns " + in + " into " + s
                        + "; a residual block must keep the shape");
            }
            return in;
        }

        @Override
        public int parameterCount(Shape in) {
            int count = 0;
            Shape s = in;
            for (LayerSpec l : body) {
                count += l.parameterCount(s);
                s = l.output(s);
            }
            return count;
        }
    }

    private static void positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
