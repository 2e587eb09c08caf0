package org.oneneuron.model;

import java.util.Locale;
import org.oneneuron.linalg.DeterministicMath;

/**
 * The special neuron added to the network (PAPER.md §2, §3, §7). Every kind but {@link #NONE}
 * contributes a·φ(u) to the output, u = wᵀs + b, with the penalty (λ/2)a² on a alone.
 *
 * <table>
 *   <caption>kinds</caption>
 *   <tr><th>kind</th><th>φ</th><th>s (what w reads)</th></tr>
 *   <tr><td>skip-exp</td><td>exp</td><td>raw input x (Theorem 1)</td></tr>
 *   <tr><td>per-layer-exp</td><td>exp</td><td>x, relayed through every hidden layer (Theorem 2 chain)</td></tr>
 *   <tr><td>relu</td><td>max(u, 0)</td><td>x</td></tr>
 *   <tr><td>linear</td><td>u</td><td>x</td></tr>
 *   <tr><td>quadratic</td><td>u²</td><td>x</td></tr>
 *   <tr><td>sigmoid</td><td>1/(1+e^{-u})</td><td>x</td></tr>
 *   <tr><td>no-skip</td><td>exp</td><td>the last hidden layer h_L (x when there is none)</td></tr>
 * </table>
 *
 * Each kind's φ, φ' and φ'' sit side by side in {@link #phi}, {@link #phi1}, {@link #phi2}
 * (relu'(0) = 0, relu'' = 0: the kink convention of {@link Activation}).
 */
public enum NeuronKind {
    NONE, SKIP_EXP, PER_LAYER_EXP, RELU, LINEAR, QUADRATIC, SIGMOID, NO_SKIP;

    /** The word used in configs and outputs, e.g. {@code skip-exp}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a word such as {@code skip-exp} (underscores accepted too). */
    public static NeuronKind parse(String word) {
        String w = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (NeuronKind k : values()) {
            if (k.name().equals(w)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown neuron kind '" + word + "'; expected one of "
                + "none, skip-exp, per-layer-exp, relu, linear, quadratic, sigmoid, no-skip");
    }

    /** True for every kind that adds a unit (all but {@link #NONE}). */
    public boolean present() {
        return this != NONE;
    }

    /** True when φ = exp (skip-exp, per-layer-exp, no-skip): the stable form applies. */
    public boolean exponential() {
        return this == SKIP_EXP || this == PER_LAYER_EXP || this == NO_SKIP;
    }

    /** True when w reads the last hidden layer instead of the raw input. */
    public boolean readsHidden() {
        return this == NO_SKIP;
    }

    /** φ(u). */
    public double phi(double u) {
        return switch (this) {
            case NONE -> 0;
            case SKIP_EXP, PER_LAYER_EXP, NO_SKIP -> DeterministicMath.exp(u);
            case RELU -> u > 0 ? u : 0;
            case LINEAR -> u;
            case QUADRATIC -> u * u;
            case SIGMOID -> Activation.sigmoid(u);
        };
    }

    /** φ'(u), given φ(u) as {@code phi} (saves an exp). */
    public double phi1(double u, double phi) {
        return switch (this) {
            case NONE -> 0;
            case SKIP_EXP, PER_LAYER_EXP, NO_SKIP -> phi;
            case RELU -> u > 0 ? 1 : 0;
            case LINEAR -> 1;
            case QUADRATIC -> 2 * u;
            case SIGMOID -> phi * (1 - phi);
        };
    }

    /** φ''(u), given φ(u) as {@code phi}. */
    public double phi2(double u, double phi) {
        return switch (this) {
            case NONE, RELU, LINEAR -> 0;
            case SKIP_EXP, PER_LAYER_EXP, NO_SKIP -> phi;
            case QUADRATIC -> 2;
            case SIGMOID -> phi * (1 - phi) * (1 - 2 * phi);
        };
    }
}
