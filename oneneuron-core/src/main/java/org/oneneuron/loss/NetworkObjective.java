package org.oneneuron.loss;

import java.util.Arrays;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.engine.Buf;
import org.oneneuron.engine.Graph;
import org.oneneuron.engine.PassKind;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.objective.SampledObjective;

/**
 * L~(θ) = s·Σ_i ω_i ℓ(f~(x_i); y_i) + (λ/2)a² over a {@link Dataset}, with s = 1 (SUM) or 1/n
 * (MEAN) and ω_i = 1 unless per-sample weights are given. Value, gradient and the exact
 * Hessian-vector product (R-operator, see {@link Graph}) in batched float64 passes of the
 * layer-graph engine, for any architecture.
 *
 * <p>Minibatch B (for SGD): L_B = s_B·Σ_{i∈B} ω_i ℓ_i + (λ/2)a² with s_B = 1/|B| (MEAN) or
 * n/|B| (SUM), so E[L_B] = L~; the penalty is added once.
 *
 * <p>Threads: with t threads the samples are split into t fixed contiguous chunks, each with its
 * own buffers, run in parallel, and their sums added in chunk order, so results are bitwise
 * identical run to run for a given t (they may differ in the last bits between different t).
 *
 * <p>The reporting figures of one θ (scores, network-only scores, the network-only loss, the
 * neuron's figures, and the value) come from one value pass, remembered for the last θ it ran at
 * ({@link #scores}, {@link #networkScores}, {@link #dataLoss}, {@link #networkOnlyLoss},
 * {@link #neuron} fill it; {@link #value} reads it): an assessment asks for all of them at the end
 * point and pays one pass, with the bits of separate passes.
 *
 * <p>θ is never modified. A non-finite value, gradient or product throws
 * {@link NonFiniteException} naming the quantity; a non-finite θ is an argument error.
 */
public final class NetworkObjective implements SampledObjective {

    private final Graph net;
    private final ParameterLayout layout;
    private final Dataset data;
    private final OutputLoss loss;
    private final int outputs;
    private final Reduction reduction;
    private final double lambda;
    private final boolean allowZeroLambda;
    private final double[] weights;
    private final int threads;
    private final SamplePasses passes;
    private final long minChunkWork;
    /** The last full value pass with figures: its θ (null before the first), Σ ω_i ℓ_i, f~, f, figures. */
    private double[] memoTheta;
    private double memoSum;
    private double[] memoScores;
    private double[] memoNetwork;
    private double memoNetworkLossSum;
    private double memoNeuronMax;

    NetworkObjective(NetworkObjectiveBuilder b) {
        this.net = new Graph(b.spec);
        this.layout = net.layout();
        this.data = b.data;
        this.loss = b.loss;
        this.outputs = net.outputs();
        this.reduction = b.reduction;
        this.lambda = b.lambda;
        this.allowZeroLambda = b.allowZeroLambda;
        this.weights = b.weights == null ? null : b.weights.clone();
        this.threads = b.threads;
        this.minChunkWork = b.minChunkWork;
        this.passes = new SamplePasses(net, Precision.FLOAT64, Buf.of(data.x()), data.y(), weights, loss, threads,
                minChunkWork);
    }

    /** A builder over spec and data; loss cubic hinge, reduction SUM, λ required for augmented specs. */
    public static NetworkObjectiveBuilder builder(NetworkSpec spec, Dataset data) {
        return new NetworkObjectiveBuilder(spec, data);
    }

    /** Shorthand for the common case without weights, one thread. */
    public static NetworkObjective of(NetworkSpec spec, Dataset data, OutputLoss loss,
                                      Reduction reduction, double lambda) {
        return builder(spec, data).loss(loss).reduction(reduction).lambda(lambda).build();
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    @Override
    public int sampleCount() {
        return data.n();
    }

    public NetworkSpec spec() {
        return net.spec();
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The compiled network (its layers, back-end and passes). */
    public Graph network() {
        return net;
    }

    public Dataset data() {
        return data;
    }

    /** The per-sample loss used. */
    public OutputLoss loss() {
        return loss;
    }

    /** The per-sample loss as a one-score {@link SampleLoss} (margin and regression losses, K = 1). */
    public SampleLoss scalarLoss() {
        if (loss instanceof SampleLoss s) {
            return s;
        }
        throw new IllegalStateException("this needs a one-score loss; the objective uses " + loss.word()
                + " over " + outputs + " outputs");
    }

    /** K, the number of outputs (scores per sample). */
    public int outputs() {
        return outputs;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** λ of the penalty (λ/2)a². */
    public double lambda() {
        return lambda;
    }

    /** Number of sample chunks evaluated in parallel. */
    public int threads() {
        return threads;
    }

    /** Fewest forward multiply-adds per chunk of a pass as built (0: the cost model's R·P). */
    long minChunkWork() {
        return minChunkWork;
    }

    /** Chunks a pass over m rows runs on (for tests). */
    int chunksFor(int m) {
        return passes.chunksFor(m);
    }

    /** Whether λ = 0 was explicitly allowed. */
    public boolean zeroLambdaAllowed() {
        return allowZeroLambda;
    }

    /** A copy of the per-sample weights, or null when every ω_i = 1. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    @Override
    public double value(double[] theta) {
        checkTheta(theta);
        if (remembers(theta)) {
            return reduction.scale(data.n()) * memoSum + penalty(theta);
        }
        return run(PassKind.VALUE, theta, null, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        checkTheta(theta);
        checkOut(gradient, theta, null, "gradient");
        double value = run(PassKind.GRADIENT, theta, null, gradient);
        addPenaltyGradient(theta, gradient);
        checkFinite(gradient, "gradient");
        return value;
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        checkTheta(theta);
        if (v.length != dimension()) {
            throw new IllegalArgumentException("v has length " + v.length + ", expected " + dimension());
        }
        checkOut(out, theta, v, "out");
        run(PassKind.HESSIAN, theta, v, out);
        addPenaltyGradient(v, out);
        checkFinite(out, "Hessian-vector product");
    }

    @Override
    public double batchValueAndGradient(double[] theta, int[] indices, int from, int to, double[] gradient) {
        checkTheta(theta);
        checkOut(gradient, theta, null, "gradient");
        int m = to - from;
        if (from < 0 || to > indices.length || m <= 0) {
            throw new IllegalArgumentException("batch range [" + from + ", " + to + ") invalid for "
                    + indices.length + " indices");
        }
        int n = data.n();
        for (int p = from; p < to; p++) {
            int i = indices[p];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("sample index " + i + " at position " + p
                        + " outside [0, " + n + ")");
            }
        }
        double scale = reduction.batchScale(m, n);
        double sum = passes.run(PassKind.GRADIENT, theta, null, null, null, indices, from, m, scale, gradient,
                null, null, false);
        double value = scale * sum + penalty(theta);
        addPenaltyGradient(theta, gradient);
        checkFinite(gradient, "minibatch gradient");
        return value;
    }

    @Override
    public NetworkObjective copy() {
        return new NetworkObjectiveBuilder(this).build();
    }

    /** (λ/2)Σ_k a_k², 0 without a neuron. */
    public double penalty(double[] theta) {
        if (!layout.hasNeuron()) {
            return 0;
        }
        int ka = layout.neuronAOffset();
        double p = 0;
        for (int k = 0; k < outputs; k++) {
            double a = theta[ka + k];
            p += 0.5 * lambda * a * a;
        }
        return p;
    }

    /** out[a_k] += λ·p[a_k] for every output k: the penalty's gradient (p = θ) or its Hessian times v (p = v). */
    void addPenaltyGradient(double[] p, double[] out) {
        if (layout.hasNeuron()) {
            int ka = layout.neuronAOffset();
            for (int k = 0; k < outputs; k++) {
                out[ka + k] += lambda * p[ka + k];
            }
        }
    }

    /** s·Σ_i ω_i ℓ(f~(x_i); y_i), the data part of L~. */
    public double dataLoss(double[] theta) {
        figures(theta);
        return reduction.scale(data.n()) * memoSum + penalty(theta) - penalty(theta);
    }

    /** s·Σ_i ω_i ℓ(f(x_i); y_i): the data loss of the network alone, the neuron removed. */
    public double networkOnlyLoss(double[] theta) {
        figures(theta);
        return reduction.scale(data.n()) * memoNetworkLossSum;
    }

    /** f~(x_i) for every training sample (n·K values, sample-major). */
    public double[] scores(double[] theta) {
        figures(theta);
        return memoScores.clone();
    }

    /** f(x_i; θ) without the neuron, for every training sample. */
    public double[] networkScores(double[] theta) {
        figures(theta);
        return memoNetwork.clone();
    }

    private boolean remembers(double[] theta) {
        return memoTheta != null && Arrays.equals(memoTheta, theta);
    }

    /**
     * One value pass at θ gathering f~, f, the network-only loss and the neuron's figures,
     * unless the last one ran at this θ.
     */
    private void figures(double[] theta) {
        checkTheta(theta);
        if (remembers(theta)) {
            return;
        }
        int n = data.n();
        if (memoScores == null) {
            memoScores = new double[n * outputs];
            memoNetwork = new double[n * outputs];
        }
        memoTheta = null;
        memoSum = passes.run(PassKind.VALUE, theta, null, null, null, null, 0, n, reduction.scale(n), null,
                memoScores, memoNetwork, true);
        memoNetworkLossSum = passes.networkLossSum();
        memoNeuronMax = passes.neuronMax();
        memoTheta = theta.clone();
    }

    /** f~ for any batch of n rows (row-major, n·d values) into out[0..n·K). */
    public void scores(double[] theta, double[] x, int n, double[] out) {
        checkTheta(theta);
        net.scores(theta, x, n, out);
    }

    /** f without the neuron for any batch of n rows into out[0..n·K). */
    public void networkScores(double[] theta, double[] x, int n, double[] out) {
        checkTheta(theta);
        net.networkScores(theta, x, n, out);
    }

    /** z_i = -y_i f~(x_i) (margin losses only). */
    public double[] margins(double[] theta) {
        if (!(loss instanceof MarginLoss)) {
            throw new IllegalStateException("margins need a margin loss; this objective uses " + loss.word());
        }
        double[] f = scores(theta);
        for (int i = 0; i < f.length; i++) {
            f[i] = -data.y()[i] * f[i];
        }
        return f;
    }

    /**
     * c_i = -ω_i ∂ℓ_i/∂f~, which is ω_i ℓ'(z_i) y_i for margin losses (PAPER.md §4), so that
     * ∂L~/∂a = -s·Σ_i c_i E_i + λa and ∇_θ L~ = -s·Σ_i c_i ∇_θ f(x_i).
     */
    public double[] coefficients(double[] theta) {
        SampleLoss scalar = scalarLoss();
        double[] f = scores(theta);
        for (int i = 0; i < f.length; i++) {
            double wi = weights == null ? 1 : weights[i];
            f[i] = -wi * scalar.d1At(f[i], data.y()[i]);
        }
        return f;
    }

    @Override
    public Optional<NeuronSnapshot> neuron(double[] theta) {
        if (!layout.hasNeuron()) {
            return Optional.empty();
        }
        figures(theta);
        double networkOnly = reduction.scale(data.n()) * memoNetworkLossSum;
        return Optional.of(NeuronFigures.snapshot(layout, outputs, theta, memoNeuronMax, networkOnly));
    }

    /** Chunks of the last pass that reused the forward pass of the Hessian job before it (for tests). */
    int reusedChunks() {
        return passes.reusedChunks();
    }

    /** Runs a full-data pass; returns L~ (data loss + penalty). */
    private double run(PassKind kind, double[] theta, double[] v, double[] out) {
        int n = data.n();
        double sum = passes.run(kind, theta, null, v, null, null, 0, n, reduction.scale(n), out, null, null, false);
        return reduction.scale(n) * sum + penalty(theta);
    }

    private void checkTheta(double[] theta) {
        ArrayChecks.checkPoint(theta, layout);
    }

    private void checkOut(double[] out, double[] theta, double[] v, String name) {
        ArrayChecks.checkOutput(out, theta, v, name, dimension());
    }

    private void checkFinite(double[] g, String what) {
        ArrayChecks.checkFinite(g, what, layout);
    }
}
