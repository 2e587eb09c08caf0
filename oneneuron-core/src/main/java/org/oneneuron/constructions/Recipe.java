package org.oneneuron.constructions;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Reduction;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.model.NetworkSpec;

/**
 * A bad local minimum built by a recipe that scales to any data and width (PAPER.md §6 D): the
 * data, the plain network, the loss (summed), θ of the bad point with its loss, and a global point
 * and loss where the recipe knows them.
 *
 * @param name        "dead-relu" or "yun-linear"
 * @param description one line on why the point is a local minimum
 * @param data        the data set
 * @param spec        the plain network
 * @param loss        the per-sample loss (summed; a class loss for a K-output network)
 * @param badPoint    θ of the bad local minimum
 * @param badLoss     the summed loss there
 * @param globalPoint θ of a global minimum, when known
 * @param globalLoss  the global minimum's loss, when known
 * @param beatenBecause why some point of the network reaches a loss below {@code badLoss}, when
 *                    the recipe knows (then the bad point is not a global minimum, whatever the
 *                    least loss is)
 */
public record Recipe(String name, String description, Dataset data, NetworkSpec spec, OutputLoss loss,
                     double[] badPoint, double badLoss, Optional<double[]> globalPoint,
                     OptionalDouble globalLoss, Optional<String> beatenBecause) {

    public Recipe {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(beatenBecause, "beatenBecause");
        if (spec.neuron().present()) {
            throw new IllegalArgumentException("a recipe's network is plain, got neuron " + spec.neuron().word());
        }
        if (badPoint.length != spec.layout().dimension()) {
            throw new IllegalArgumentException("badPoint has " + badPoint.length + " values, the network has "
                    + spec.layout().dimension() + " parameters");
        }
        badPoint = badPoint.clone();
        globalPoint = globalPoint.map(double[]::clone);
    }

    @Override
    public double[] badPoint() {
        return badPoint.clone();
    }

    @Override
    public Optional<double[]> globalPoint() {
        return globalPoint.map(double[]::clone);
    }

    /** The reduction every recipe uses: the paper's sum. */
    public Reduction reduction() {
        return Reduction.SUM;
    }

    /** λ of the neuron embedded at the bad point by the landscape commands (as for the §6 cases). */
    public double lambda() {
        return 0.01;
    }
}
