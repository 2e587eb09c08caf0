package org.oneneuron.onnx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model as a chain of layers over named tensors, what the ONNX exporter reads: the seam
 * between the model (an MLP or any layer graph, {@link LayerGraphs#of}) and the file format.
 *
 * @param input     name of the raw feature tensor, shape [N, inputDim]
 * @param inputDim  features per sample
 * @param layers    in evaluation order; each reads tensors written before it
 * @param score     the tensor holding the scores f~(x), shape [N, K]
 * @param outputs   K: 1 for a binary classifier or a regression, the classes of a multi-class one
 * @param labelNames the class names of -1 and +1 (binary) or of the K outputs (multi-class); none for regression
 * @param metadata  key-value facts written into the file (feature names, provenance, …)
 * @param regression the model predicts a value (one output, no classes): the file's one output is that value
 * @param probabilitySlope a multi-class model's probabilities are softmax(a·score) with this a = 1/T
 *                   (its temperature calibration; 1 without one), finite and >= 0
 */
public record LayerGraph(String input, int inputDim, List<Layer> layers, String score, int outputs,
                         List<String> labelNames, Map<String, String> metadata, boolean regression,
                         double probabilitySlope) {

    /** A classifier's graph, probabilities (multi-class) the plain softmax of the scores. */
    public LayerGraph(String input, int inputDim, List<Layer> layers, String score, int outputs,
                      List<String> labelNames, Map<String, String> metadata) {
        this(input, inputDim, layers, score, outputs, labelNames, metadata, false, 1);
    }

    public LayerGraph {
        if (inputDim < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputDim and outputs must be >= 1, got " + inputDim + " and " + outputs);
        }
        if (outputs > 1 && labelNames.size() != outputs) {
            throw new IllegalArgumentException(outputs + " outputs need as many class names, got " + labelNames);
        }
        if (!(probabilitySlope >= 0) || Double.isInfinite(probabilitySlope)) {
            throw new IllegalArgumentException("the probabilities' slope must be finite and >= 0, got " + probabilitySlope);
        }
        if (regression && (outputs != 1 || !labelNames.isEmpty())) {
            throw new IllegalArgumentException("a regression graph has one output and no class names, got "
                    + outputs + " and " + labelNames);
        }
        layers = List.copyOf(layers);
        labelNames = List.copyOf(labelNames);
        metadata = new LinkedHashMap<>(metadata);
        if (layers.stream().noneMatch(l -> l.output().equals(score))) {
            throw new IllegalArgumentException("no layer writes the score tensor '" + score + "'");
        }
    }

    @Override
    public Map<String, String> metadata() {
        return new LinkedHashMap<>(metadata);
    }
}
