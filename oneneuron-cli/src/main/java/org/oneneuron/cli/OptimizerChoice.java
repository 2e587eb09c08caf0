package org.oneneuron.cli;

import java.util.Locale;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfigBuilder;

/**
 * The {@code --optimizer} words: the library's optimizer kinds plus {@code momentum} and
 * {@code nesterov}, which are sgd with (Nesterov) momentum.
 */
enum OptimizerChoice {
    GD, SGD, MOMENTUM, NESTEROV, ADAM, LBFGS, NEWTON_CG;

    /** μ for {@code momentum}/{@code nesterov} when {@code --momentum} is not given (Polyak's 0.9). */
    static final double HEAVY_BALL_DEFAULT = 0.9;

    static OptimizerChoice parse(String word) {
        String w = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (OptimizerChoice c : values()) {
            if (c.name().equals(w)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--optimizer: unknown optimizer '" + word
                + "', expected gd, sgd, momentum, nesterov, adam, lbfgs or newton-cg");
    }

    /** Sets the optimizer kind and momentum on {@code builder}; {@code momentum} may be null. */
    TrainConfigBuilder configure(TrainConfigBuilder builder, Double momentum) {
        return switch (this) {
            case GD -> builder.optimizer(OptimizerKind.GD);
            case SGD -> withMomentum(builder.optimizer(OptimizerKind.SGD), momentum);
            case MOMENTUM -> builder.optimizer(OptimizerKind.SGD)
                    .momentum(momentum == null ? HEAVY_BALL_DEFAULT : momentum);
            case NESTEROV -> builder.optimizer(OptimizerKind.SGD)
                    .momentum(momentum == null ? HEAVY_BALL_DEFAULT : momentum).nesterov(true);
            case ADAM -> builder.optimizer(OptimizerKind.ADAM);
            case LBFGS -> builder.optimizer(OptimizerKind.LBFGS);
            case NEWTON_CG -> builder.optimizer(OptimizerKind.NEWTON_CG);
        };
    }

    private static TrainConfigBuilder withMomentum(TrainConfigBuilder builder, Double momentum) {
        return momentum == null ? builder : builder.momentum(momentum);
    }
}
