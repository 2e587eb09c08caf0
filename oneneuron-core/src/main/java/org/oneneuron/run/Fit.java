package org.oneneuron.run;

import java.util.List;
import java.util.Objects;
import org.oneneuron.objective.Objective;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingListener;
import org.oneneuron.train.TrainingResult;

/**
 * A problem, an optimizer and its stopping rule ({@link TrainConfig}) give a result: the one
 * place that calls {@link Trainer}. {@link #run} starts at the problem's θ₀, {@link #from} at a
 * given point (a checkpoint, an escape step, a peer's start); {@link #together} trains problems
 * that differ only in their seed at once where the batched path can.
 */
public final class Fit {

    private Fit() {
    }

    /** Trains {@code problem} from its θ₀. */
    public static FitResult run(Problem problem, TrainConfig config, TrainingListener... listeners) {
        return from(problem, problem.initialPoint(), config, listeners);
    }

    /** Trains {@code problem} from {@code start} (finite, the problem's dimension; not modified). */
    public static FitResult from(Problem problem, double[] start, TrainConfig config,
                                 TrainingListener... listeners) {
        Objects.requireNonNull(problem, "problem");
        TrainingResult result = Trainer.train(problem.descendedObjective(), start, config, listeners);
        return new FitResult(problem, start, result);
    }

    /**
     * Trains any objective from {@code start}: for the closed-form objectives of the
     * constructions (case C), which are not networks and have no {@link Problem}.
     */
    public static TrainingResult objective(Objective objective, double[] start, TrainConfig config) {
        return Trainer.train(objective, start, config);
    }

    /**
     * Trains problems that differ only in their seed (and so their θ₀), each from its θ₀; the
     * results in order. When the problems are {@link Problem#batchable}, they run together on the
     * batched path, and each result equals what {@link #run} would give up to the order of the
     * sums over inputs and hidden units (a run that meets trouble there is trained alone).
     *
     * @throws IllegalArgumentException when the problems differ in more than their seed
     */
    public static List<FitResult> together(List<Problem> problems, TrainConfig config) {
        return BatchedFit.train(problems, config);
    }

    /** Whether {@link #together} would take {@code problem} onto the batched path. */
    public static boolean batchable(Problem problem, TrainConfig config) {
        return problem.batchable(config);
    }
}
