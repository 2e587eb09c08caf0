package org.oneneuron.loss;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.engine.Buf;
import org.oneneuron.engine.PassKind;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Precision;
import org.oneneuron.linalg.ThetaPasses;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.objective.FloatStaging;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.objective.SampledObjective;

/**
 * The objective of a {@link NetworkObjective} — same network, loss, reduction, λ, weights and
 * minibatch scaling s_B — with value and gradient computed in float32 by the same layer-graph
 * engine: L_B = s_B·Σ_{i∈B} ω_i ℓ(f~(x_i); y_i) + (λ/2)a².
 *
 * <p>θ stays double for the optimizer: each call rounds θ to a float copy (one pass over θ, cheap
 * next to the products), runs the layers with sgemm/sgemv on float32 rows of the data (converted
 * once, at construction), and writes the gradient back as double. The per-row scalars (the
 * neuron's a·φ(u), ℓ, ℓ' and the a, b derivatives) are evaluated in double from float scores, and
 * the penalty (λ/2)a² and its gradient λa are exact. Expect agreement with the float64 objective
 * to about 1e-4 relative.
 *
 * <p>{@link #hessianVector} delegates to the float64 objective this one was built over:
 * Hessian-vector products are always exact float64.
 *
 * <p>Full-data results (value, gradient, neuron figures) are remembered for the last θ they were
 * computed at, so repeated requests at an identical θ cost a comparison and a copy.
 *
 * <p>Threads: the reference's {@code threads()} t; rows split into t contiguous chunks run in
 * parallel and added in chunk order, full passes in blocks of at most {@value SamplePasses#FLOAT32_BLOCK}
 * rows, so results are bitwise identical run to run for a given t. Every work buffer is
 * allocated once. Not thread-safe: use {@link #copy()} per thread.
 *
 * <p>{@link FloatStaging}: plain SGD may move θ in the pass that writes the float copy of θ,
 * widen its minibatch gradient there too, and read the gradient's Σ g_k² from the pass that checks
 * the gradient (the same bits either way).
 */
public final class Float32NetworkObjective implements SampledObjective, FloatStaging {

    /** Most rows per block of a full pass. */
    public static final int BLOCK = SamplePasses.FLOAT32_BLOCK;

    private final NetworkObjective reference;
    private final ParameterLayout layout;
    private final Reduction reduction;
    private final double lambda;
    private final int n;
    private final float[] x;
    private final SamplePasses passes;
    private final float[] th;
    private final Float32FullPass last;
    /** The θ array th was staged for by {@link #sgdStep}, until the next evaluation; else null. */
    private double[] stagedFor;
    /** The gradient array the last gradient was written into, and its Σ g_k². */
    private double[] squaresOf;
    private double squares;

    private Float32NetworkObjective(NetworkObjective reference, float[] x) {
        this.reference = reference;
        this.layout = reference.layout();
        this.reduction = reference.reduction();
        this.lambda = reference.lambda();
        Dataset data = reference.data();
        this.n = data.n();
        this.x = x;
        this.passes = new SamplePasses(reference.network(), Precision.FLOAT32, Buf.of(x), data.y(),
                reference.weights(), reference.loss(), reference.threads(), reference.minChunkWork());
        this.th = new float[layout.dimension()];
        this.last = new Float32FullPass(layout.dimension());
    }

    /**
     * A float32 objective over the settings and data of a float64 one (which it keeps for
     * Hessian-vector products). The data are converted to float once.
     */
    public static Float32NetworkObjective over(NetworkObjective reference) {
        return over(reference, new Float32Rows(Objects.requireNonNull(reference, "reference").data()));
    }

    /**
     * As {@link #over(NetworkObjective)}, reading the float32 rows of the reference's data set from
     * {@code rows}, which other objectives over the same data set may share.
     *
     * @throws IllegalArgumentException when {@code rows} are of another data set
     */
    public static Float32NetworkObjective over(NetworkObjective reference, Float32Rows rows) {
        Objects.requireNonNull(reference, "reference");
        if (rows.data() != reference.data()) {
            throw new IllegalArgumentException("the float32 rows are of data set '" + rows.data().name()
                    + "', not of the objective's '" + reference.data().name() + "'");
        }
        return new Float32NetworkObjective(reference, rows.x());
    }

    /** The float64 objective with the same settings (used for HVPs). */
    public NetworkObjective reference() {
        return reference;
    }

    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    @Override
    public int sampleCount() {
        return n;
    }

    @Override
    public boolean sgdStep(double[] from, double[] g, double eta, double c, double[] to) {
        stagedFor = null;
        boolean finite = ThetaPasses.sgdStep(from, passes.pendingBulk(g), passes.pendingEnd(g), g, eta, c, to, th);
        stagedFor = finite ? to : null;
        return finite;
    }

    @Override
    public float[] floatTheta() {
        stagedFor = null;
        return th;
    }

    @Override
    public void staged(double[] to) {
        if (to.length != th.length) {
            throw new IllegalArgumentException("θ has length " + to.length + ", expected " + th.length);
        }
        stagedFor = to;
    }

    @Override
    public void deferWidening(double[] gradient) {
        passes.defer(gradient);
    }

    @Override
    public void materialize(double[] gradient) {
        passes.materialize(gradient);
    }

    @Override
    public double gradientSquares(double[] gradient) {
        return gradient == squaresOf ? squares : Double.NaN;
    }

    @Override
    public double value(double[] theta) {
        if (last.matches(theta, false)) {
            stagedFor = null;
            return last.dataValue + reference.penalty(theta);
        }
        load(theta);
        return full(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        checkGradient(theta, gradient);
        if (last.matches(theta, true)) {
            stagedFor = null;
            last.gradientInto(gradient);
            finishGradient(theta, gradient, "gradient", false);
            return last.dataValue + reference.penalty(theta);
        }
        load(theta);
        return full(theta, gradient);
    }

    @Override
    public double batchValueAndGradient(double[] theta, int[] indices, int from, int to, double[] gradient) {
        checkGradient(theta, gradient);
        int m = to - from;
        if (from < 0 || to > indices.length || m <= 0) {
            throw new IllegalArgumentException("batch range [" + from + ", " + to + ") invalid for "
                    + indices.length + " indices");
        }
        for (int p = from; p < to; p++) {
            int i = indices[p];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("sample index " + i + " at position " + p
                        + " outside [0, " + n + ")");
            }
        }
        load(theta);
        double scale = reduction.batchScale(m, n);
        double sum = passes.run(PassKind.GRADIENT, theta, th, null, null, indices, from, m, scale, gradient,
                null, null, false);
        finishGradient(theta, gradient, "minibatch gradient", true);
        return scale * sum + reference.penalty(theta);
    }

    /** f~(x_i) for every training sample from float32 passes (the per-row neuron term in double). */
    public double[] scores(double[] theta) {
        load(theta);
        double[] scores = new double[n * reference.outputs()];
        double[] network = new double[n * reference.outputs()];
        passes.run(PassKind.VALUE, theta, th, null, null, null, 0, n, reduction.scale(n), null, scores, network, false);
        return scores;
    }

    /** Hessian-vector product of the float64 objective: always exact float64. */
    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        reference.hessianVector(theta, v, out);
    }

    /**
     * The neuron's figures from a float32 full pass (the last one when it was at this θ): a, b
     * and ‖w‖ exact from θ; max_i |a·φ(u_i)| and the network-only loss s·Σ ω_i ℓ(f(x_i)) to float
     * tolerance. (The Trainer asks for this at every history point, right after the full
     * gradient at the same θ; a float64 pass here would cost more than the float32 training.)
     */
    @Override
    public Optional<NeuronSnapshot> neuron(double[] theta) {
        if (!layout.hasNeuron()) {
            return Optional.empty();
        }
        if (!last.matches(theta, false)) {
            load(theta);
            full(theta, null);
        }
        stagedFor = null;
        return Optional.of(NeuronFigures.snapshot(layout, reference.outputs(), theta, last.neuronMax,
                last.networkOnlyLoss));
    }

    /**
     * Takes over {@code previous}'s last full-data pass when the two objectives differ in λ alone
     * (the same network, float32 rows, loss, reduction, weights and threads): the data term, its
     * gradient and the neuron's figures at that θ are the same, and this objective adds its own
     * penalty when it serves them, so a value or gradient asked at that θ has the bits of a pass
     * of its own. {@link org.oneneuron.run.ScaffoldFit} hands each λ round's end point on to the
     * next round this way, where the next round's first history record asks for it.
     *
     * @return whether the pass was taken over (false when the objectives differ in more than λ)
     */
    public boolean adoptFullPass(Float32NetworkObjective previous) {
        NetworkObjective other = previous.reference;
        boolean sameDataTerm = previous.x == x && other.data() == reference.data()
                && other.network().spec().equals(reference.network().spec()) && other.loss() == reference.loss()
                && previous.reduction == reduction && other.threads() == reference.threads()
                && other.minChunkWork() == reference.minChunkWork()
                && Arrays.equals(other.weights(), reference.weights());
        if (sameDataTerm && previous != this) {
            last.copyFrom(previous.last);
        }
        return sameDataTerm;
    }

    /** Chunks a pass over m rows runs on (for tests). */
    int chunksFor(int m) {
        return passes.chunksFor(m);
    }

    /** A fresh objective with its own buffers over the same (shared, read-only) float data. */
    @Override
    public Float32NetworkObjective copy() {
        return new Float32NetworkObjective(reference.copy(), x);
    }

    /**
     * Full-data pass: returns s·Σ ω_i ℓ_i + (λ/2)a², writes the whole gradient (penalty included,
     * checked) when non-null, gathers the neuron's figures, and remembers all of it for θ.
     */
    private double full(double[] theta, double[] gradient) {
        double scale = reduction.scale(n);
        double sum = passes.run(gradient != null ? PassKind.GRADIENT : PassKind.VALUE, theta, th, null, null, null,
                0, n, scale, gradient, null, null, layout.hasNeuron());
        double data = scale * sum;
        if (gradient != null) {
            passes.materialize(gradient);
        }
        last.begin(gradient);
        if (gradient != null) {
            finishGradient(theta, gradient, "gradient", true);
        }
        double max = layout.hasNeuron() ? passes.neuronMax() : 0;
        double networkOnly = layout.hasNeuron() ? scale * passes.networkLossSum() : 0;
        last.complete(theta, data, max, networkOnly);
        return data + reference.penalty(theta);
    }

    /**
     * th = (float) θ after checking θ, unless the optimizer staged th for this θ array; a finite θ
     * beyond the float range is reported.
     */
    private void load(double[] theta) {
        if (theta.length != th.length) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected "
                    + th.length + " for " + layout.blocks().size() + " blocks");
        }
        boolean ready = stagedFor == theta;
        stagedFor = null;
        if (ready) {
            return;
        }
        FloatBlocks.narrow(theta, th);
        if (!ArrayMath.allFinite(th, 0, th.length)) {
            for (int k = 0; k < th.length; k++) {
                if (!Double.isFinite(theta[k])) {
                    throw new IllegalArgumentException("θ[" + k + "] (" + layout.describe(k) + ") is " + theta[k]);
                }
                if (!Float.isFinite(th[k])) {
                    throw new NonFiniteException("θ in float32", String.format(Locale.ROOT,
                            "entry %s = %s exceeds the float range", layout.describe(k), theta[k]));
                }
            }
        }
    }

    private void checkGradient(double[] theta, double[] gradient) {
        if (gradient.length != layout.dimension()) {
            throw new IllegalArgumentException("gradient has length " + gradient.length + ", expected "
                    + layout.dimension());
        }
        if (gradient == theta) {
            throw new IllegalArgumentException("gradient must not alias θ");
        }
        squaresOf = null;
        passes.discard(gradient);
    }

    /**
     * Adds λa to ∂/∂a and checks every entry in the pass that sums Σ g_k² (finite only when every
     * entry is), which {@link #gradientSquares} then hands on. Right after a pass into gradient
     * ({@code fresh}) the pass has summed the squares below the neurons' entries as it widened.
     */
    private void finishGradient(double[] theta, double[] gradient, String what, boolean fresh) {
        reference.addPenaltyGradient(theta, gradient);
        double s = fresh ? passes.sumOfSquares(gradient) : ThetaPasses.sumOfSquares(gradient);
        squaresOf = gradient;
        squares = s;
        if (!(s < Double.POSITIVE_INFINITY)) {
            passes.materialize(gradient);
            for (int k = 0; k < gradient.length; k++) {
                if (!Double.isFinite(gradient[k])) {
                    throw new NonFiniteException(what, String.format(Locale.ROOT, "(float32) entry %s = %s",
                            layout.describe(k), gradient[k]));
                }
            }
        }
    }
}
