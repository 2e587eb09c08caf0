package org.oneneuron.model;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How a fresh θ is drawn. Draws go block by block in θ order from one
 * {@link SplittableRandom}, so a seed fixes θ. The neuron always starts at a = 0, b = 0 and
 * never at w = 0 (PAPER.md §8).
 */
public enum Initializer {
    /**
     * PyTorch's nn.Linear default, as the peer scripts draw it: every weight and bias of layer l
     * ~ U(-1/√fan_in, 1/√fan_in) with fan_in = width of layer l-1; neuron w ~ U(±1/√k) with k the
     * length of w.
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
        int layers = spec.depth() + 1;
        for (int l = 1; l <= layers; l++) {
            double bound = 1 / Math.sqrt(spec.width(l - 1));
            fill(theta, layout.weightOffset(l), layout.biasOffset(l), bound, rng);
            int biasEnd = layout.biasOffset(l) + (l == layers ? 1 : spec.width(l));
            fill(theta, layout.biasOffset(l), biasEnd, bound, rng);
        }
        if (layout.hasNeuron()) {
            int w = layout.neuronWOffset();
            double bound = 1 / Math.sqrt(layout.neuronInputDim());
            fill(theta, w, w + layout.neuronInputDim(), bound, rng);
            theta[layout.neuronAOffset()] = 0;
            theta[layout.neuronBOffset()] = 0;
        }
        return theta;
    }

    private void fill(double[] theta, int from, int to, double bound, SplittableRandom rng) {
        for (int k = from; k < to; k++) {
            theta[k] = this == FAN_IN_UNIFORM ? rng.nextDouble(-bound, bound) : rng.nextGaussian();
        }
    }
}
