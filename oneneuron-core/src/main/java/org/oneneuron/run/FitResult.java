package org.oneneuron.run;

import java.util.Objects;
import org.oneneuron.train.TrainingResult;

/**
 * What a {@link Fit} produced: the problem, where descent started, the trainer's result (end
 * point, trajectory, stop, infinity verdict, provenance) and θ at the steps the caller asked to
 * keep.
 *
 * @param problem  what was minimized
 * @param start    θ at step 0 (θ₀ of the problem, or a given start); copied in and out
 * @param training the trainer's result
 * @param kept     θ at the kept steps ({@link ThetaTrace#none()} unless asked for)
 */
public record FitResult(Problem problem, double[] start, TrainingResult training, ThetaTrace kept) {

    public FitResult {
        Objects.requireNonNull(problem, "problem");
        start = start.clone();
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(kept, "kept");
    }

    /** A result that kept no θ along the way. */
    public FitResult(Problem problem, double[] start, TrainingResult training) {
        this(problem, start, training, ThetaTrace.none());
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** The end point θ (always finite). */
    public double[] theta() {
        return training.theta();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitResult r && problem == r.problem
                && java.util.Arrays.equals(start, r.start) && training.equals(r.training)
                && kept.equals(r.kept);
    }

    @Override
    public int hashCode() {
        return training.hashCode();
    }

    @Override
    public String toString() {
        return "FitResult[" + problem + ", " + training + "]";
    }
}
