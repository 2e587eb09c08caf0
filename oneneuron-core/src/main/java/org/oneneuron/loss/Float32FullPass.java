package org.oneneuron.loss;

import java.util.Arrays;

/**
 * The results of the last full-data pass of a {@link Float32NetworkObjective} and the θ they
 * belong to: the data term s·Σ ω_i ℓ_i, its gradient when it was computed, and the neuron's
 * max_i |a·φ(u_i)| and network-only loss gathered on the way. The Trainer asks for the full value,
 * gradient and neuron snapshot at the same θ several times (history points, the final gradient);
 * an exact θ match returns the stored figures instead of another pass over all samples. The
 * penalty (λ/2)a² and its gradient λa are not stored: the objective adds its own to what it
 * reads, as a pass does, so a pass can also serve an objective that differs in λ alone
 * ({@link Float32NetworkObjective#adoptFullPass}).
 */
final class Float32FullPass {

    private final double[] theta;
    private final double[] gradient;
    private boolean valid;
    private boolean hasGradient;
    double dataValue;
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

    /** Copies the stored data term's gradient into out. */
    void gradientInto(double[] out) {
        System.arraycopy(gradient, 0, out, 0, out.length);
    }

    /**
     * Forgets the stored pass and keeps the data term's gradient of the pass being stored (null
     * for a value-only pass), before the objective adds its penalty to it.
     */
    void begin(double[] dataGradient) {
        valid = false;
        hasGradient = dataGradient != null;
        if (hasGradient) {
            System.arraycopy(dataGradient, 0, gradient, 0, gradient.length);
        }
    }

    /** Completes the pass {@link #begin} started: its θ, data term and neuron figures. */
    void complete(double[] at, double data, double max, double networkOnly) {
        System.arraycopy(at, 0, theta, 0, theta.length);
        dataValue = data;
        neuronMax = max;
        networkOnlyLoss = networkOnly;
        valid = true;
    }

    /** Becomes a copy of {@code other} (of the same dimension). */
    void copyFrom(Float32FullPass other) {
        valid = false;
        if (!other.valid) {
            return;
        }
        hasGradient = other.hasGradient;
        if (hasGradient) {
            System.arraycopy(other.gradient, 0, gradient, 0, gradient.length);
        }
        complete(other.theta, other.dataValue, other.neuronMax, other.networkOnlyLoss);
    }
}
