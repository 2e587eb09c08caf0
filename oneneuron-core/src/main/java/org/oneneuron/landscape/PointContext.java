package org.oneneuron.landscape;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.oneneuron.train.Stop;
import org.oneneuron.train.Verdict;

/**
 * What a certificate needs to know about the model beyond its {@link org.oneneuron.objective.Objective}.
 *
 * @param minimumLoss   the per-sample floor Σ_i min_q ℓ(q; y_i) when the loss attains it (0 for the
 *                      hinge family, squared, Huber); NaN when it is only approached (logistic,
 *                      softmax cross-entropy). A lower bound on the least loss: reaching it is a
 *                      global minimum, staying above it is not by itself a bad one
 * @param trainingError fraction of training samples misclassified, NaN when not applicable
 * @param aIndex        position of the special neuron's a in θ (augmented models)
 * @param bIndex        position of its b in θ
 * @param lambda        the penalty λ on a (0 for plain models)
 * @param kinks         the kink report of the activation
 * @param trajectory    the trainer's verdict on the run that ended here, when there was one
 * @param trajectoryStop why that run stopped, when known: a run in numerical trouble (diverged,
 *                      NaN/Inf, no progress) is diverged by that stop, whatever its trend said
 * @param dataFloor     when identical inputs carry conflicting labels: the least loss any function
 *                      reaches on the data, which is then {@code minimumLoss}
 * @param escape        the theorem's escape, asked before an augmented point is called a bad local
 *                      minimum (exponential neuron; empty for plain models and the ablation units)
 * @param leastLoss     what is known of the least loss the network reaches ({@link LeastLoss}): the
 *                      reference a bad_local_minimum verdict needs
 */
public record PointContext(double minimumLoss, double trainingError, OptionalInt aIndex,
                           OptionalInt bIndex, double lambda, KinkReport kinks,
                           Optional<Verdict> trajectory, Optional<DataFloor> dataFloor,
                           Optional<EscapeProbe> escape, LeastLoss leastLoss, Optional<Stop> trajectoryStop) {

    public PointContext {
        Objects.requireNonNull(kinks, "kinks");
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(trajectoryStop, "trajectoryStop");
        Objects.requireNonNull(dataFloor, "dataFloor");
        Objects.requireNonNull(escape, "escape");
        Objects.requireNonNull(leastLoss, "leastLoss");
        if (aIndex.isPresent() != bIndex.isPresent()) {
            throw new IllegalArgumentException("aIndex and bIndex must both be given or both be absent");
        }
    }

    /** A context without the trainer's stop. */
    public PointContext(double minimumLoss, double trainingError, OptionalInt aIndex, OptionalInt bIndex,
                        double lambda, KinkReport kinks, Optional<Verdict> trajectory,
                        Optional<DataFloor> dataFloor, Optional<EscapeProbe> escape, LeastLoss leastLoss) {
        this(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks, trajectory, dataFloor, escape, leastLoss,
                Optional.empty());
    }

    /**
     * A context of data whose identical inputs carry identical labels, no escape, and nothing
     * known of the least loss beyond the floor ({@link LeastLoss#unknown()}).
     */
    public PointContext(double minimumLoss, double trainingError, OptionalInt aIndex, OptionalInt bIndex,
                        double lambda, KinkReport kinks, Optional<Verdict> trajectory) {
        this(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks, trajectory, Optional.empty(),
                Optional.empty(), LeastLoss.unknown());
    }

    /** A plain model with a hinge-family loss (floor 0; least loss unknown). */
    public static PointContext plain(double trainingError, KinkReport kinks) {
        return new PointContext(0.0, trainingError, OptionalInt.empty(), OptionalInt.empty(), 0.0,
                kinks, Optional.empty());
    }

    /**
     * An augmented model with a hinge-family loss, a and b at the given positions (the first
     * output's, when there are K); least loss unknown (an exponential neuron's caller adds
     * {@link LeastLoss#theorem}).
     */
    public static PointContext augmented(double trainingError, int aIndex, int bIndex, double lambda,
                                         KinkReport kinks) {
        return new PointContext(0.0, trainingError, OptionalInt.of(aIndex), OptionalInt.of(bIndex),
                lambda, kinks, Optional.empty());
    }

    /** The same context with the trainer's verdict attached (its stop not known). */
    public PointContext withTrajectory(Verdict verdict) {
        return new PointContext(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks,
                Optional.of(verdict), dataFloor, escape, leastLoss, Optional.empty());
    }

    /** The same context with the trainer's verdict and why the run stopped attached. */
    public PointContext withTrajectory(Verdict verdict, Stop stop) {
        return new PointContext(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks,
                Optional.of(verdict), dataFloor, escape, leastLoss, Optional.of(stop));
    }

    /** The trainer's stop when the run ended in numerical trouble (diverged, NaN/Inf, no progress); else empty. */
    public Optional<Stop> numericalTrouble() {
        return trajectoryStop.filter(s -> s.reason().numericalTrouble());
    }

    public PointContext withMinimumLoss(double minimum) {
        return new PointContext(minimum, trainingError, aIndex, bIndex, lambda, kinks, trajectory, dataFloor,
                escape, leastLoss.kind() == LeastLoss.Kind.THEOREM ? LeastLoss.theorem(minimum) : leastLoss,
                trajectoryStop);
    }

    /**
     * The same context on data with conflicting labels: where the loss's minimum is 0, the floor
     * becomes the minimum the verdict measures against (docs/LANDSCAPE.md). Empty: unchanged.
     */
    public PointContext withDataFloor(Optional<DataFloor> floor) {
        if (floor.isEmpty() || minimumLoss != 0.0) {
            return this;
        }
        return new PointContext(floor.get().loss(), trainingError, aIndex, bIndex, lambda, kinks, trajectory,
                floor, escape, leastLoss.kind() == LeastLoss.Kind.THEOREM ? LeastLoss.theorem(floor.get().loss())
                        : leastLoss, trajectoryStop);
    }

    /** The same context with the escape asked before a bad_local_minimum verdict (empty: none). */
    public PointContext withEscape(Optional<EscapeProbe> probe) {
        return new PointContext(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks, trajectory, dataFloor,
                probe, leastLoss, trajectoryStop);
    }

    /** The same context with what is known of the least loss. */
    public PointContext withLeastLoss(LeastLoss least) {
        return new PointContext(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks, trajectory, dataFloor,
                escape, least, trajectoryStop);
    }
}
