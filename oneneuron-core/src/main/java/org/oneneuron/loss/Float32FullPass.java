package org.oneneuron.loss;

import java.util.Arrays;

/**
 * The results of the last full-data pass of a {@link Float32NetworkObjective} and the θ they
 * belong to: L~, the gradient when it was computed, and the neuron's max_i |a·φ(u_i)| and
 * network-only loss gathered on the way. The Trainer asks for the full value, gradient and neuron
 * snapshot at the same θ several times (history points, the final gradient); an exact θ match
 * returns the stored figures instead of another pass over all samples.
 */
final class Float32FullPass {

    private final double[] theta;
    private final double[] gradient;
    private boolean valid;
    private boolean hasGradient;
    double value;
    double neuronMax;
    double networkOnlyLoss;

    Float32FullPass(int dimension) {
        theta = new double[dimension];
        gradient = new double[dimension];
    }

    /** True when the stored pass is at exactly this θ (and holds a gradient when one is needed). */
    boolean matches(double[] at, boolean needGradient) {
        return valid && (hasGradient || !needGradient) && Arrays.equals(theta, at);
    }

    /** Copies the stored gradient into out. */
    void gradientInto(double[] out) {
        System.arraycopy(gradient, 0, out, 0, out.length);
    }

    /** Stores a pass at θ; grad may be null for a value-only pass. */
    void store(double[] at, double passValue, double[] grad, double max, double networkOnly) {
        System.arraycopy(at, 0, theta, 0, theta.length);
        hasGradient = grad != null;
        if (hasGradient) {
            System.arraycopy(grad, 0, gradient, 0, gradient.length);
        }
        value = passValue;
        neuronMax = max;
        networkOnlyLoss = networkOnly;
        valid = true;
    }
}
