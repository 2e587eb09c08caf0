package org.oneneuron.cli.landscape;

import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.OptionNames;
import org.oneneuron.cli.Vocabulary;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainingResult;
import picocli.CommandLine.Option;

/**
 * Training continued from a point as PAPER.md §5/§6 run it: plain gradient descent with the
 * gradient norm clipped at 10 and no gradient-norm stop. {@code --steps} and {@code --lr} mean
 * what they mean everywhere and default to the library's values.
 */
final class ContinuationOptions {

    /** PAPER.md §5: the gradient norm is clipped at 10. */
    static final double CLIP = 10;

    @Option(names = "--steps", paramLabel = "N", description = Vocabulary.STEPS
            + " Here: gradient-descent steps continuing from the point (PAPER.md §5 uses 20000).")
    long steps = Vocabulary.TRAIN.maxSteps();

    @Option(names = "--lr", paramLabel = "η", description = Vocabulary.LR
            + " Here: of the gradient descent continuing from the point.")
    double learningRate = Vocabulary.TRAIN.learningRate();

    /** The trainer's config: GD, no gradient-norm stop, clip 10, about 1000 history points. */
    TrainConfig config(long stepCount) {
        if (stepCount < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + stepCount);
        }
        try {
            return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(learningRate)
                    .maxSteps(stepCount).gradientTolerance(0).clipNorm(CLIP)
                    .historyStride((int) Math.max(1, stepCount / 1000)).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(OptionNames.rename(e.getMessage()), e);
        }
    }

    /**
     * Checks {@code --steps} and {@code --lr} when the command starts, so that an impossible value
     * is refused whether or not this run trains.
     */
    void check() {
        config();
    }

    TrainConfig config() {
        return config(steps);
    }

    /**
     * After the report is printed: a continued run in numerical trouble (diverged, NaN/Inf, no
     * progress) fails the command (exit 1, "error: training stopped: diverged at step ...", as
     * {@code train} does); null or a run without such trouble passes.
     */
    static void failOnTrouble(TrainingResult training) {
        if (training == null) {
            return;
        }
        if (training.stop().reason().numericalTrouble()) {
            throw new CommandFailure(ExitCodes.FAILURE, "training stopped: " + training.stop().message()
                    + "; the certificate describes the last point, not a converged run (try a smaller --lr)");
        }
    }
}
