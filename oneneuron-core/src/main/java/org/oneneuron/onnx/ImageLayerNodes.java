package org.oneneuron.onnx;

import java.util.List;

/**
 * The ONNX nodes of the layers that a layer graph adds to an MLP: Reshape to [N, C, H, W],
 * Flatten (axis 1), Conv (kernel_shape, strides, pads on four sides; weights
 * filters × C × kh × kw, PyTorch's and ONNX's order), MaxPool and AveragePool (no padding, floor
 * of the window count, as the engine), LayerNormalization (axis 1 over every value of a sample,
 * epsilon the engine's; opset 17) and Add for a residual block.
 */
final class ImageLayerNodes {

    private ImageLayerNodes() {
    }

    /** Adds the layer's nodes; false when the layer is not one of these kinds. */
    static boolean add(OnnxGraphWriter g, Layer layer) {
        if (layer instanceof Layer.Reshape r) {
            g.node("Reshape", r.output(), List.of(r.input(), g.longs("image_shape", -1,
                    r.shape().channels(), r.shape().height(), r.shape().width())));
        } else if (layer instanceof Layer.Flatten f) {
            g.node("Flatten", f.output(), List.of(f.input()), OnnxGraphWriter.intAttribute("axis", 1));
        } else if (layer instanceof Layer.Conv c) {
            long p = c.padding();
            g.node("Conv", c.output(), List.of(c.input(),
                    g.constant("kernel", OnnxExporter.floats(c.weight()), c.filters(), c.channels(),
                            c.kernelHeight(), c.kernelWidth()),
                    g.constant("kernel_bias", OnnxExporter.floats(c.bias()), c.filters())),
                    OnnxGraphWriter.intsAttribute("kernel_shape", c.kernelHeight(), c.kernelWidth()),
                    OnnxGraphWriter.intsAttribute("strides", c.stride(), c.stride()),
                    OnnxGraphWriter.intsAttribute("pads", p, p, p, p));
        } else if (layer instanceof Layer.Pool pool) {
            g.node(pool.max() ? "MaxPool" : "AveragePool", pool.output(), List.of(pool.input()),
                    OnnxGraphWriter.intsAttribute("kernel_shape", pool.size(), pool.size()),
                    OnnxGraphWriter.intsAttribute("strides", pool.stride(), pool.stride()));
        } else if (layer instanceof Layer.LayerNorm n) {
            long[] dims = n.shape().isVector() ? new long[] {n.shape().size()}
                    : new long[] {n.shape().channels(), n.shape().height(), n.shape().width()};
            g.node("LayerNormalization", n.output(), List.of(n.input(),
                    g.constant("gamma", OnnxExporter.floats(n.gamma()), dims),
                    g.constant("beta", OnnxExporter.floats(n.beta()), dims)),
                    OnnxGraphWriter.intAttribute("axis", 1),
                    OnnxGraphWriter.floatAttribute("epsilon", (float) n.epsilon()));
        } else if (layer instanceof Layer.Add a) {
            g.node("Add", a.output(), List.of(a.left(), a.right()));
        } else {
            return false;
        }
        return true;
    }
}
