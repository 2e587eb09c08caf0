package org.oneneuron.loss;

import java.util.Optional;
import java.util.function.Function;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.ChunkWorkers;
import org.oneneuron.model.Network;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NetworkWorkspace;
import org.oneneuron.model.ParameterLayout;

/**
 * L~(θ) = s·Σ_i ω_i ℓ(f~(x_i); y_i) + (λ/2)a² over a {@link Dataset}, with s = 1 (SUM) or 1/n
 * (MEAN) and ω_i = 1 unless per-sample weights are given. Value, gradient and the exact
 * Hessian-vector product (R-operator, see {@link Network}) in batched passes.
 *
 * <p>Minibatch B (for SGD): L_B = s_B·Σ_{i∈B} ω_i ℓ_i + (λ/2)a² with s_B = 1/|B| (MEAN) or
 * n/|B| (SUM), so E[L_B] = L~; the penalty is added once.
 *
 * <p>Threads: with t threads the samples are split into t fixed contiguous chunks, each with its
 * own buffers, run in parallel, and their sums added in chunk order, so results are bitwise
 * identical run to run for a given t (they may differ in the last bits between different t).
 *
 * <p>θ is never modified. A non-finite value, gradient or product throws
 * {@link NonFiniteException} naming the quantity; a non-finite θ is an argument error.
 */
public final class NetworkObjective implements SampledObjective {

    private final Network net;
    private final ParameterLayout layout;
    private final Dataset data;
    private final SampleLoss loss;
    private final Reduction reduction;
    private final double lambda;
    private final boolean allowZeroLambda;
    private final double[] weights;
    private final int threads;
    private final ObjectiveChunk[] chunks;
    /** Number of chunks the last pass used (their workspaces hold that pass's rows). */
    private int activeChunks;
    private double[] gx = new double[0];
    private double[] gy = new double[0];
    private double[] gw = new double[0];

    NetworkObjective(NetworkObjectiveBuilder b) {
        this.net = new Network(b.spec);
        this.layout = net.layout();
        this.data = b.data;
        this.loss = b.loss;
        this.reduction = b.reduction;
        this.lambda = b.lambda;
        this.allowZeroLambda = b.allowZeroLambda;
        this.weights = b.weights == null ? null : b.weights.clone();
        this.threads = b.threads;
        this.chunks = new ObjectiveChunk[threads];
        for (int c = 0; c < threads; c++) {
            chunks[c] = new ObjectiveChunk(net, loss, layout.dimension());
        }
    }

    /** A builder over spec and data; loss cubic hinge, reduction SUM, λ required for augmented specs. */
    public static NetworkObjectiveBuilder builder(NetworkSpec spec, Dataset data) {
        return new NetworkObjectiveBuilder(spec, data);
    }

    /** Shorthand for the common case without weights, one thread. */
    public static NetworkObjective of(NetworkSpec spec, Dataset data, SampleLoss loss,
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

    public Network network() {
        return net;
    }

    public Dataset data() {
        return data;
    }

    /** The per-sample loss used. */
    public SampleLoss loss() {
        return loss;
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
        return run(Network.Pass.VALUE, theta, null, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        checkTheta(theta);
        checkOut(gradient, theta, null, "gradient");
        double value = run(Network.Pass.GRADIENT, theta, null, gradient);
        if (layout.hasNeuron()) {
            gradient[layout.neuronAOffset()] += lambda * theta[layout.neuronAOffset()];
        }
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
        run(Network.Pass.HESSIAN, theta, v, out);
        if (layout.hasNeuron()) {
            out[layout.neuronAOffset()] += lambda * v[layout.neuronAOffset()];
        }
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
        int d = data.d();
        if (gy.length < m) {
            gx = new double[m * d];
            gy = new double[m];
            gw = weights == null ? null : new double[m];
        }
        int n = data.n();
        for (int r = 0; r < m; r++) {
            int i = indices[from + r];
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("sample index " + i + " at position " + (from + r)
                        + " outside [0, " + n + ")");
            }
            System.arraycopy(data.x(), i * d, gx, r * d, d);
            gy[r] = data.y()[i];
            if (weights != null) {
                gw[r] = weights[i];
            }
        }
        double scale = reduction.batchScale(m, n);
        int count = dispatch(Network.Pass.GRADIENT, theta, null, gx, gy, gw, m, scale, indices, from, gradient);
        double sum = reduceOutputs(count, gradient);
        double value = scale * sum + penalty(theta);
        if (layout.hasNeuron()) {
            gradient[layout.neuronAOffset()] += lambda * theta[layout.neuronAOffset()];
        }
        checkFinite(gradient, "minibatch gradient");
        return value;
    }

    @Override
    public NetworkObjective copy() {
        return new NetworkObjectiveBuilder(this).build();
    }

    /** (λ/2)a², 0 without a neuron. */
    public double penalty(double[] theta) {
        if (!layout.hasNeuron()) {
            return 0;
        }
        double a = theta[layout.neuronAOffset()];
        return 0.5 * lambda * a * a;
    }

    /** s·Σ_i ω_i ℓ(f~(x_i); y_i), the data part of L~. */
    public double dataLoss(double[] theta) {
        checkTheta(theta);
        return run(Network.Pass.VALUE, theta, null, null) - penalty(theta);
    }

    /** s·Σ_i ω_i ℓ(f(x_i); y_i): the data loss of the network alone, the neuron removed. */
    public double networkOnlyLoss(double[] theta) {
        checkTheta(theta);
        run(Network.Pass.VALUE, theta, null, null);
        return networkOnlyFromChunks();
    }

    /** f~(x_i) for every training sample. */
    public double[] scores(double[] theta) {
        checkTheta(theta);
        run(Network.Pass.VALUE, theta, null, null);
        return gatherRows(ws -> ws.scores());
    }

    /** f(x_i; θ) without the neuron, for every training sample. */
    public double[] networkScores(double[] theta) {
        checkTheta(theta);
        run(Network.Pass.VALUE, theta, null, null);
        return gatherRows(ws -> ws.networkScores());
    }

    /** f~ for any batch of n rows (row-major, n·d values) into out[0..n). */
    public void scores(double[] theta, double[] x, int n, double[] out) {
        checkTheta(theta);
        net.scores(theta, x, n, out);
    }

    /** f without the neuron for any batch of n rows into out[0..n). */
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
        double[] f = scores(theta);
        for (int i = 0; i < f.length; i++) {
            double wi = weights == null ? 1 : weights[i];
            f[i] = -wi * loss.d1At(f[i], data.y()[i]);
        }
        return f;
    }

    @Override
    public Optional<NeuronSnapshot> neuron(double[] theta) {
        if (!layout.hasNeuron()) {
            return Optional.empty();
        }
        checkTheta(theta);
        run(Network.Pass.VALUE, theta, null, null);
        double max = 0;
        for (int c = 0; c < activeChunks; c++) {
            double[] g = chunks[c].workspace().neuronContribution();
            for (int r = 0; r < chunks[c].rows; r++) {
                max = Math.max(max, Math.abs(g[r]));
            }
        }
        double norm = 0;
        int w = layout.neuronWOffset();
        for (int j = 0; j < layout.neuronInputDim(); j++) {
            norm += theta[w + j] * theta[w + j];
        }
        return Optional.of(new NeuronSnapshot(theta[layout.neuronAOffset()], theta[layout.neuronBOffset()],
                Math.sqrt(norm), max, networkOnlyFromChunks()));
    }

    /** Runs a full-data pass; returns L~ (data loss + penalty). */
    private double run(Network.Pass pass, double[] theta, double[] v, double[] out) {
        int n = data.n();
        int count = dispatch(pass, theta, v, data.x(), data.y(), weights, n, reduction.scale(n), null, 0, out);
        double sum = reduceOutputs(count, pass == Network.Pass.VALUE ? null : out);
        return reduction.scale(n) * sum + penalty(theta);
    }

    private int dispatch(Network.Pass pass, double[] theta, double[] v, double[] x, double[] y,
                         double[] w, int m, double scale, int[] index, int indexOff, double[] out) {
        int count = Math.min(threads, m);
        int d = data.d();
        for (int c = 0; c < count; c++) {
            int start = (int) ((long) c * m / count);
            int end = (int) ((long) (c + 1) * m / count);
            ObjectiveChunk k = chunks[c];
            k.pass = pass;
            k.theta = theta;
            k.v = v;
            k.x = x;
            k.xOff = start * d;
            k.y = y;
            k.w = w;
            k.yOff = start;
            k.rows = end - start;
            k.scale = scale;
            k.index = index;
            k.indexOff = indexOff + start;
            k.base = start;
            k.out = count == 1 && out != null ? out : k.ownOut;
        }
        activeChunks = count;
        ChunkWorkers.run(chunks, count);
        return count;
    }

    /** Adds the chunks' outputs into out in chunk order (when several) and returns Σ loss sums. */
    private double reduceOutputs(int count, double[] out) {
        double sum = 0;
        for (int c = 0; c < count; c++) {
            sum += chunks[c].lossSum;
        }
        if (out != null && count > 1) {
            System.arraycopy(chunks[0].ownOut, 0, out, 0, out.length);
            for (int c = 1; c < count; c++) {
                double[] o = chunks[c].ownOut;
                for (int k = 0; k < out.length; k++) {
                    out[k] += o[k];
                }
            }
        }
        return sum;
    }

    private double networkOnlyFromChunks() {
        double sum = 0;
        for (int c = 0; c < activeChunks; c++) {
            ObjectiveChunk k = chunks[c];
            double[] fNet = k.workspace().networkScores();
            for (int r = 0; r < k.rows; r++) {
                double wr = weights == null ? 1 : weights[k.yOff + r];
                sum += wr * loss.valueAt(fNet[r], data.y()[k.yOff + r]);
            }
        }
        return reduction.scale(data.n()) * sum;
    }

    private double[] gatherRows(Function<NetworkWorkspace, double[]> which) {
        double[] all = new double[data.n()];
        for (int c = 0; c < activeChunks; c++) {
            ObjectiveChunk k = chunks[c];
            System.arraycopy(which.apply(k.workspace()), 0, all, k.yOff, k.rows);
        }
        return all;
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
