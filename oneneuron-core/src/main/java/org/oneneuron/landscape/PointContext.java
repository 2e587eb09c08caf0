package org.oneneuron.landscape;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.oneneuron.train.Verdict;

/**
 * What a certificate needs to know about the model beyond its {@link org.oneneuron.objective.Objective}.
 *
 * @param minimumLoss   the loss's attainable minimum (0 for the hinge family); NaN when unknown
 *                      (then global_minimum is never claimed)
 * @param trainingError fraction of training samples misclassified, NaN when not applicable
 * @param aIndex        position of the special neuron's a in θ (augmented models)
 * @param bIndex        position of its b in θ
 * @param lambda        the penalty λ on a (0 for plain models)
 * @param kinks         the kink report of the activation
 * @param trajectory    the trainer's verdict on the run that ended here, when there was one
 * @param dataFloor     when identical inputs carry conflicting labels: the least loss any function
 *                      reaches on the data, which is then {@code minimumLoss}
 */
public record PointContext(double minimumLoss, double trainingError, OptionalInt aIndex,
                           OptionalInt bIndex, double lambda, KinkReport kinks,
                           Optional<Verdict> trajectory, Optional<DataFloor> dataFloor) {

    public PointContext {
        Objects.requireNonNull(kinks, "kinks");
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(dataFloor, "dataFloor");
        if (aIndex.isPresent() != bIndex.isPresent()) {
            throw new IllegalArgumentException("aIndex and bIndex must both be given or both be absent");
        }
    }

    /** A context of data whose identical inputs carry identical labels. */
    public PointContext(double minimumLoss, double trainingError, OptionalInt aIndex, OptionalInt bIndex,
                        double lambda, KinkReport kinks, Optional<Verdict> trajectory) {
        this(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks, trajectory, Optional.empty());
    }

    /** A plain model with a hinge-family loss (minimum 0). */
    public static PointContext plain(double trainingError, KinkReport kinks) {
        return new PointContext(0.0, trainingError, OptionalInt.empty(), OptionalInt.empty(), 0.0,
                kinks, Optional.empty());
    }

    /** An augmented model with a hinge-family loss, a and b at the given positions. */
    public static PointContext augmented(double trainingError, int aIndex, int bIndex, double lambda,
                                         KinkReport kinks) {
        return new PointContext(0.0, trainingError, OptionalInt.of(aIndex), OptionalInt.of(bIndex),
                lambda, kinks, Optional.empty());
    }

    /** The same context with the trainer's verdict attached. */
    public PointContext withTrajectory(Verdict verdict) {
        return new PointContext(minimumLoss, trainingError, aIndex, bIndex, lambda, kinks,
                Optional.of(verdict), dataFloor);
    }

    public PointContext withMinimumLoss(double minimum) {
        return new PointContext(minimum, trainingError, aIndex, bIndex, lambda, kinks, trajectory, dataFloor);
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
                floor);
    }
}
