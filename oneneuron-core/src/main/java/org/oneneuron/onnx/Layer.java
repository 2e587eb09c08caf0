package org.oneneuron.onnx;

import java.util.Objects;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NeuronKind;

/**
 * One layer of a {@link LayerGraph}: named input tensor(s), one named output tensor, and the
 * numbers that define it. The ONNX exporter maps each kind one-to-one to ONNX nodes; a new kind
 * (convolution, pooling, flatten, once the layer-graph engine has them) is a new record here and
 * one new case in {@link OnnxExporter}.
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
     * The special neuron: output = network + a·φ(wᵀs + b), s the tensor {@code source} (the
     * standardized input, or the last hidden layer for {@code no-skip}).
     */
    record SpecialNeuron(String source, String network, String output, NeuronKind kind, double[] w,
                         double a, double b) implements Layer {
        public SpecialNeuron {
            if (!kind.present()) {
                throw new IllegalArgumentException("the special neuron layer needs a kind other than none");
            }
            w = w.clone();
        }
    }
}
