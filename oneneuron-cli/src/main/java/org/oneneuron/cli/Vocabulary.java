package org.oneneuron.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.train.TrainConfig;

/**
 * One place for the words every command shares: an option's meaning (the first sentence of its
 * description) and its default, read from the library's config records
 * ({@link ClassifierConfig#defaults()}, {@link TrainConfig}). A command that takes an option uses
 * this sentence, so {@code --lambda} or {@code --steps} mean the same everywhere; a study adds how
 * it crosses several values. {@code OptionTableTest} checks it over every command and keeps
 * docs/OPTIONS.md in step.
 */
public final class Vocabulary {

    /** The library's model, data and training defaults. */
    public static final ClassifierConfig MODEL = ClassifierConfig.defaults();
    /** The library's training defaults. */
    public static final TrainConfig TRAIN = MODEL.train();

    public static final String DATA = "A data set: a file (.csv, .tsv, .txt, .libsvm, .arff, an IDX"
            + " directory or *-ubyte) or a built-in name (see 'oneneuron datasets').";
    public static final String MODEL_FILE = "A model file written by 'train'.";
    public static final String HIDDEN = "One network's hidden layer widths, input side first: 16,8 is"
            + " two layers of 16 and 8 units; 0 for a linear model.";
    public static final String ACTIVATION = "Hidden activation: relu, leaky_relu:SLOPE, tanh, sigmoid,"
            + " softplus, elu, linear.";
    public static final String ARCH = "Any layer graph instead of --hidden/--activation, its last layer dense:1,"
            + " e.g. conv:8x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1 (words: docs/ARCHITECTURE.md).";
    public static final String INPUT_SHAPE = "How to read each sample, CxHxW, e.g. 1x28x28 (IDX images keep"
            + " theirs; CSV rows are vectors).";
    public static final String NEURON = "The special neuron: none, skip-exp (the paper's), per-layer-exp,"
            + " relu, linear, quadratic, sigmoid, no-skip.";
    public static final String LOSS = "Loss. Binary (margin): cubic-hinge, hinge-p:P, smooth-hinge, logistic,"
            + " squared. Multi-class: softmax-ce (used when a margin loss is left as the default),"
            + " multi-squared-hinge. Regression: squared (default), huber, huber:δ.";
    public static final String REDUCTION = "Sum (the paper's) or mean of the per-sample losses.";
    public static final String LAMBDA = "λ of the penalty (λ/2)a² on the special neuron's output weight.";
    public static final String OPTIMIZER = "Optimizer: gd, sgd, momentum, nesterov, adam, lbfgs, newton-cg.";
    public static final String LR = "Learning rate of gd, sgd, momentum, nesterov and adam.";
    public static final String STEPS = "Optimizer steps (iterations; minibatches for sgd and adam).";
    public static final String CLIP = "Clip the gradient norm at this for gd, sgd and adam; 0 = off.";
    public static final String INIT = "How θ₀ is drawn: fan-in-uniform (PyTorch's nn.Linear) or"
            + " standard-normal (PAPER.md §5).";
    public static final String SEED = "Seed of the command's random draws (θ₀, the held-out split,"
            + " minibatch order, search directions, probes).";
    public static final String HELD_OUT = "Share of the samples held out from training (stratified), in"
            + " [0, 1); 0 = none. Sets under 20 samples are never split.";
    public static final String SPLIT = "Which samples of DATA to use: all, train or test (the model's"
            + " recorded held-out split; DATA must be the data it was trained on).";
    public static final String FIGURES = "Also draw the classifier's confusion matrix into DIR: confusion.png,"
            + " .svg, .pdf (cells shaded by their share of the actual class) and its numbers as .json and .csv"
            + " (train: of the held-out part, or of the training part without --held-out).";

    public static final String BATCH = "Minibatch size of sgd and adam; 0 = full batch.";

    public static final String DTYPE = "float64, or float32 forward and reverse passes (Hessian-vector"
            + " products, certificates and the reported figures stay float64).";

    /** The default widths as --hidden writes them, e.g. {@code 16} or {@code 16,8}; 0 for none. */
    public static final String HIDDEN_DEFAULT = widths(MODEL.hidden());

    private Vocabulary() {
    }

    /** Widths as --hidden writes them: comma-separated, {@code 0} for a linear model. */
    public static String widths(List<Integer> widths) {
        return widths.isEmpty() ? "0"
                : widths.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Parses one network's widths, e.g. {@code 16,8}; {@code 0} alone is a linear model.
     *
     * @param option the option's name, for the message
     */
    public static List<Integer> parseWidths(String text, String option) {
        String t = text.trim();
        if (t.equals("0")) {
            return List.of();
        }
        try {
            List<Integer> widths = java.util.Arrays.stream(t.split(",", -1)).map(String::trim)
                    .map(Integer::parseInt).toList();
            for (int w : widths) {
                if (w < 1) {
                    throw new IllegalArgumentException(option + ": widths must be >= 1 (or 0 alone for a"
                            + " linear model), got '" + text + "'");
                }
            }
            return widths;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a list of widths like 16"
                    + " or 16,8", e);
        }
    }
}
