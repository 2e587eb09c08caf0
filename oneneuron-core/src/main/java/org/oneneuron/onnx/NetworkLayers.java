package org.oneneuron.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.oneneuron.data.Shape;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterLayout;

/**
 * A layer graph network ({@link NetworkSpec} of {@link LayerSpec}s) as {@link Layer}s over named
 * tensors, after the standardized input {@code x} [N, d]: Reshape to [N, C, H, W] where the
 * sample is an image, each layer in order (a residual block's body in place, then Add of its
 * input), Flatten before a dense layer that reads an image tensor, and the output layer writing
 * {@code network}. Parameters are read by the layout's numbering (W{l}, b{l}, gamma{l},
 * beta{l}, in the order {@link ParameterLayout} gives them).
 */
final class NetworkLayers {

    private final double[] theta;
    private final ParameterLayout layout;
    private final List<Layer> layers = new ArrayList<>();
    private int parameterLayer;
    private int count;
    private String tensor;
    private Shape shape;
    private boolean image;
    private String representation;

    private NetworkLayers(double[] theta, ParameterLayout layout) {
        this.theta = theta;
        this.layout = layout;
    }

    /** The layers from the standardized input {@code x} to {@code network}, and the output layer's input. */
    record Built(List<Layer> layers, String representation) {
    }

    static Built of(NetworkSpec spec, double[] theta, String x, String network) {
        NetworkLayers b = new NetworkLayers(theta, spec.layout());
        b.tensor = x;
        b.shape = spec.input();
        if (!spec.input().isVector()) {
            b.toImage();
        }
        List<LayerSpec> all = spec.layers();
        b.walk(all.subList(0, all.size() - 1));
        b.toFlat();
        b.representation = b.tensor;
        b.dense((LayerSpec.Dense) all.get(all.size() - 1), network);
        return new Built(List.copyOf(b.layers), b.representation);
    }

    private void walk(List<LayerSpec> specs) {
        for (LayerSpec layer : specs) {
            if (layer instanceof LayerSpec.Dense d) {
                toFlat();
                dense(d, fresh("dense"));
            } else if (layer instanceof LayerSpec.Conv c) {
                toImage();
                parameterLayer++;
                layers.add(new Layer.Conv(tensor, next("conv"), shape.channels(), c.filters(), c.kernelHeight(),
                        c.kernelWidth(), c.stride(), c.padding(), first(), second()));
            } else if (layer instanceof LayerSpec.Pool p) {
                toImage();
                layers.add(new Layer.Pool(tensor, next(p.max() ? "maxpool" : "avgpool"), p.max(), p.size(), p.stride()));
            } else if (layer instanceof LayerSpec.Flatten) {
                toFlat();
            } else if (layer instanceof LayerSpec.Act a) {
                layers.add(new Layer.Activate(tensor, next(a.activation().kind().name().toLowerCase(Locale.ROOT)),
                        a.activation()));
            } else if (layer instanceof LayerSpec.LayerNorm) {
                if (shape.isVector()) {
                    toFlat();
                }
                parameterLayer++;
                layers.add(new Layer.LayerNorm(tensor, next("layernorm"), shape, first(), second(),
                        LayerSpec.LayerNorm.EPSILON));
            } else if (layer instanceof LayerSpec.Residual r) {
                residual(r);
            } else {
                throw new IllegalArgumentException("no ONNX mapping for layer " + layer.word());
            }
            shape = layer.output(shape);
        }
    }

    /** x + body(x): the body in place, brought back to x's rank, then Add. */
    private void residual(LayerSpec.Residual r) {
        String skip = tensor;
        boolean skipImage = image;
        Shape in = shape;
        walk(r.body());
        shape = in;
        if (skipImage) {
            toImage();
        } else {
            toFlat();
        }
        layers.add(new Layer.Add(skip, tensor, next("residual")));
    }

    private void dense(LayerSpec.Dense d, String output) {
        parameterLayer++;
        layers.add(new Layer.Dense(tensor, output, shape.size(), d.units(), first(), second()));
        tensor = output;
    }

    private void toImage() {
        if (!image) {
            layers.add(new Layer.Reshape(tensor, next("image"), shape));
            image = true;
        }
    }

    private void toFlat() {
        if (image) {
            layers.add(new Layer.Flatten(tensor, next("flat")));
            image = false;
        }
    }

    /** A fresh tensor name. */
    private String fresh(String stem) {
        return stem + (++count);
    }

    /** A fresh tensor name, which becomes the current tensor (read the input before calling it). */
    private String next(String stem) {
        tensor = fresh(stem);
        return tensor;
    }

    private double[] first() {
        int from = layout.weightOffset(parameterLayer);
        return Arrays.copyOfRange(theta, from, layout.biasOffset(parameterLayer));
    }

    private double[] second() {
        int from = layout.biasOffset(parameterLayer);
        return Arrays.copyOfRange(theta, from, from + layout.blockAt(from).size());
    }
}
