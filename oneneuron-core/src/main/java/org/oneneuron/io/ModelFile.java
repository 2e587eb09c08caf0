package org.oneneuron.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a saved model holds (docs/MODEL-FORMAT.md), in plain values so that the file format
 * does not change when a class in the engine is renamed. {@link ModelFiles} reads and writes it.
 *
 * @param network      the architecture: input dimension, hidden widths, activation, neuron kind
 * @param parameters   θ as named blocks in layout order; their concatenation is θ
 * @param standardizer the feature scaling applied before the network, if any
 * @param featureNames names of the d input features
 * @param labelNames   original names of the labels -1 and +1, in that order (binary); the K class
 *                     names in output order (multi-class); empty (regression)
 * @param loss         the margin loss's word, e.g. {@code cubic-hinge}
 * @param reduction    {@code sum} or {@code mean}
 * @param lambda       the penalty weight λ on a²
 * @param provenance   how the model was made: config, seed, versions, back-end (snake_case keys)
 * @param split        which samples of the training data were held out, if any
 * @param calibration  how scores become probabilities, if recorded
 * @param target       a regression's target scaling (the network predicts (t - mean)/scale), if
 *                     any; absent means none (mean 0, scale 1), as in files written before it existed
 */
public record ModelFile(Network network, List<Block> parameters, Optional<Standardizer> standardizer,
                        List<String> featureNames, List<String> labelNames, String loss,
                        String reduction, double lambda, Map<String, String> provenance,
                        Optional<Split> split, Optional<Calibration> calibration, Optional<Target> target) {

    /** The format version this library writes (2: the layer graph); it also reads version 1. */
    public static final int FORMAT_VERSION = 2;

    public ModelFile {
        Objects.requireNonNull(network, "network");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(standardizer, "standardizer");
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        provenance = Map.copyOf(new LinkedHashMap<>(provenance));
        if (featureNames.size() != network.inputDim()) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for input_dim "
                    + network.inputDim());
        }
        if (labelNames.size() == 1) {
            throw new IllegalArgumentException("label_names must hold 2 names (for -1 and +1), K class names, "
                    + "or none (regression), got " + labelNames);
        }
        if (!(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        standardizer.ifPresent(s -> s.requireDimension(network.inputDim()));
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(target, "target");
        int expectedOffset = 0;
        for (Block block : parameters) {
            if (block.offset() != expectedOffset) {
                throw new IllegalArgumentException("block '" + block.name() + "' starts at offset "
                        + block.offset() + ", expected " + expectedOffset + " (blocks in layout order)");
            }
            expectedOffset += block.values().length;
        }
    }

    /** A model file without a target scaling (a classifier's, or one written before it existed). */
    public ModelFile(Network network, List<Block> parameters, Optional<Standardizer> standardizer,
                     List<String> featureNames, List<String> labelNames, String loss, String reduction,
                     double lambda, Map<String, String> provenance, Optional<Split> split,
                     Optional<Calibration> calibration) {
        this(network, parameters, standardizer, featureNames, labelNames, loss, reduction, lambda, provenance,
                split, calibration, Optional.empty());
    }

    /** A model file without a recorded split or calibration (files of earlier versions). */
    public ModelFile(Network network, List<Block> parameters, Optional<Standardizer> standardizer,
                     List<String> featureNames, List<String> labelNames, String loss, String reduction,
                     double lambda, Map<String, String> provenance) {
        this(network, parameters, standardizer, featureNames, labelNames, loss, reduction, lambda,
                provenance, Optional.empty(), Optional.empty());
    }

    /** θ: the blocks' values concatenated in order (a fresh array). */
    public double[] theta() {
        double[] theta = new double[dimension()];
        for (Block block : parameters) {
            System.arraycopy(block.values(), 0, theta, block.offset(), block.values().length);
        }
        return theta;
    }

    /** Length of θ. */
    public int dimension() {
        return parameters.stream().mapToInt(b -> b.values().length).sum();
    }

    /**
     * The architecture in words. Format version 2 stores the layer graph ({@code architecture},
     * {@code input_shape}); version 1 stored an MLP as hidden widths and one activation, which
     * is the same as the architecture {@code dense:h_1,σ,…,dense:h_L,σ,dense:1}.
     *
     * @param inputDim     number of input features d = C·H·W
     * @param hidden       hidden layer widths of an MLP, input side first (empty for other graphs)
     * @param activation   the MLP's activation word, e.g. {@code relu} (empty for other graphs)
     * @param neuron       special neuron word, e.g. {@code none} or {@code skip-exp}
     * @param inputShape   the shape of one sample, e.g. {@code 1x28x28} or {@code 30}
     * @param architecture the layer words, e.g. {@code conv:8x5x5,relu,…,dense:1}; empty: the MLP
     */
    public record Network(int inputDim, List<Integer> hidden, String activation, String neuron,
                          String inputShape, String architecture) {
        public Network {
            if (inputDim <= 0) {
                throw new IllegalArgumentException("input_dim must be positive, got " + inputDim);
            }
            hidden = List.copyOf(hidden);
            for (int width : hidden) {
                if (width <= 0) {
                    throw new IllegalArgumentException("hidden widths must be positive, got " + hidden);
                }
            }
            Objects.requireNonNull(activation, "activation");
            Objects.requireNonNull(neuron, "neuron");
            inputShape = inputShape == null || inputShape.isBlank() ? Integer.toString(inputDim) : inputShape;
            architecture = architecture == null ? "" : architecture;
        }

        /** An MLP on d features (format version 1's network). */
        public Network(int inputDim, List<Integer> hidden, String activation, String neuron) {
            this(inputDim, hidden, activation, neuron, null, null);
        }

        /** True when the network is described by its layer words rather than as an MLP. */
        public boolean isGraph() {
            return !architecture.isEmpty();
        }
    }

    /**
     * One named block of θ: a rows×cols matrix (row-major) or a vector (cols = 1).
     *
     * @param name   block name from the parameter layout, e.g. {@code W1}, {@code b1}, {@code a}
     * @param offset position of the block's first value in θ
     * @param rows   rows
     * @param cols   columns
     * @param values rows·cols finite values, row-major; copied in and out
     */
    public record Block(String name, int offset, int rows, int cols, double[] values) {
        public Block {
            Objects.requireNonNull(name, "name");
            if (rows < 0 || cols < 0 || offset < 0) {
                throw new IllegalArgumentException("block '" + name + "': negative offset or shape");
            }
            if (values.length != rows * cols) {
                throw new IllegalArgumentException("block '" + name + "' has " + values.length
                        + " values, expected rows*cols = " + rows + "*" + cols);
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("block '" + name + "' value " + i + " is "
                            + values[i] + "; a model file holds finite parameters only");
                }
            }
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && name.equals(b.name) && offset == b.offset && rows == b.rows
                    && cols == b.cols && Arrays.equals(values, b.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, offset, rows, cols, Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return "Block[" + name + " " + rows + "x" + cols + " at " + offset + "]";
        }
    }

    /**
     * Feature scaling x' = (x - mean) / scale, applied before the network.
     *
     * @param mean  per-feature mean; copied in and out
     * @param scale per-feature scale, all positive and finite; copied in and out
     */
    public record Standardizer(double[] mean, double[] scale) {
        public Standardizer {
            mean = mean.clone();
            scale = scale.clone();
            if (mean.length != scale.length) {
                throw new IllegalArgumentException("standardizer: " + mean.length + " means but "
                        + scale.length + " scales");
            }
            for (int j = 0; j < scale.length; j++) {
                if (!(scale[j] > 0 && Double.isFinite(scale[j])) || !Double.isFinite(mean[j])) {
                    throw new IllegalArgumentException("standardizer feature " + j + ": mean "
                            + mean[j] + ", scale " + scale[j] + " (need finite, scale > 0)");
                }
            }
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] scale() {
            return scale.clone();
        }

        void requireDimension(int d) {
            if (mean.length != d) {
                throw new IllegalArgumentException("standardizer has " + mean.length
                        + " features, network input_dim is " + d);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Standardizer s && Arrays.equals(mean, s.mean)
                    && Arrays.equals(scale, s.scale);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
        }

        @Override
        public String toString() {
            return "Standardizer[d=" + mean.length + "]";
        }
    }

    /**
     * A regression target's scaling t' = (t - mean) / scale: the network predicts t', the model
     * mean + scale·f~.
     *
     * @param mean  finite
     * @param scale finite and positive
     */
    public record Target(double mean, double scale) {
        public Target {
            if (!Double.isFinite(mean) || !(scale > 0 && Double.isFinite(scale))) {
                throw new IllegalArgumentException("target standardizer: mean " + mean + ", scale " + scale
                        + " (need finite, scale > 0)");
            }
        }
    }

    /**
     * The held-out split of the training data.
     *
     * @param heldOutShare the share asked for
     * @param seed         the seed of the stratified shuffle
     * @param n            samples of the data set it was drawn from
     * @param dataSha256   that data set's fingerprint (sha256 over n, d, x, y)
     * @param testIndices  the held-out samples' 0-based indices, increasing; copied in and out
     */
    public record Split(double heldOutShare, long seed, int n, String dataSha256, int[] testIndices) {
        public Split {
            Objects.requireNonNull(dataSha256, "dataSha256");
            testIndices = testIndices.clone();
        }

        @Override
        public int[] testIndices() {
            return testIndices.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Split s && Double.compare(heldOutShare, s.heldOutShare) == 0
                    && seed == s.seed && n == s.n && dataSha256.equals(s.dataSha256)
                    && Arrays.equals(testIndices, s.testIndices);
        }

        @Override
        public int hashCode() {
            return Objects.hash(heldOutShare, seed, n, dataSha256, Arrays.hashCode(testIndices));
        }

        @Override
        public String toString() {
            return "Split[" + testIndices.length + " of " + n + " held out]";
        }
    }

    /**
     * How scores become probabilities: {@code logistic-loss} (σ(f~)), {@code platt} or, for K
     * scores, {@code temperature} (softmax(a·f~), b = 0)
     * (1/(1 + exp(a·f~ + b))).
     *
     * @param method   the method's word
     * @param a        Platt's slope, or the temperature's a = 1/T
     * @param b        Platt's offset
     * @param fittedOn what it was fitted on (e.g. {@code held_out})
     * @param samples  samples it was fitted on
     */
    public record Calibration(String method, double a, double b, String fittedOn, int samples) {
        public Calibration {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(fittedOn, "fittedOn");
        }
    }

    /** Splits θ into blocks given (name, rows, cols) triples in layout order. */
    public static List<Block> blocks(double[] theta, List<String> names, List<int[]> shapes) {
        if (names.size() != shapes.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + shapes.size() + " shapes");
        }
        List<Block> blocks = new ArrayList<>(names.size());
        int offset = 0;
        for (int k = 0; k < names.size(); k++) {
            int rows = shapes.get(k)[0];
            int cols = shapes.get(k)[1];
            if (offset + rows * cols > theta.length) {
                throw new IllegalArgumentException("blocks need more than the " + theta.length
                        + " values of θ");
            }
            blocks.add(new Block(names.get(k), offset, rows, cols,
                    Arrays.copyOfRange(theta, offset, offset + rows * cols)));
            offset += rows * cols;
        }
        if (offset != theta.length) {
            throw new IllegalArgumentException("blocks cover " + offset + " of the " + theta.length
                    + " values of θ");
        }
        return blocks;
    }
}
