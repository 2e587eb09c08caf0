package org.oneneuron.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The immutable outcome of {@link Trainer#train}: the final point (always finite: after a
 * numerical failure it is the last finite point), the trajectory, why and when it stopped, how
 * long it took, where it came from and what the trajectory says about infinity.
 *
 * @param theta        the final θ (copied in and out)
 * @param optimizer    the optimizer's word
 * @param finalLoss    L(θ) at the final point (full batch)
 * @param finalGradientNorm ‖∇L(θ)‖ at the final point (full batch)
 * @param steps        iterations done
 * @param seconds      wall time of the loop
 * @param monitoringSeconds the part of {@code seconds} spent on full-data evaluations for the
 *                     history of a minibatch run (0 for full-batch optimizers, whose steps
 *                     already hold those figures)
 * @param stop         why it stopped
 * @param history      the recorded trajectory
 * @param infinity     the trajectory verdict
 * @param provenance   seed, config, versions, back-end
 * @param timings      where the call's time went: {@link Trainer#START}, {@link Trainer#OPTIMIZER},
 *                     {@link Trainer#HISTORY}, {@link Trainer#FINAL} (none for results made
 *                     elsewhere, e.g. the batched path)
 */
public record TrainingResult(double[] theta, String optimizer, double finalLoss,
                             double finalGradientNorm, long steps, double seconds, double monitoringSeconds, Stop stop,
                             TrainingHistory history, InfinityAssessment infinity,
                             Provenance provenance, Timings timings) {

    public TrainingResult {
        Objects.requireNonNull(timings, "timings");
        theta = theta.clone();
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(infinity, "infinity");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A result without a breakdown of its time ({@link Timings#none()}). */
    public TrainingResult(double[] theta, String optimizer, double finalLoss, double finalGradientNorm,
                          long steps, double seconds, double monitoringSeconds, Stop stop,
                          TrainingHistory history, InfinityAssessment infinity, Provenance provenance) {
        this(theta, optimizer, finalLoss, finalGradientNorm, steps, seconds, monitoringSeconds, stop,
                history, infinity, provenance, Timings.none());
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** Steps per second of the loop. */
    public double stepsPerSecond() {
        return seconds > 0 ? steps / seconds : 0;
    }

    /** Wall time of the optimizer's own work: {@code seconds − monitoringSeconds}. */
    public double optimizationSeconds() {
        return seconds - monitoringSeconds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingResult r && Arrays.equals(theta, r.theta)
                && optimizer.equals(r.optimizer) && steps == r.steps && stop.equals(r.stop)
                && history.equals(r.history) && Double.compare(finalLoss, r.finalLoss) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(theta) * 31 + Long.hashCode(steps);
    }

    @Override
    public String toString() {
        return "TrainingResult[" + optimizer + ", steps=" + steps + ", loss=" + finalLoss
                + ", gradient_norm=" + finalGradientNorm + ", " + stop.message() + ", "
                + infinity.verdict().word() + "]";
    }
}
