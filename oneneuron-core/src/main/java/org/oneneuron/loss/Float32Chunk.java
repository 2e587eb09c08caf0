package org.oneneuron.loss;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Blas;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterLayout;

/**
 * One contiguous share of a block's rows in {@link Float32NetworkObjective}, with its own
 * {@link Float32Pass}, gather buffer and float gradient: forward, per-row loss and adjoint
 * δf~_r = scale·ω_r·ℓ'(f~_r), reverse pass. The owner sets the job fields, runs the chunks through
 * {@link org.oneneuron.linalg.ChunkWorkers}, then adds their results in chunk order. Every buffer is allocated once.
 */
final class Float32Chunk implements Runnable {

    final Float32Pass pass;
    /** ∂L/∂θ of this chunk's rows for the float-computed blocks (a, b and b_out set to 0). */
    final float[] gradF;
    /** {∂L/∂a, ∂L/∂b, ∂L/∂b_out} of this chunk's rows, in double. */
    final double[] scalars = new double[3];
    private final ParameterLayout layout;
    private final SampleLoss loss;
    private final double[] weights;
    private final double[] y;
    private final float[] x;
    private final int d;
    private final int bOut;
    private final float[] gx;
    private final double[] adj;

    // Job fields, set by the owner before each run.
    float[] th;
    double a;
    double b;
    /** First row: a sample id (ids == null) or a position in ids. */
    int from;
    int rows;
    int[] ids;
    double scale;
    boolean gradient;
    String what;
    /** Result: Σ_r ω_r ℓ_r over the chunk's rows (unscaled). */
    double lossSum;

    Float32Chunk(NetworkSpec spec, Blas blas, int capacity, SampleLoss loss, double[] weights,
                 double[] y, float[] x) {
        this.layout = spec.layout();
        this.pass = new Float32Pass(spec, blas, capacity);
        this.gradF = new float[layout.dimension()];
        this.loss = loss;
        this.weights = weights;
        this.y = y;
        this.x = x;
        this.d = spec.inputDim();
        this.bOut = layout.biasOffset(spec.depth() + 1);
        this.gx = new float[capacity * d];
        this.adj = new double[capacity];
    }

    /** Runs the job: rows [from, from + rows) of the data, or of ids when ids is non-null. */
    @Override
    public void run() {
        float[] xs = x;
        int xOff = from * d;
        int base = from;
        if (ids != null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x, ids[from + r] * d, gx, r * d, d);
            }
            xs = gx;
            xOff = 0;
            base = -1;
        }
        pass.forward(th, a, b, xs, xOff, rows, gradient, base, ids, from);
        double[] f = pass.f;
        double s = 0;
        for (int r = 0; r < rows; r++) {
            int i = sample(r);
            double wr = weights == null ? 1 : weights[i];
            s += wr * loss.valueAt(f[r], y[i]);
            if (gradient) {
                adj[r] = scale * wr * loss.d1At(f[r], y[i]);
            }
        }
        if (!Double.isFinite(s)) {
            reportLoss();
        }
        lossSum = s;
        if (gradient) {
            pass.backward(th, a, adj, xs, xOff, rows, gradF, scalars, base, ids, from);
            gradF[bOut] = 0f;
            if (layout.hasNeuron()) {
                gradF[layout.neuronAOffset()] = 0f;
                gradF[layout.neuronBOffset()] = 0f;
            }
            if (!ArrayMath.allFinite(gradF, 0, gradF.length)) {
                reportGradient();
            }
        }
    }

    /** The sample id of row r of the last job. */
    int sample(int r) {
        return ids != null ? ids[from + r] : from + r;
    }

    private void reportGradient() {
        for (int k = 0; k < gradF.length; k++) {
            if (!Float.isFinite(gradF[k])) {
                throw new NonFiniteException(what, String.format(Locale.ROOT,
                        "(float32) entry %s = %s", layout.describe(k), gradF[k]));
            }
        }
    }

    private void reportLoss() {
        for (int r = 0; r < rows; r++) {
            int i = sample(r);
            double l = loss.valueAt(pass.f[r], y[i]);
            if (!Double.isFinite(l)) {
                throw new NonFiniteException("loss ℓ_i", String.format(Locale.ROOT,
                        "(%s) at sample %d: f~ = %.6g, target = %s", loss.word(), i, pass.f[r], y[i]));
            }
        }
        throw new NonFiniteException("data loss", "sum over the block is not finite (weights too large?)");
    }
}
