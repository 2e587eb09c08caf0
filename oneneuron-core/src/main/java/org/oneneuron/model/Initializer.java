package org.oneneuron.model;

import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Shape;

/**
 * How a fresh θ is drawn. Draws go block by block in θ order from one
 * {@link SplittableRandom}, so a seed fixes θ. The neuron always starts at a = 0, b = 0 and
 * never at w = 0 (PAPER.md §8); layer norm starts at γ = 1, β = 0.
 */
public enum Initializer {
    /**
     * PyTorch's nn.Linear and nn.Conv2d default, as the peer scripts draw it: every weight and
     * bias of a layer ~ U(-1/√fan_in, 1/√fan_in) with fan_in = its input width (dense) or C·kh·kw
     * (convolution); neuron w ~ U(±1/√k) with k the length of w.
     */
    FAN_IN_UNIFORM,
    /** PAPER.md §5 protocol: every base parameter and w ~ N(0, 1). */
    STANDARD_NORMAL;

    /** The word used in configs, e.g. {@code fan-in-uniform}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@code fan-in-uniform} or {@code standard-normal}, or the study's short words
     * {@code fan_in} / {@code fan-in} and {@code normal}.
     */
    public static Initializer parse(String word) {
        String w = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (w.equals("FAN_IN")) {
            return FAN_IN_UNIFORM;
        }
        if (w.equals("NORMAL")) {
            return STANDARD_NORMAL;
        }
        for (Initializer i : values()) {
            if (i.name().equals(w)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + word
                + "'; expected fan-in-uniform (or fan_in) or standard-normal (or normal)");
    }

    /** A fresh θ for the layout, seeded by {@code seed}. */
    public double[] initialize(ParameterLayout layout, long seed) {
        return initialize(layout, new SplittableRandom(seed));
    }

    /** A fresh θ for the layout, drawn from {@code rng} (advanced). */
    public double[] initialize(ParameterLayout layout, SplittableRandom rng) {
        double[] theta = new double[layout.dimension()];
        NetworkSpec spec = layout.spec();
        drawLayers(spec.layers(), spec.input(), layout, theta, rng, new int[] {1});
        if (layout.hasNeuron()) {
            int w = layout.neuronWOffset();
            int k = layout.neuronInputDim();
            fill(theta, w, w + k * spec.outputs(), 1 / Math.sqrt(k), rng);
            for (int j = 0; j < spec.outputs(); j++) {
                theta[layout.neuronAOffset() + j] = 0;
                theta[layout.neuronBOffset() + j] = 0;
            }
        }
        return theta;
    }

    /**
     * Dense and convolution layers: weights, then biases, ~ U(±1/√fan_in) (fan_in = d, or C·kh·kw)
     * or N(0, 1); layer norm starts at γ = 1, β = 0 and draws nothing.
     */
    private void drawLayers(java.util.List<LayerSpec> layers, Shape in, ParameterLayout layout, double[] theta,
                            SplittableRandom rng, int[] next) {
        Shape s = in;
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Residual res) {
                drawLayers(res.body(), s, layout, theta, rng, next);
            } else if (layer instanceof LayerSpec.LayerNorm) {
                int l = next[0]++;
                java.util.Arrays.fill(theta, layout.weightOffset(l), layout.biasOffset(l), 1.0);
            } else if (layer instanceof LayerSpec.Dense || layer instanceof LayerSpec.Conv) {
                int l = next[0]++;
                int fanIn = layer instanceof LayerSpec.Conv conv ? conv.kernelSize(s) : s.size();
                int units = layer.output(s).channels();
                double bound = 1 / Math.sqrt(fanIn);
                fill(theta, layout.weightOffset(l), layout.biasOffset(l), bound, rng);
                fill(theta, layout.biasOffset(l), layout.biasOffset(l) + units, bound, rng);
            }
            s = layer.output(s);
        }
    }

    private void fill(double[] theta, int from, int to, double bound, SplittableRandom rng) {
        for (int k = from; k < to; k++) {
            theta[k] = this == FAN_IN_UNIFORM ? rng.nextDouble(-bound, bound) : rng.nextGaussian();
        }
    }
}
