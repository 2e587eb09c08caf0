package org.oneneuron.study;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One run of a study: one configuration and one restart. Produced by {@link StudySpec#expand()};
 * a run is fully determined by its RunSpec, so it can be replayed alone ({@code --only-run K}).
 * Serializable, so that a cluster's driver can send runs to its executors (oneneuron-spark).
 *
 * @param runIndex        position in the study's ordered expansion, from 0
 * @param data            data set name (built-in name or file path)
 * @param hidden          hidden layer widths
 * @param activation      activation word (tanh, relu, ...)
 * @param neuron          neuron variant word (none, skip-exp, per-layer-exp, ...)
 * @param loss            margin loss word (cubic-hinge, hinge-p:P, logistic, ...)
 * @param reduction       sum or mean over samples
 * @param lambda          penalty weight λ on (λ/2)a²
 * @param optimizer       optimizer word
 * @param learningRate    step size
 * @param steps           number of optimizer steps
 * @param clip            gradient-norm clip (0 = no clipping)
 * @param init            initializer word: fan_in (U(±1/√fan_in)) or normal (N(0, 1))
 * @param restart         restart index r; the run's seed is {@link RunSeeds#mix}(studySeed, r)
 * @param studySeed       the study seed
 * @param heldOutFraction share of the data held out for evaluation (0 = none)
 */
public record RunSpec(int runIndex, String data, List<Integer> hidden, String activation,
                      String neuron, String loss, String reduction, double lambda, String optimizer,
                      double learningRate, int steps, double clip, String init, int restart,
                      long studySeed, double heldOutFraction) implements Serializable {

    public RunSpec {
        Objects.requireNonNull(data, "data");
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(neuron, "neuron");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(init, "init");
        if (runIndex < 0 || restart < 0) {
            throw new IllegalArgumentException("run index and restart must be >= 0, got "
                    + runIndex + " and " + restart);
        }
    }

    /** The run's generator seed: mix(study seed, restart). */
    public long runSeed() {
        return RunSeeds.mix(studySeed, restart);
    }

    /** True when the run has a special neuron (any variant other than none). */
    public boolean augmented() {
        return !"none".equals(neuron);
    }

    /** Identity of the configuration: everything but the restart and the run index. */
    public String configKey() {
        return pairingKey() + " neuron=" + neuron;
    }

    /** The configuration without the neuron: runs with equal keys and restarts are paired. */
    public String pairingKey() {
        return String.format(Locale.ROOT,
                "data=%s hidden=%s act=%s loss=%s/%s lambda=%s opt=%s lr=%s steps=%d clip=%s init=%s",
                data, hidden, activation, loss, reduction, num(lambda), optimizer,
                num(learningRate), steps, num(clip), init);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
