package org.oneneuron.loss;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.ChunkWorkers;
import org.oneneuron.model.ParameterLayout;

/**
 * The objective of a {@link NetworkObjective} — same layout, loss, reduction, λ, weights and
 * minibatch scaling s_B — with value and gradient computed in float32:
 * L_B = s_B·Σ_{i∈B} ω_i ℓ(f~(x_i); y_i) + (λ/2)a².
 *
 * <p>θ stays double for the optimizer: each call rounds θ to a float copy (one pass over θ, cheap
 * next to the products), runs the layers with {@code Blas.sgemm}/{@code sgemv} on float32 rows of
 * the data (converted once, at construction), and writes the gradient back as double. The per-row
 * scalars (the neuron's a·φ(u), ℓ, ℓ' and the a, b, b_out derivatives) are evaluated in double
 * from float pre-activations with the {@link SampleLoss} and neuron definitions of the float64
 * path, and the penalty (λ/2)a² and its gradient λa are exact. Expect agreement with the float64
 * objective to about 1e-4 relative.
 *
 * <p>{@link #hessianVector} delegates to the float64 objective this one was built over:
 * Hessian-vector products are always exact float64.
 *
 * <p>Full-data results (value, gradient, neuron figures) are remembered for the last θ they were
 * computed at, so repeated requests at an identical θ cost a comparison and a copy.
 *
 * <p>Build with {@link #over(NetworkObjective)} or {@code NetworkObjective.builder(spec, data)
 * ... .buildFloat32()}.
 *
 * <p>Threads: the reference's {@code threads()} t. Rows run in blocks of at most {@value #BLOCK};
 * each block is split into t contiguous chunks (a minibatch of 128 on 2 threads: rows 0–63 and
 * 64–127), each with its own pass, gather buffer and float gradient, run in parallel by
 * {@link ChunkWorkers}, and their results added in chunk order; so results are bitwise identical
 * run to run for a given t (and differ between t in the last bits, as the float64 engine's). The GEMM
 * back-end may itself split a product over threads, each output element still computed by one
 * thread. Every work buffer is allocated once; a one-thread call allocates nothing. Not
 * thread-safe: use {@link #copy()} per thread. θ is never modified; a non-finite score, loss or
 * gradient throws {@link NonFiniteException} naming the quantity.
 */
public final class Float32NetworkObjective implements SampledObjective {

    /** Most rows per block (bounds the work buffers for full-data passes). */
    public static final int BLOCK = 1024;

    private final NetworkObjective reference;
    private final ParameterLayout layout;
    private final SampleLoss loss;
    private final Reduction reduction;
    private final double lambda;
    private final double[] weights;
    private final double[] y;
    private final float[] x;
    private final int n;
    private final int d;
    private final Float32Chunk[] chunks;
    /** Most rows one chunk takes; a block is chunks.length · chunkRows rows. */
    private final int chunkRows;
    private final float[] th;
    private final Float32FullPass last;

    private Float32NetworkObjective(NetworkObjective reference, float[] sharedX) {
        this.reference = reference;
        this.layout = reference.layout();
        this.loss = reference.loss();
        this.reduction = reference.reduction();
        this.lambda = reference.lambda();
        this.weights = reference.weights();
        Dataset data = reference.data();
        this.n = data.n();
        this.d = data.d();
        this.y = data.y();
        this.x = sharedX != null ? sharedX : toFloat(data.x());
        int threads = Math.max(1, Math.min(reference.threads(), Math.min(n, BLOCK)));
        this.chunkRows = (Math.min(n, BLOCK) + threads - 1) / threads;
        this.chunks = new Float32Chunk[threads];
        for (int c = 0; c < threads; c++) {
            chunks[c] = new Float32Chunk(reference.spec(), reference.network().blas(), chunkRows, loss,
                    weights, y, x);
        }
        this.th = new float[layout.dimension()];
        this.last = new Float32FullPass(layout.dimension());
    }

    /**
     * A float32 objective over the settings and data of a float64 one (which it keeps for
     * Hessian-vector products and neuron snapshots). The data are converted to float once.
     */
    public static Float32NetworkObjective over(NetworkObjective reference) {
        return new Float32NetworkObjective(Objects.requireNonNull(reference, "reference"), null);
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** The float64 objective with the same settings (used for HVPs and neuron snapshots). */
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
    public double value(double[] theta) {
        if (last.matches(theta, false)) {
            return last.value;
        }
        load(theta);
        return full(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        checkGradient(theta, gradient);
        if (last.matches(theta, true)) {
            last.gradientInto(gradient);
            return last.value;
        }
        load(theta);
        double value = full(theta, gradient);
        return value;
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
        double sum = 0;
        int block = chunks.length * chunkRows;
        for (int start = 0; start < m; start += block) {
            int rows = Math.min(block, m - start);
            sum += block(theta, from + start, rows, indices, scale, gradient, start == 0, "minibatch gradient");
        }
        finishGradient(theta, gradient, "minibatch gradient");
        return scale * sum + reference.penalty(theta);
    }

    /**
     * f~(x_i) for every training sample from float32 passes (the per-row neuron term in double),
     * block by block on one thread: no buffer beyond the objective's own.
     */
    public double[] scores(double[] theta) {
        load(theta);
        double a = layout.hasNeuron() ? theta[layout.neuronAOffset()] : 0;
        double b = layout.hasNeuron() ? theta[layout.neuronBOffset()] : 0;
        double[] out = new double[n];
        Float32Pass pass = chunks[0].pass;
        for (int start = 0; start < n; start += pass.capacity) {
            int rows = Math.min(pass.capacity, n - start);
            pass.forward(th, a, b, x, start * d, rows, false, start, null, 0);
            System.arraycopy(pass.f, 0, out, start, rows);
        }
        return out;
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
        double norm = 0;
        int w = layout.neuronWOffset();
        for (int j = 0; j < layout.neuronInputDim(); j++) {
            norm += theta[w + j] * theta[w + j];
        }
        return Optional.of(new NeuronSnapshot(theta[layout.neuronAOffset()], theta[layout.neuronBOffset()],
                Math.sqrt(norm), last.neuronMax, last.networkOnlyLoss));
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
        double sum = 0;
        double max = 0;
        double networkOnly = 0;
        boolean neuron = layout.hasNeuron();
        int block = chunks.length * chunkRows;
        for (int start = 0; start < n; start += block) {
            int rows = Math.min(block, n - start);
            sum += block(theta, start, rows, null, reduction.scale(n), gradient, start == 0, "gradient");
            if (neuron) {
                for (int c = 0; c < chunksFor(rows); c++) {
                    Float32Chunk k = chunks[c];
                    for (int r = 0; r < k.rows; r++) {
                        int i = k.sample(r);
                        double wr = weights == null ? 1 : weights[i];
                        max = Math.max(max, Math.abs(k.pass.g[r]));
                        networkOnly += wr * loss.valueAt(k.pass.f[r] - k.pass.g[r], y[i]);
                    }
                }
            }
        }
        double value = reduction.scale(n) * sum + reference.penalty(theta);
        if (gradient != null) {
            finishGradient(theta, gradient, "gradient");
        }
        last.store(theta, value, gradient, max, reduction.scale(n) * networkOnly);
        return value;
    }

    /**
     * One block of rows [from, from + rows) of the data (ids == null) or of ids, split into
     * contiguous chunks run in parallel. Adds (or, when first, writes) the block's gradient into
     * gradient when non-null, chunk by chunk in order; returns the unscaled Σ ω_r ℓ_r. The first
     * {@link #chunksFor}(rows) chunks' passes then hold the rows' scores.
     */
    private double block(double[] theta, int from, int rows, int[] ids, double scale, double[] gradient,
                      boolean first, String what) {
        double a = layout.hasNeuron() ? theta[layout.neuronAOffset()] : 0;
        double b = layout.hasNeuron() ? theta[layout.neuronBOffset()] : 0;
        int count = chunksFor(rows);
        for (int c = 0; c < count; c++) {
            Float32Chunk k = chunks[c];
            int start = (int) ((long) c * rows / count);
            k.th = th;
            k.a = a;
            k.b = b;
            k.from = from + start;
            k.rows = (int) ((long) (c + 1) * rows / count) - start;
            k.ids = ids;
            k.scale = scale;
            k.gradient = gradient != null;
            k.what = what;
        }
        ChunkWorkers.run(chunks, count);
        double s = 0;
        for (int c = 0; c < count; c++) {
            Float32Chunk k = chunks[c];
            s += k.lossSum;
            if (gradient != null) {
                FloatBlocks.widen(k.gradF, gradient, !(first && c == 0));
                int bOut = layout.biasOffset(reference.spec().depth() + 1);
                gradient[bOut] += k.scalars[2];
                if (layout.hasNeuron()) {
                    gradient[layout.neuronAOffset()] += k.scalars[0];
                    gradient[layout.neuronBOffset()] += k.scalars[1];
                }
            }
        }
        return s;
    }

    /** Chunks a block of this many rows is split into. */
    private int chunksFor(int rows) {
        return Math.min(chunks.length, rows);
    }

    /** th = (float) θ after checking θ; a finite θ beyond the float range is reported. */
    private void load(double[] theta) {
        if (theta.length != th.length) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected "
                    + th.length + " for " + layout.blocks().size() + " blocks");
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
    }

    /**
     * Adds λa to ∂/∂a and checks the double entries (a, b, b_out); the float blocks were checked
     * as they were written (a sum of finite floats cannot overflow a double).
     */
    private void finishGradient(double[] theta, double[] gradient, String what) {
        int bOut = layout.biasOffset(reference.spec().depth() + 1);
        checkEntry(gradient, bOut, what);
        if (layout.hasNeuron()) {
            int ka = layout.neuronAOffset();
            gradient[ka] += lambda * theta[ka];
            checkEntry(gradient, ka, what);
            checkEntry(gradient, layout.neuronBOffset(), what);
        }
    }

    private void checkEntry(double[] gradient, int k, String what) {
        if (!Double.isFinite(gradient[k])) {
            throw new NonFiniteException(what, String.format(Locale.ROOT, "entry %s = %s",
                    layout.describe(k), gradient[k]));
        }
    }
}
