package org.oneneuron.constructions;

import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Reduction;
import org.oneneuron.loss.SampleLoss;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;

/**
 * A network construction: data, a plain 2-2-1 network, the loss (summed), a bad and a global
 * point in the plain layout, and the escape direction of the skip-exp neuron: at
 * (bad point, a = 0, w = escapeW, b = 0), ∂L~/∂a = escapeSlope.
 *
 * @param escapeW     w of the neuron at the augmented bad point
 * @param escapeSlope the known ∂L~/∂a there (PAPER.md §6)
 */
public record NetworkConstruction(String name, String description, Dataset data, NetworkSpec plainSpec,
                                  SampleLoss loss, double[] badPoint, double[] globalPoint, double badLoss,
                                  double globalLoss, double[] escapeW, double escapeSlope)
        implements Construction {

    public NetworkConstruction {
        if (plainSpec.neuron().present()) {
            throw new IllegalArgumentException("plainSpec of " + name + " must have no neuron, has "
                    + plainSpec.neuron().word());
        }
        int dim = plainSpec.layout().dimension();
        if (badPoint.length != dim || globalPoint.length != dim) {
            throw new IllegalArgumentException(name + ": points must have the plain dimension " + dim);
        }
        if (escapeW.length != plainSpec.inputDim()) {
            throw new IllegalArgumentException(name + ": escapeW must have length " + plainSpec.inputDim());
        }
        badPoint = badPoint.clone();
        globalPoint = globalPoint.clone();
        escapeW = escapeW.clone();
    }

    @Override
    public double[] badPoint() {
        return badPoint.clone();
    }

    @Override
    public double[] globalPoint() {
        return globalPoint.clone();
    }

    @Override
    public double[] escapeW() {
        return escapeW.clone();
    }

    /** The reduction every construction uses: the paper's sum. */
    public Reduction reduction() {
        return Reduction.SUM;
    }

    /** The spec with the given special neuron. */
    public NetworkSpec augmentedSpec(NeuronKind kind) {
        return plainSpec.withNeuron(kind);
    }

    /**
     * λ of the PAPER.md §4 and §6 demonstrations on this construction (at A1 with w = (1, 0),
     * b = 0, λ = 0.01: g ≈ 0.866455); the landscape commands use it unless told otherwise.
     */
    @Override
    public double lambda() {
        return 0.01;
    }

    /** The plain point θ extended with the neuron's (w, a, b) for a skip-reading neuron kind. */
    public double[] augment(double[] plainPoint, double[] w, double a, double b) {
        ParameterLayout layout = augmentedSpec(NeuronKind.SKIP_EXP).layout();
        if (plainPoint.length != layout.networkDimension() || w.length != layout.neuronInputDim()) {
            throw new IllegalArgumentException(name + ": plain point needs " + layout.networkDimension()
                    + " values and w " + layout.neuronInputDim());
        }
        double[] theta = new double[layout.dimension()];
        System.arraycopy(plainPoint, 0, theta, 0, plainPoint.length);
        System.arraycopy(w, 0, theta, layout.neuronWOffset(), w.length);
        theta[layout.neuronAOffset()] = a;
        theta[layout.neuronBOffset()] = b;
        return theta;
    }

    @Override
    public double[] augmentedBadPoint() {
        return augment(badPoint, escapeW, 0, 0);
    }

    /** The global point augmented with a = 0, w = escapeW, b = 0. */
    public double[] augmentedGlobalPoint() {
        return augment(globalPoint, escapeW, 0, 0);
    }
}
