package org.oneneuron.loss;

import java.util.Arrays;
import java.util.Locale;
import org.oneneuron.engine.Buf;
import org.oneneuron.engine.Graph;
import org.oneneuron.engine.PassKind;
import org.oneneuron.engine.Workspace;
import org.oneneuron.linalg.Precision;
import org.oneneuron.objective.NonFiniteException;

/**
 * One fixed chunk of samples with its own workspace and output buffer: forward pass, the loss
 * sum, the adjoints δf~_r = scale·ω_r·∂ℓ/∂f and their tangents R(δf~_r) = scale·ω_r·∂²ℓ/∂f²·R(f~_r),
 * then the reverse or second-order pass, block by block (at most {@link #capacity} rows each,
 * derivatives added across blocks). Reusable: the owner ({@link SamplePasses}) sets the job
 * fields, then runs the chunks through {@link org.oneneuron.linalg.ChunkWorkers}.
 */
final class ObjectiveChunk implements Runnable {

    private final Graph graph;
    private final OutputLoss loss;
    /** K, the scores per row. */
    private final int k;
    private final Precision precision;
    final int capacity;
    private final int d;
    private final Buf data;
    private final double[] labels;
    private final double[] weights;
    private Workspace ws;
    private double[] adjoint = new double[0];
    private double[] rAdjoint = new double[0];
    /** Gathered rows of a minibatch. */
    private Buf gathered;
    /** This chunk's own output buffer (gradient or HVP) when it does not write the caller's. */
    final Buf ownOut;
    /** A view of the caller's float64 output, for a single chunk that writes it directly. */
    final Buf callerView = Buf.of((double[]) null);

    // Job fields, set by the owner before each run.
    PassKind kind;
    double[] theta;
    float[] theta32;
    double[] v;
    float[] v32;
    /** First row: a sample id (index == null) or a position in index. */
    int from;
    int rows;
    int[] index;
    double scale;
    /** Where the derivative goes: ownOut, or a view of the caller's float64 array. */
    Buf out;
    /** When set: f~ and f of every row go to these arrays at their sample's position (full passes). */
    double[] scoresOut;
    double[] networkOut;
    /** When set: {@link #neuronMax} is gathered and ω_r ℓ(f(x_r)) written here at each row's sample. */
    double[] networkLossOut;
    /** Result: Σ_r ω_r ℓ_r over the chunk (unscaled). */
    double lossSum;
    /** Result with {@link #networkLossOut}: max_r |a·φ(u_r)|. */
    double neuronMax;
    /** Result: whether the last run reused the forward pass and adjoints of the previous Hessian job. */
    boolean reusedForward;

    // The job of the last Hessian pass, whose forward quantities the workspace still holds.
    private boolean hessianReady;
    private double[] lastTheta;
    private int lastFrom;
    private int lastRows;
    private double lastScale;

    ObjectiveChunk(Graph graph, OutputLoss loss, Precision precision, int capacity, Buf data, double[] labels,
                   double[] weights) {
        this.graph = graph;
        this.loss = loss;
        this.k = graph.outputs();
        this.precision = precision;
        this.capacity = capacity;
        this.d = graph.spec().inputDim();
        this.data = data;
        this.labels = labels;
        this.weights = weights;
        int dim = graph.layout().dimension();
        this.ownOut = precision == Precision.FLOAT64 ? Buf.of(new double[dim]) : Buf.of(new float[dim]);
    }

    /** The workspace of the last run (scores, network scores, neuron figures by row of its last block). */
    Workspace workspace() {
        return ws;
    }

    /** The sample id of row r of the job. */
    int sample(int r) {
        return index != null ? index[from + r] : from + r;
    }

    @Override
    public void run() {
        if (ws == null) {
            ws = graph.newWorkspace(precision, capacity);
            int k = capacity * graph.outputs();
            adjoint = new double[k];
            rAdjoint = new double[k];
        }
        graph.load(ws, theta, theta32, v, v32);
        boolean reuse = kind == PassKind.HESSIAN && hessianReady && index == null && rows <= capacity
                && from == lastFrom && rows == lastRows && scale == lastScale && Arrays.equals(theta, lastTheta);
        double sum = 0;
        for (int start = 0; start < rows; start += capacity) {
            int block = Math.min(capacity, rows - start);
            Buf x = data;
            int xOff = (from + start) * d;
            if (index != null) {
                x = gather(start, block);
                xOff = 0;
            }
            ws.labelRows(from + start, index, index != null ? from + start : 0);
            if (!reuse) {
                sum += forwardAndAdjoint(x, xOff, start, block);
            } else {
                sum = lossSum;
            }
            boolean accumulate = start > 0;
            if (kind == PassKind.GRADIENT) {
                graph.backward(ws, theta, x, xOff, adjoint, out, accumulate);
            } else if (kind == PassKind.HESSIAN) {
                graph.tangent(ws, theta, v, x, xOff);
                double[] rf = ws.scoreTangents();
                double[] f = ws.scores();
                for (int r = 0; r < block; r++) {
                    int i = sample(start + r);
                    double wr = weights == null ? 1 : weights[i];
                    loss.hessianTimes(f, r * k, k, labels[i], rf, scale * wr, rAdjoint, r * k);
                }
                graph.secondOrder(ws, theta, v, x, xOff, adjoint, rAdjoint, out, accumulate);
            }
        }
        lossSum = sum;
        reusedForward = reuse;
        rememberHessianJob(reuse);
    }

    /** Forward pass over one block, its loss sum and adjoints. */
    private double forwardAndAdjoint(Buf x, int xOff, int start, int block) {
        graph.forward(ws, theta, x, xOff, block, kind);
        double[] f = ws.scores();
        double s = 0;
        for (int r = 0; r < block; r++) {
            int i = sample(start + r);
            double wr = weights == null ? 1 : weights[i];
            double yr = labels[i];
            s += wr * loss.value(f, r * k, k, yr);
            if (kind != PassKind.VALUE) {
                loss.gradient(f, r * k, k, yr, scale * wr, adjoint, r * k);
            }
        }
        if (!Double.isFinite(s)) {
            reportLoss(f, start, block);
        }
        if (scoresOut != null) {
            System.arraycopy(f, 0, scoresOut, (from + start) * k, block * k);
            System.arraycopy(ws.networkScores(), 0, networkOut, (from + start) * k, block * k);
        }
        if (networkLossOut != null) {
            collectFigures(start, block);
        }
        return s;
    }

    private void collectFigures(int start, int block) {
        if (start == 0) {
            neuronMax = 0;
        }
        double[] g = ws.neuronContribution();
        double[] fNet = ws.networkScores();
        for (int r = 0; r < block; r++) {
            int i = sample(start + r);
            double wr = weights == null ? 1 : weights[i];
            if (g != null) {
                for (int j = r * k; j < (r + 1) * k; j++) {
                    neuronMax = Math.max(neuronMax, Math.abs(g[j]));
                }
            }
            networkLossOut[i] = wr * loss.value(fNet, r * k, k, labels[i]);
        }
    }

    /**
     * A Hessian pass over a chunk that fits one block remembers its job, so that the next product
     * at the same θ (compared by content, so θ changed in place counts as changed) over the same
     * rows and scale (Lanczos, CG) reuses the forward quantities and adjoints: only the tangent and
     * second-order passes run again, and the product has the bits of a fresh one. The cache is the
     * workspace itself plus a copy of θ: no memory beyond what the pass needs anyway. A chunk of
     * more rows than one block holds ({@link SamplePasses#WORKSPACE_VALUES}) recomputes every
     * product. Any other pass invalidates the job.
     */
    private void rememberHessianJob(boolean reused) {
        if (reused) {
            return;
        }
        hessianReady = kind == PassKind.HESSIAN && index == null && rows <= capacity;
        if (hessianReady) {
            if (lastTheta == null || lastTheta.length != theta.length) {
                lastTheta = new double[theta.length];
            }
            System.arraycopy(theta, 0, lastTheta, 0, theta.length);
            lastFrom = from;
            lastRows = rows;
            lastScale = scale;
        }
    }

    private Buf gather(int start, int block) {
        if (gathered == null) {
            gathered = precision == Precision.FLOAT64 ? Buf.of(new double[capacity * d]) : Buf.of(new float[capacity * d]);
        }
        for (int r = 0; r < block; r++) {
            int i = sample(start + r);
            if (gathered.d != null) {
                System.arraycopy(data.d, i * d, gathered.d, r * d, d);
            } else {
                System.arraycopy(data.f, i * d, gathered.f, r * d, d);
            }
        }
        return gathered;
    }

    private void reportLoss(double[] f, int start, int block) {
        for (int r = 0; r < block; r++) {
            int i = sample(start + r);
            double l = loss.value(f, r * k, k, labels[i]);
            if (!Double.isFinite(l)) {
                throw new NonFiniteException("loss ℓ_i", String.format(Locale.ROOT,
                        "(%s) at sample %d: f~ = %s, target = %s", loss.word(), i,
                        k == 1 ? String.format(Locale.ROOT, "%.6g", f[r * k]) : Arrays.toString(
                                Arrays.copyOfRange(f, r * k, r * k + k)), labels[i]));
            }
        }
        throw new NonFiniteException("data loss", "sum over the chunk is not finite (weights too large?)");
    }
}
