package org.oneneuron.loss;

import org.oneneuron.engine.Buf;
import org.oneneuron.engine.Graph;
import org.oneneuron.engine.PassKind;
import org.oneneuron.linalg.ChunkWorkers;
import org.oneneuron.linalg.Precision;
import org.oneneuron.linalg.ThetaPasses;
import org.oneneuron.model.ParameterLayout;

/**
 * The passes of an objective over its samples, in one precision: the m rows of a pass split into
 * c fixed contiguous chunks (chunk j is [j·m/c, (j+1)·m/c)), each with its own workspace and
 * output buffer, run in parallel by {@link ChunkWorkers}, their sums and derivatives added in
 * chunk order. Results are bitwise identical run to run for a given t and agree across t to
 * round-off. The neurons' a and b derivatives are kept in double ({@code Workspace.neuronScalarGradient}).
 * Full passes may gather the neurons' figures: max |a·φ(u)| and the network-only loss, summed
 * in sample order whatever the number of chunks.
 *
 * <p>The split is a cost model of shapes only, so results stay a function of (seed, config,
 * threads): every chunk pays a fixed cost in proportion to the P parameters (packing the weights
 * for its products, writing and then reducing a whole gradient), and does m·w/c multiply-adds
 * (w per row, {@link Graph#multiplyAddsPerRow}); c = min(t, m, max(1, ⌊m·w / (R·P)⌋)) with
 * R = {@link #WORK_PER_PARAMETER}, so each chunk's forward work is at least R times its fixed cost.
 */
final class SamplePasses {

    /** Values one workspace may hold (bounds the rows per block: 8M values, 64 MB in float64). */
    static final long WORKSPACE_VALUES = 8L << 20;
    /**
     * Forward multiply-adds per parameter a chunk needs (R). For a dense network w ≈ P, so R is
     * the rows per chunk: W6's 128-row minibatch (784-128-10 and ten neurons; m·w/P ≈ 128) ran
     * slower on two chunks than on one on the quiet 2-vCPU machine (152k–156k against 165k–187k
     * samples/s), while W1's full batch (569 rows, 1.77x at two chunks), W6's 1024-row HVPs and
     * W5's 64-image minibatch (a CNN reuses each weight at many positions: m·w/P = 1000) split.
     */
    static final long WORK_PER_PARAMETER = 128;
    /** Most rows per block in float32 (a minibatch fits; full passes go block by block). */
    static final int FLOAT32_BLOCK = 1024;

    final Graph graph;
    final ParameterLayout layout;
    final Precision precision;
    final int n;
    final ObjectiveChunk[] chunks;
    /** Forward multiply-adds per row. */
    private final long rowWork;
    /** Fewest forward multiply-adds per chunk: R·P. */
    private final long minChunkWork;
    /** Number of chunks the last pass used. */
    int active;
    /** The array the last float32 pass widened into with its squares summed, or null. */
    private double[] squaredFor;
    /** How many leading entries of squaredFor the lanes cover (a multiple of 8). */
    private int squaredUpTo;
    /** The eight partial sums of squares of {@link ThetaPasses#sumOfSquares(double[])}. */
    private final double[] squareLanes = new double[8];
    /** The array float32 passes may leave widening to its reader (see {@link #defer}), or null. */
    private double[] deferrable;
    /**
     * The array whose first {@link #squaredUpTo} entries are still only in chunk 0's float output
     * (the last pass's; the next pass clears this before it changes either), or null.
     */
    private double[] pendingFor;
    /** ω_i ℓ(f(x_i)) of the network alone per sample, from the last pass with figures. */
    private double[] networkLoss;

    SamplePasses(Graph graph, Precision precision, Buf x, double[] labels, double[] weights, OutputLoss loss,
                 int threads, long minChunkWork) {
        this.graph = graph;
        this.layout = graph.layout();
        this.precision = precision;
        this.n = labels.length;
        this.rowWork = Math.max(1, graph.multiplyAddsPerRow());
        this.minChunkWork = minChunkWork > 0 ? minChunkWork : WORK_PER_PARAMETER * layout.dimension();
        int t = Math.max(1, Math.min(threads, n));
        int perChunk = (n + t - 1) / t;
        int budget = (int) Math.max(1, Math.min(Integer.MAX_VALUE, WORKSPACE_VALUES / Math.max(1, graph.valuesPerRow())));
        int capacity = Math.max(1, Math.min(perChunk, budget));
        if (precision == Precision.FLOAT32) {
            capacity = Math.min(capacity, (FLOAT32_BLOCK + t - 1) / t);
        }
        chunks = new ObjectiveChunk[t];
        for (int c = 0; c < t; c++) {
            chunks[c] = new ObjectiveChunk(graph, loss, precision, capacity, x, labels, weights);
        }
    }

    /**
     * One pass over m rows: samples [0, m) (index == null) or index[from..from+m). Returns
     * Σ ω_r ℓ_r (unscaled); writes the derivative (gradient or H·v, without the penalty) into out
     * when the kind asks for one.
     */
    double run(PassKind kind, double[] theta, float[] theta32, double[] v, float[] v32, int[] index, int from,
               int m, double scale, double[] out, double[] scoresOut, double[] networkOut, boolean figures) {
        if (pendingFor != null) {
            // chunk 0's output is about to be overwritten; a pass into the pending array replaces it
            if (pendingFor != out || kind == PassKind.VALUE) {
                materialize(pendingFor);
            }
            pendingFor = null;
        }
        int count = chunksFor(m);
        boolean direct = count == 1 && precision == Precision.FLOAT64 && out != null;
        for (int c = 0; c < count; c++) {
            int start = (int) ((long) c * m / count);
            int end = (int) ((long) (c + 1) * m / count);
            ObjectiveChunk k = chunks[c];
            k.kind = kind;
            k.theta = theta;
            k.theta32 = theta32;
            k.v = v;
            k.v32 = v32;
            k.index = index;
            k.from = index == null ? start : from + start;
            k.rows = end - start;
            k.scale = scale;
            k.callerView.d = direct ? out : null;
            k.out = direct ? k.callerView : k.ownOut;
            k.scoresOut = scoresOut;
            k.networkOut = networkOut;
            k.networkLossOut = figures ? networkLossArray() : null;
        }
        active = count;
        squaredFor = null;
        ChunkWorkers.run(chunks, count);
        double sum = 0;
        for (int c = 0; c < count; c++) {
            sum += chunks[c].lossSum;
        }
        if (out != null && kind != PassKind.VALUE) {
            reduce(count, direct, out);
        }
        return sum;
    }

    /** Chunks for a pass over m rows: min(t, m, max(1, ⌊m·w / (R·P)⌋)). */
    int chunksFor(int m) {
        long byWork = Math.max(1, (long) m * rowWork / minChunkWork);
        return (int) Math.min(Math.min(chunks.length, m), byWork);
    }

    /** out = Σ_c chunk outputs in chunk order, the neurons' a, b entries from their double sums. */
    private void reduce(int count, boolean direct, double[] out) {
        int outputs = graph.outputs();
        int ka = layout.neuronAOffset();
        int kb = layout.neuronBOffset();
        if (precision == Precision.FLOAT64) {
            for (int c = 0; c < count; c++) {
                double[] head = chunks[c].workspace().neuronScalarGradient();
                double[] target = direct ? out : chunks[c].ownOut.d;
                for (int k = 0; k < outputs && ka >= 0; k++) {
                    target[ka + k] = head[k];
                    target[kb + k] = head[outputs + k];
                }
            }
            if (!direct) {
                System.arraycopy(chunks[0].ownOut.d, 0, out, 0, out.length);
                for (int c = 1; c < count; c++) {
                    double[] o = chunks[c].ownOut.d;
                    for (int i = 0; i < out.length; i++) {
                        out[i] += o[i];
                    }
                }
            }
            return;
        }
        for (int c = 0; c < count; c++) {
            float[] o = chunks[c].ownOut.f;
            if (c == 0 && count == 1) {
                // Only the neurons' entries (from a on, the layout's last) change after this pass.
                squaredUpTo = ka >= 0 ? ka - ka % 8 : out.length - out.length % 8;
                if (out == deferrable) {
                    ThetaPasses.squares(o, squaredUpTo, squareLanes);
                    for (int i = squaredUpTo; i < out.length; i++) {
                        out[i] = o[i];
                    }
                    pendingFor = out;
                } else {
                    ThetaPasses.widen(o, out, squaredUpTo, squareLanes);
                }
                squaredFor = out;
            } else if (c == 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = o[i];
                }
            } else {
                for (int i = 0; i < out.length; i++) {
                    out[i] += o[i];
                }
            }
            double[] head = chunks[c].workspace().neuronScalarGradient();
            for (int k = 0; k < outputs && ka >= 0; k++) {
                out[ka + k] = (c == 0 ? 0 : out[ka + k]) + head[k];
                out[kb + k] = (c == 0 ? 0 : out[kb + k]) + head[outputs + k];
            }
        }
    }

    /**
     * Σ out_k² of the array the last pass reduced into, as {@link ThetaPasses#sumOfSquares(double[])}
     * gives it (the same bits), reading again only the entries from the neurons' on when the
     * float32 reduction summed the rest's squares as it widened them. Entries below the neurons'
     * must not have changed since the pass.
     */
    double sumOfSquares(double[] out) {
        return out == squaredFor ? ThetaPasses.sumOfSquares(out, squaredUpTo, squareLanes)
                : ThetaPasses.sumOfSquares(out);
    }

    /**
     * Lets float32 passes into {@code out} (when one chunk runs them) leave the entries below the
     * neurons' in float32, in chunk 0's output, instead of widening them into out: the reader widens
     * them in a pass of its own, {@link #pendingBulk} (the SGD step) or {@link #materialize}. The
     * next pass of any kind materializes them first, unless it writes out anew. Null: none.
     * After a pass into out that fails, out's contents are unspecified.
     */
    void defer(double[] out) {
        if (pendingFor != null && pendingFor != out) {
            materialize(pendingFor);
        }
        deferrable = out;
    }

    /** Forgets what a pass left in float32 for out, which its caller is about to write anew. */
    void discard(double[] out) {
        if (out == pendingFor) {
            pendingFor = null;
        }
    }

    /** Widens the entries a pass left in float32 for out (nothing when there are none). */
    void materialize(double[] out) {
        if (out != pendingFor) {
            return;
        }
        float[] o = chunks[0].ownOut.f;
        for (int i = 0; i < squaredUpTo; i++) {
            out[i] = o[i];
        }
        pendingFor = null;
    }

    /** The float32 entries out[0, {@link #pendingEnd(double[])}) still stand for, or null when none. */
    float[] pendingBulk(double[] out) {
        return out == pendingFor ? chunks[0].ownOut.f : null;
    }

    /** How many leading entries of out are pending in float32 (0 when none). */
    int pendingEnd(double[] out) {
        return out == pendingFor ? squaredUpTo : 0;
    }

    private double[] networkLossArray() {
        if (networkLoss == null) {
            networkLoss = new double[n];
        }
        return networkLoss;
    }

    /** Σ_i ω_i ℓ(f(x_i)) of the network alone, summed in sample order (after a full pass with figures). */
    double networkLossSum() {
        double s = 0;
        for (double l : networkLoss) {
            s += l;
        }
        return s;
    }

    /** Chunks of the last pass that reused the previous Hessian job's forward pass (for tests). */
    int reusedChunks() {
        int r = 0;
        for (int c = 0; c < active; c++) {
            r += chunks[c].reusedForward ? 1 : 0;
        }
        return r;
    }

    /** max over the last pass's chunks of max_r |a·φ(u_r)| (after a pass with figures). */
    double neuronMax() {
        double m = 0;
        for (int c = 0; c < active; c++) {
            m = Math.max(m, chunks[c].neuronMax);
        }
        return m;
    }
}
