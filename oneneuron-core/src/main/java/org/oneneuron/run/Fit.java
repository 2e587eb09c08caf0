package org.oneneuron.run;

import java.util.ArrayList;
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

    /** {@link #run}, keeping θ at every multiple of {@code keepEvery} steps (none when 0). */
    static FitResult keeping(Problem problem, TrainConfig config, int keepEvery) {
        if (keepEvery == 0) {
            return run(problem, config);
        }
        List<Long> steps = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        TrainingListener keep = (step, theta, loss, gradientNorm) -> {
            if (step % keepEvery == 0) {
                steps.add(step);
                thetas.add(theta.clone());
            }
            return null;
        };
        FitResult fit = run(problem, config, keep);
        return new FitResult(problem, fit.start(), fit.training(), new ThetaTrace(
                steps.stream().mapToLong(Long::longValue).toArray(), thetas.toArray(new double[0][])));
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
        return BatchedFit.train(problems, config, 0);
    }

    /**
     * {@link #together}, keeping θ at every step that is a multiple of {@code keepEvery} (step 0
     * included) in each result's {@link FitResult#kept()}. The batched path knows θ only at the
     * history steps, so {@code keepEvery} must be a multiple of {@code config.historyStride()}
     * there; then both paths keep the same steps.
     *
     * @throws IllegalArgumentException when the problems differ in more than their seed, or
     *                                  {@code keepEvery} is below 1 or, on the batched path, not a
     *                                  multiple of the history stride
     */
    public static List<FitResult> together(List<Problem> problems, TrainConfig config, int keepEvery) {
        if (keepEvery < 1) {
            throw new IllegalArgumentException("θ is kept every k >= 1 steps, got " + keepEvery);
        }
        return BatchedFit.train(problems, config, keepEvery);
    }

    /** Whether {@link #together} would take {@code problem} onto the batched path. */
    public static boolean batchable(Problem problem, TrainConfig config) {
        return problem.batchable(config);
    }
}
