package org.oneneuron.onnx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model as a chain of layers over named tensors, what the ONNX exporter reads: the seam
 * between the model (today's MLP model file, {@link LayerGraphs#of}; the layer-graph engine's
 * model later) and the file format.
 *
 * @param input     name of the raw feature tensor, shape [N, inputDim]
 * @param inputDim  features per sample
 * @param layers    in evaluation order; each reads tensors written before it
 * @param score     the tensor holding the score f~(x), shape [N, 1]
 * @param labelNames the class names of -1 and +1
 * @param metadata  key-value facts written into the file (feature names, provenance, …)
 */
public record LayerGraph(String input, int inputDim, List<Layer> layers, String score,
                         List<String> labelNames, Map<String, String> metadata) {

    public LayerGraph {
        if (inputDim < 1) {
            throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
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
