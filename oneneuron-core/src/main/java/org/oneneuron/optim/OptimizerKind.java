package org.oneneuron.optim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The optimizers the library offers, with their words for configs, CLI and outputs. */
public enum OptimizerKind {
    /** Full-batch gradient descent, optional gradient-norm clipping. */
    GD("gd"),
    /** Minibatch stochastic gradient descent with optional (Nesterov) momentum. */
    SGD("sgd"),
    /** Adam (Kingma and Ba), full batch or minibatch. */
    ADAM("adam"),
    /** Limited-memory BFGS with a strong-Wolfe line search. */
    LBFGS("lbfgs"),
    /** Trust-region Newton with Steihaug-CG on exact Hessian-vector products. */
    NEWTON_CG("newton-cg");

    private final String word;

    OptimizerKind(String word) {
        this.word = word;
    }

    /** The word, e.g. {@code newton-cg}. */
    public String word() {
        return word;
    }

    /**
     * Whether it can step on minibatches (sgd, adam); the others use every sample at each step
     * (and ignore a config's batch size; the command line and study specs refuse one).
     */
    public boolean minibatch() {
        return this == SGD || this == ADAM;
    }

    /** Parses a word such as {@code lbfgs} (case-insensitive). */
    public static OptimizerKind parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind kind : values()) {
            if (kind.word.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "', expected one of "
                + Arrays.stream(values()).map(OptimizerKind::word).collect(Collectors.joining(", ")));
    }
}
