package org.oneneuron.cli.landscape;

import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * Plain gradient descent as PAPER §5/§6 run it (lr 0.01, gradient norm clipped at 10, no
 * gradient-norm stop), for commands that train on from a point.
 */
final class TrainingOptions {

    @Option(names = "--steps", paramLabel = "N", description = "Gradient-descent steps (default: ${DEFAULT-VALUE}).",
            defaultValue = "20000")
    long steps;

    @Option(names = "--lr", paramLabel = "η", description = "Learning rate (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.01")
    double learningRate;

    /** The trainer's config: GD, no gradient-norm stop, clip 10, about 1000 history points. */
    TrainConfig config(long stepCount) {
        if (stepCount < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + stepCount);
        }
        return TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD).learningRate(learningRate)
                .maxSteps(stepCount).gradientTolerance(0).clipNorm(10)
                .historyStride((int) Math.max(1, stepCount / 1000)).build();
    }

    TrainConfig config() {
        return config(steps);
    }
}
