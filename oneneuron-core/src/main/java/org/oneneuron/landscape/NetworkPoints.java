package org.oneneuron.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.oneneuron.data.Dataset;
import org.oneneuron.eval.Metrics;
import org.oneneuron.loss.MarginLoss;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterBlock;
import org.oneneuron.model.ParameterLayout;

/**
 * Bridges the engine's {@link NetworkObjective} to the landscape instruments: the certificate's
 * {@link PointContext} (training error, the neuron's a/b positions, λ, the loss's minimum, kinks),
 * the escape problem of a plain network, the embedding of a plain point with the neuron, and the
 * filters of filter-normalized slices. It builds no objective: the run floor does.
 */
public final class NetworkPoints {

    /** A unit counts as "at the kink" when |pre-activation| <= this for some sample. */
    public static final double KINK_TOLERANCE = 1e-9;

    private NetworkPoints() {
    }

    /**
     * The certificate context of θ for a network objective; on data with conflicting labels the
     * per-sample floor is the data's ({@link DataFloor}). What the objective alone says of the least
     * loss ({@link #leastLoss}); a problem that knows more (a construction, a recipe) adds it with
     * {@link PointContext#withLeastLoss}.
     */
    public static PointContext context(NetworkObjective objective, double[] theta) {
        ParameterLayout layout = objective.layout();
        OptionalInt a = layout.hasNeuron() ? OptionalInt.of(layout.neuronAOffset()) : OptionalInt.empty();
        OptionalInt b = layout.hasNeuron() ? OptionalInt.of(layout.neuronBOffset()) : OptionalInt.empty();
        PointContext plain = new PointContext(minimumLoss(objective.loss()), trainingError(objective, theta), a, b,
                layout.hasNeuron() ? objective.lambda() : 0.0, kinks(objective, theta), Optional.empty())
                .withDataFloor(DataFloor.of(objective))
                .withEscape(escapeProbe(objective, EscapeConfig.defaults()));
        return plain.withLeastLoss(leastLoss(objective, theta, plain.minimumLoss()));
    }

    /**
     * What the objective alone says of its least loss: the theorem's floor for an exponential
     * neuron with a skip connection ({@link LeastLoss#theorem}), the least-squares minimum or
     * convexity for a linear model ({@link LinearModelMinimum}), otherwise unknown (the floor is
     * only a lower bound).
     *
     * @param floor the per-sample floor (NaN when the loss does not attain it)
     */
    public static LeastLoss leastLoss(NetworkObjective objective, double[] theta, double floor) {
        NetworkSpec spec = objective.spec();
        if (spec.neuron().exponential() && !spec.neuron().readsHidden()) {
            return LeastLoss.theorem(floor);
        }
        if (LinearModelMinimum.linear(spec)) {
            return LinearModelMinimum.of(objective, theta);
        }
        return LeastLoss.unknown();
    }

    /**
     * The attainable minimum of the summed loss: 0 when ℓ reaches 0 at finite scores (hinge family,
     * squared, target squared, Huber, the class squared hinge), NaN when it is only approached
     * (logistic, softmax cross-entropy): {@link OutputLoss#attainsMinimum}.
     */
    public static double minimumLoss(OutputLoss loss) {
        return loss.attainsMinimum() ? 0.0 : Double.NaN;
    }

    /**
     * Fraction of samples misclassified by the one accuracy rule ({@link Metrics#correct}: right
     * when y_i·f~(x_i) > 0), margin losses only; NaN for real-valued targets.
     */
    public static double trainingError(NetworkObjective objective, double[] theta) {
        if (objective.outputs() > 1) {
            return Metrics.classError(objective.scores(theta), objective.outputs(), objective.data().y());
        }
        if (!(objective.loss() instanceof MarginLoss)) {
            return Double.NaN;
        }
        double[] f = objective.scores(theta);
        double[] y = objective.data().y();
        int wrong = 0;
        for (int i = 0; i < f.length; i++) {
            if (!Metrics.correct(f[i], y[i])) {
                wrong++;
            }
        }
        return (double) wrong / f.length;
    }

    /**
     * Units of kinked activations (relu, leaky relu) whose pre-activation is within
     * {@link #KINK_TOLERANCE} of the kink for some sample (the engine scans one forward pass).
     */
    public static KinkReport kinks(NetworkObjective objective, double[] theta) {
        Set<String> kinked = new TreeSet<>();
        collect(objective.spec().layers(), kinked);
        if (kinked.isEmpty()) {
            return KinkReport.smooth(); // no unit to check: no forward pass over the data
        }
        Dataset data = objective.data();
        int[] c = objective.network().kinks(theta, data.x(), data.n(), KINK_TOLERANCE);
        if (c[1] == 0) {
            return KinkReport.smooth();
        }
        return new KinkReport(String.join(", ", kinked) + ": one-sided derivatives, σ'(0) taken from "
                + "the left; the Hessian omits the kink's delta, so figures at a flagged unit describe one "
                + "smooth piece", c[0], c[1], KINK_TOLERANCE);
    }

    private static void collect(List<LayerSpec> layers, Set<String> words) {
        for (LayerSpec l : layers) {
            if (l instanceof LayerSpec.Act a && a.activation().hasKink()) {
                words.add(a.activation().word());
            } else if (l instanceof LayerSpec.Residual r) {
                collect(r.body(), words);
            }
        }
    }

    /**
     * The escape problem of a plain network's point: its scores on its data, its loss (summed or
     * mean, with its sample weights: each sample's factor s·ω_i) and the λ of the neuron to embed.
     */
    public static EscapeProblem escapeProblem(NetworkObjective plain, double[] theta, double lambda) {
        requirePlain(plain);
        if (plain.outputs() > 1) {
            return escapeProblem(plain, theta, lambda, 0);
        }
        return new EscapeProblem(plain.data(), plain.networkScores(theta), plain.scalarLoss(), lambda, factors(plain),
                attainableMinimum(plain));
    }

    /**
     * The least loss any function reaches on the objective's data, as the certificate measures it:
     * the per-sample floor ({@link #minimumLoss}), or the data's floor when identical inputs carry
     * conflicting labels ({@link DataFloor}); NaN when the loss only approaches it.
     */
    static double attainableMinimum(NetworkObjective objective) {
        double m = minimumLoss(objective.loss());
        if (m == 0.0) {
            Optional<DataFloor> floor = DataFloor.of(objective);
            if (floor.isPresent()) {
                return floor.get().loss();
            }
        }
        return m;
    }

    /**
     * The escape problem of output k of a K-output network's point (PAPER.md §10): with every
     * a = 0 the neuron of output k adds a_k·E_ik to that output alone, so the proof's direction for
     * it is the one-output escape on ℓ seen as a function of f_ik, the other scores held
     * ({@link OutputSlice}): g_k = ∂L~/∂a_k = Σ_i s·ω_i ∂ℓ/∂q_k · E_ik, κ_k = λ + Σ_i s·ω_i ∂²ℓ/∂q_k² E_ik².
     * The problem's data carry sample indices as targets. A network with neurons is refused, as
     * with one output: its scores without them are not the point the model is at.
     */
    public static EscapeProblem escapeProblem(NetworkObjective plain, double[] theta, double lambda, int k) {
        requirePlain(plain);
        return outputProblem(plain, theta, lambda, k);
    }

    private static void requirePlain(NetworkObjective plain) {
        if (plain.layout().hasNeuron()) {
            throw new IllegalArgumentException("the escape certificate starts from a plain network; this one has "
                    + plain.spec().neuron().word());
        }
    }

    /**
     * {@link #escapeProblem(NetworkObjective, double[], double, int)} on a plain network or on the
     * network part of an augmented one (its scores with the neurons removed, as {@link EscapeCheck}
     * asks at every a = 0).
     */
    static EscapeProblem outputProblem(NetworkObjective objective, double[] theta, double lambda, int k) {
        int outputs = objective.outputs();
        OutputSlice slice = new OutputSlice(objective.loss(), objective.networkScores(theta), objective.data().y(),
                outputs, k);
        return new EscapeProblem(OutputSlice.indexed(objective.data()), slice.column(), slice, lambda,
                factors(objective), attainableMinimum(objective));
    }

    /** s·ω_i for every sample: the objective's reduction scale times its sample weight. */
    static double[] factors(NetworkObjective objective) {
        int n = objective.data().n();
        double scale = objective.reduction().scale(n);
        double[] weights = objective.weights();
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = weights == null ? scale : scale * weights[i];
        }
        return f;
    }

    /**
     * The theorem's escape at an augmented network's points ({@link EscapeCheck}), for the
     * exponential neuron reading the input (skip-exp, per-layer-exp), one or K outputs; empty otherwise (the ablation
     * units do not remove bad minima, PAPER.md §7, and no escape is promised for them).
     */
    public static Optional<EscapeProbe> escapeProbe(NetworkObjective augmented, EscapeConfig config) {
        NetworkSpec spec = augmented.spec();
        if (!spec.neuron().exponential() || spec.neuron().readsHidden()) {
            return Optional.empty();
        }
        return Optional.of((theta, loss) -> EscapeCheck.at(augmented, theta, loss, config));
    }

    /**
     * A plain θ extended with output k's neuron at (w, a, b) and every other output's neuron at
     * (0, 0, 0) (a = 0: it adds nothing), in the augmented objective's layout.
     */
    public static double[] embed(NetworkObjective augmented, double[] plainTheta, int k, double[] w, double a,
                                 double b) {
        ParameterLayout layout = augmented.layout();
        int outputs = augmented.outputs();
        if (k < 0 || k >= outputs) {
            throw new IllegalArgumentException("output " + k + " of " + outputs);
        }
        if (plainTheta.length != layout.networkDimension() || w.length != layout.neuronInputDim()) {
            throw new IllegalArgumentException("embedding needs " + layout.networkDimension()
                    + " network parameters and w of length " + layout.neuronInputDim() + ", got "
                    + plainTheta.length + " and " + w.length);
        }
        double[] theta = new double[layout.dimension()];
        System.arraycopy(plainTheta, 0, theta, 0, plainTheta.length);
        System.arraycopy(w, 0, theta, layout.neuronWOffset() + k * w.length, w.length);
        theta[layout.neuronAOffset() + k] = a;
        theta[layout.neuronBOffset() + k] = b;
        return theta;
    }

    /** A plain θ extended with the neuron's (w, a, b) in the augmented objective's layout (output 0). */
    public static double[] embed(NetworkObjective augmented, double[] plainTheta, double[] w, double a, double b) {
        return embed(augmented, plainTheta, 0, w, a, b);
    }

    /** Filters for {@link Slices#filterNormalized}: every row of every weight matrix. */
    public static List<int[]> filters(ParameterLayout layout) {
        List<int[]> filters = new ArrayList<>();
        for (ParameterBlock block : layout.blocks()) {
            if (block.name().startsWith("W") && block.cols() > 1) {
                for (int r = 0; r < block.rows(); r++) {
                    filters.add(new int[] {block.offset() + r * block.cols(), block.cols()});
                }
            }
        }
        return filters;
    }
}
