package org.oneneuron.cli;

import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Initializer;
import org.oneneuron.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * How a fit trains: {@code --optimizer}, {@code --lr}, {@code --momentum}, {@code --steps},
 * {@code --batch}, {@code --clip}, {@code --init}, {@code --seed}, {@code --dtype} (defaults: the
 * library's).
 */
public final class OptimizerOptions {

    @Option(names = "--optimizer", paramLabel = "WORD", description = Vocabulary.OPTIMIZER)
    String optimizer = Vocabulary.TRAIN.optimizer().word();

    @Option(names = "--lr", paramLabel = "η", description = Vocabulary.LR)
    double learningRate = Vocabulary.TRAIN.learningRate();

    @Option(names = "--momentum", paramLabel = "μ", description = "Momentum μ of sgd, momentum and nesterov"
            + " (when not given: " + OptimizerChoice.HEAVY_BALL_DEFAULT + " for momentum and nesterov, 0 for sgd).")
    Double momentum;

    @Option(names = "--steps", paramLabel = "N", description = Vocabulary.STEPS)
    long steps = Vocabulary.TRAIN.maxSteps();

    @Option(names = "--batch", paramLabel = "B", description = Vocabulary.BATCH)
    int batch = Vocabulary.TRAIN.batchSize();

    @Option(names = "--clip", paramLabel = "C", description = Vocabulary.CLIP)
    double clip = Vocabulary.TRAIN.clipNorm();

    @Option(names = "--init", paramLabel = "WORD", description = Vocabulary.INIT)
    String init = Vocabulary.MODEL.initializer().word();

    @Option(names = "--seed", paramLabel = "S", description = Vocabulary.SEED)
    long seed = Vocabulary.TRAIN.seed();

    @Option(names = "--dtype", paramLabel = "TYPE", description = Vocabulary.DTYPE)
    String dtype = Vocabulary.MODEL.precision().word();

    /** The training config these options describe, with {@code threads} sample chunks. */
    public TrainConfig config(TrainConfig base, int threads) {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) { // also when this optimizer has none
            throw new IllegalArgumentException("--momentum must be in [0, 1), got " + momentum);
        }
        OptimizerChoice choice = OptimizerChoice.parse(optimizer);
        TrainConfig config;
        try {
            config = choice.configure(base.toBuilder(), momentum).learningRate(learningRate).maxSteps(steps)
                    .batchSize(batch).clipNorm(clip).seed(seed).threads(threads).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OptionNames.rename(e.getMessage()), e);
        }
        if (batch > 0 && !config.optimizer().minibatch()) {
            throw new IllegalArgumentException("--batch " + batch + " is the minibatch size of sgd, momentum, nesterov"
                    + " and adam; --optimizer " + optimizer + " uses every sample at each step");
        }
        return config;
    }

    public Initializer initializer() {
        return Initializer.parse(init);
    }

    public Precision precision() {
        try {
            return Precision.parse(dtype);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dtype must be float64 or float32, got '" + dtype + "'", e);
        }
    }

    public long seed() {
        return seed;
    }
}
