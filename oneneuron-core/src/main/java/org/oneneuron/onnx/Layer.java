package org.oneneuron.onnx;

import java.util.Objects;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NeuronKind;

/**
 * One layer of a {@link LayerGraph}: named input tensor(s), one named output tensor, and the
 * numbers that define it. The ONNX exporter maps each kind one-to-one to ONNX nodes; a new kind
 * is a new record here and one new case in {@link OnnxExporter}. Tensors are [N, d] (vectors) or
 * [N, C, H, W] (images); {@link Reshape} and {@link Flatten} move between the two.
 */
public sealed interface Layer {

    /** The tensor this layer writes. */
    String output();

    /** z = (x - mean) / scale, per feature (ONNX Sub, Div). */
    record Standardize(String input, String output, double[] mean, double[] scale) implements Layer {
        public Standardize {
            if (mean.length != scale.length) {
                throw new IllegalArgumentException(mean.length + " means for " + scale.length + " scales");
            }
            mean = mean.clone();
            scale = scale.clone();
        }
    }

    /**
     * y = x Wᵀ + b (ONNX Gemm with transB = 1).
     *
     * @param weight row-major, {@code outputs × inputs}
     * @param bias   length {@code outputs}
     */
    record Dense(String input, String output, int inputs, int outputs, double[] weight, double[] bias)
            implements Layer {
        public Dense {
            if (weight.length != inputs * outputs || bias.length != outputs) {
                throw new IllegalArgumentException("dense " + inputs + "->" + outputs + " needs "
                        + inputs * outputs + " weights and " + outputs + " biases, got " + weight.length
                        + " and " + bias.length);
            }
            weight = weight.clone();
            bias = bias.clone();
        }
    }

    /** y = σ(x) element-wise (ONNX Tanh, Relu, LeakyRelu, Sigmoid, Softplus, Elu, Identity). */
    record Activate(String input, String output, Activation activation) implements Layer {
        public Activate {
            Objects.requireNonNull(activation, "activation");
        }
    }

    /**
     * The special neurons, one per output: output_k = network_k + a_k·φ(w_kᵀs + b_k), s the tensor
     * {@code source} (the standardized input, or the last hidden layer for {@code no-skip}).
     *
     * @param w row-major K × k: row k is w_k
     * @param a a_1..a_K
     * @param b b_1..b_K
     */
    record SpecialNeuron(String source, String network, String output, NeuronKind kind, double[] w,
                         double[] a, double[] b) implements Layer {
        public SpecialNeuron {
            if (!kind.present()) {
                throw new IllegalArgumentException("the special neuron layer needs a kind other than none");
            }
            if (a.length < 1 || b.length != a.length || w.length % a.length != 0) {
                throw new IllegalArgumentException("special neurons need K >= 1 values of a and b and K rows of w;"
                        + " got " + a.length + ", " + b.length + " and " + w.length + " weights");
            }
            w = w.clone();
            a = a.clone();
            b = b.clone();
        }

        /** K, the outputs (one neuron each). */
        public int outputs() {
            return a.length;
        }
    }

    /** [N, C·H·W] to [N, C, H, W] (ONNX Reshape; no data moves). */
    record Reshape(String input, String output, Shape shape) implements Layer {
        public Reshape {
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** [N, C, H, W] to [N, C·H·W] in (channel, row, column) order (ONNX Flatten, axis 1). */
    record Flatten(String input, String output) implements Layer {
    }

    /**
     * 2-D cross-correlation (ONNX Conv): {@code filters} kernels of {@code channels}×kh×kw, stride
     * and zero padding on all four sides.
     *
     * @param weight row-major, {@code filters × channels × kh × kw}
     * @param bias   length {@code filters}
     */
    record Conv(String input, String output, int channels, int filters, int kernelHeight, int kernelWidth,
                int stride, int padding, double[] weight, double[] bias) implements Layer {
        public Conv {
            if (weight.length != filters * channels * kernelHeight * kernelWidth || bias.length != filters) {
                throw new IllegalArgumentException("conv " + filters + "x" + channels + "x" + kernelHeight + "x"
                        + kernelWidth + " needs " + filters * channels * kernelHeight * kernelWidth
                        + " weights and " + filters + " biases, got " + weight.length + " and " + bias.length);
            }
            weight = weight.clone();
            bias = bias.clone();
        }
    }

    /** Max or average over size×size windows moved by stride, no padding (ONNX MaxPool, AveragePool). */
    record Pool(String input, String output, boolean max, int size, int stride) implements Layer {
    }

    /**
     * y = γ ⊙ (x − μ)/√(σ² + ε) + β over all values of a sample, σ² the mean of squares
     * (ONNX LayerNormalization, axis 1, opset 17).
     *
     * @param gamma γ, one per value of a sample, in (channel, row, column) order
     * @param beta  β, likewise
     * @param shape the sample's shape (C×H×W, or d×1×1 for a vector tensor)
     */
    record LayerNorm(String input, String output, Shape shape, double[] gamma, double[] beta, double epsilon)
            implements Layer {
        public LayerNorm {
            if (gamma.length != shape.size() || beta.length != shape.size()) {
                throw new IllegalArgumentException("layer norm over " + shape + " needs " + shape.size()
                        + " scales and shifts, got " + gamma.length + " and " + beta.length);
            }
            gamma = gamma.clone();
            beta = beta.clone();
        }
    }

    /** y = a + b element-wise (ONNX Add): a residual block's skip. */
    record Add(String left, String right, String output) implements Layer {
    }

    /**
     * y = scale·x + shift with one scale and one shift for every value (ONNX Mul, Add): a regression
     * trained on standardized targets maps its score back to the target's units, value = μ + σ·f~.
     */
    record Rescale(String input, String output, double scale, double shift) implements Layer {
        public Rescale {
            if (!Double.isFinite(scale) || !Double.isFinite(shift)) {
                throw new IllegalArgumentException("rescale needs a finite scale and shift, got " + scale + " and " + shift);
            }
        }
    }
}
