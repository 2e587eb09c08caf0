package org.oneneuron.study;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oneneuron.linalg.Precision;

/**
 * One run of a study: one configuration and one restart. Produced by {@link StudySpec#expand()};
 * a run is fully determined by its RunSpec, so it can be replayed alone ({@code --only-run K}).
 * Serializable, so that a cluster's driver can send runs to its executors (oneneuron-spark).
 *
 * <p>The network is an MLP ({@code hidden} widths, one {@code activation}) or, when
 * {@code architecture} is set, a layer graph in {@code --arch} words (then {@code hidden} is empty
 * and {@code activation} is ""; the activations are in the words).
 *
 * @param runIndex        position in the study's ordered expansion, from 0
 * @param data            data set name (built-in name or file path)
 * @param hidden          hidden layer widths of the MLP (empty for a layer graph)
 * @param activation      activation word of the MLP (tanh, relu, ...; "" for a layer graph)
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
 * @param architecture    the layer graph in {@code --arch} words, or "" for the MLP
 * @param inputShape      how each sample is read, CxHxW, or "" for the data's own shape
 * @param batch           samples per sgd/adam step, 0 for the full batch
 * @param dtype           the passes' arithmetic: float64, or float32 (θ and every reported
 *                        figure stay float64)
 */
public record RunSpec(int runIndex, String data, List<Integer> hidden, String activation,
                      String neuron, String loss, String reduction, double lambda, String optimizer,
                      double learningRate, int steps, double clip, String init, int restart,
                      long studySeed, double heldOutFraction, String architecture, String inputShape,
                      int batch, String dtype)
        implements Serializable {

    public RunSpec {
        Objects.requireNonNull(data, "data");
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(inputShape, "inputShape");
        if (!architecture.isEmpty() && (!hidden.isEmpty() || !activation.isEmpty())) {
            throw new IllegalArgumentException("a run on the layer graph " + architecture
                    + " has no hidden widths or activation of its own, got " + hidden + " " + activation);
        }
        if (architecture.isEmpty() && !inputShape.isEmpty()) {
            throw new IllegalArgumentException("an input shape (" + inputShape + ") is for a layer graph;"
                    + " an MLP reads each sample as a vector");
        }
        Objects.requireNonNull(neuron, "neuron");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(reduction, "reduction");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(init, "init");
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 0 (0 = full batch), got " + batch);
        }
        dtype = Precision.parse(dtype == null ? Precision.FLOAT64.word() : dtype).word();
        if (runIndex < 0 || restart < 0) {
            throw new IllegalArgumentException("run index and restart must be >= 0, got "
                    + runIndex + " and " + restart);
        }
    }

    /** A full-batch float64 run. */
    public RunSpec(int runIndex, String data, List<Integer> hidden, String activation, String neuron,
                   String loss, String reduction, double lambda, String optimizer, double learningRate,
                   int steps, double clip, String init, int restart, long studySeed, double heldOutFraction,
                   String architecture, String inputShape) {
        this(runIndex, data, hidden, activation, neuron, loss, reduction, lambda, optimizer, learningRate,
                steps, clip, init, restart, studySeed, heldOutFraction, architecture, inputShape, 0, null);
    }

    /** An MLP run on the data's own shape. */
    public RunSpec(int runIndex, String data, List<Integer> hidden, String activation, String neuron,
                   String loss, String reduction, double lambda, String optimizer, double learningRate,
                   int steps, double clip, String init, int restart, long studySeed, double heldOutFraction) {
        this(runIndex, data, hidden, activation, neuron, loss, reduction, lambda, optimizer, learningRate,
                steps, clip, init, restart, studySeed, heldOutFraction, "", "", 0, null);
    }

    /** True when the network is a layer graph given in {@code --arch} words. */
    public boolean graph() {
        return !architecture.isEmpty();
    }

    /**
     * The network in {@code --arch} words: the architecture, or the MLP's
     * ({@code dense:16,tanh,dense:1} for hidden [16] and tanh).
     */
    public String network() {
        if (graph()) {
            return architecture;
        }
        StringBuilder words = new StringBuilder();
        for (int width : hidden) {
            words.append("dense:").append(width).append(',').append(activation).append(',');
        }
        return words.append("dense:1").toString();
    }

    /** The arithmetic of the run's passes. */
    public Precision precision() {
        return Precision.parse(dtype);
    }

    /** The run's generator seed: mix(study seed, restart). */
    public long runSeed() {
        return RunSeeds.mix(studySeed, restart);
    }

    /** True when the run has a special neuron (any variant other than none). */
    public boolean augmented() {
        return !"none".equals(neuron) && scaffold().isEmpty();
    }

    /**
     * The scaffold schedule of a {@code scaffold-drop} or {@code scaffold-lambda} run: the skip-exp
     * neuron trained as a scaffold and removed by the end (the run's model is plain); empty otherwise.
     */
    public java.util.Optional<org.oneneuron.run.Scaffold> scaffold() {
        return scaffoldOf(neuron);
    }

    /** The scaffold schedule a neuron variant word names (see {@link #scaffold()}). */
    static java.util.Optional<org.oneneuron.run.Scaffold> scaffoldOf(String neuron) {
        if (!neuron.startsWith(SCAFFOLD)) {
            return java.util.Optional.empty();
        }
        org.oneneuron.run.Scaffold s = org.oneneuron.run.Scaffold.parse(neuron.substring(SCAFFOLD.length()));
        if (s.mode() != org.oneneuron.run.Scaffold.Mode.DROP && s.mode() != org.oneneuron.run.Scaffold.Mode.LAMBDA) {
            throw new IllegalArgumentException("unknown neuron variant '" + neuron
                    + "'; the scaffold variants are scaffold-drop and scaffold-lambda");
        }
        return java.util.Optional.of(s);
    }

    /** The prefix of the scaffold variants' neuron words. */
    public static final String SCAFFOLD = "scaffold-";

    /** Identity of the configuration: everything but the restart and the run index. */
    public String configKey() {
        return pairingKey() + " neuron=" + neuron;
    }

    /**
     * The configuration without the neuron: runs with equal keys and restarts are paired. An MLP
     * is named by {@code hidden=[16] act=tanh} (the key of every journal so far), a layer graph by
     * {@code arch=WORDS} and, when set, {@code input=CxHxW}; a minibatch or float32 run adds
     * {@code batch=B} and {@code dtype=float32} (full-batch float64 keys are those of every journal
     * before these options).
     */
    public String pairingKey() {
        String network = graph()
                ? "arch=" + architecture + (inputShape.isEmpty() ? "" : " input=" + inputShape)
                : "hidden=" + hidden + " act=" + activation;
        return String.format(Locale.ROOT,
                "data=%s %s loss=%s/%s lambda=%s opt=%s lr=%s steps=%d clip=%s init=%s",
                data, network, loss, reduction, num(lambda), optimizer,
                num(learningRate), steps, num(clip), init)
                + (batch > 0 ? " batch=" + batch : "")
                + (precision() == Precision.FLOAT64 ? "" : " dtype=" + dtype);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
