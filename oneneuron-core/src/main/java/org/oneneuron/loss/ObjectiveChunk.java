package org.oneneuron.loss;

import java.util.Arrays;
import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.model.Network;
import org.oneneuron.model.NetworkWorkspace;

/**
 * One fixed chunk of samples with its own buffers: the loss sum, the adjoints δf~_r =
 * scale·ω_r·∂ℓ/∂f and their tangents R(δf~_r) = scale·ω_r·∂²ℓ/∂f²·R(f~_r), and the chunk's
 * gradient or Hessian-vector product. Reusable: the owner sets the job fields, then runs the
 * chunks through {@link org.oneneuron.linalg.ChunkWorkers}. Buffers grow only when a larger chunk
 * first appears.
 */
final class ObjectiveChunk implements Runnable {

    private final Network net;
    private final SampleLoss loss;
    private NetworkWorkspace ws;
    private double[] adjoint = new double[0];
    private double[] rAdjoint = new double[0];
    /** This chunk's own output buffer (gradient or HVP) when it does not write the caller's. */
    final double[] ownOut;

    // Job fields, set by the owner before each run.
    Network.Pass pass;
    double[] theta;
    double[] v;
    double[] x;
    int xOff;
    double[] y;
    double[] w;
    int yOff;
    int rows;
    double scale;
    int[] index;
    int indexOff;
    int base;
    double[] out;
    /** Result: Σ_r ω_r ℓ_r over the chunk (unscaled). */
    double lossSum;

    // The job of the last Hessian pass, whose forward quantities the workspace still holds.
    private boolean hessianReady;
    private double[] lastTheta;
    private double[] lastX;
    private int lastXOff;
    private int lastRows;
    private double lastScale;

    ObjectiveChunk(Network net, SampleLoss loss, int dimension) {
        this.net = net;
        this.loss = loss;
        this.ownOut = new double[dimension];
    }

    /** The workspace of the last run (scores, network scores, neuron figures by row). */
    NetworkWorkspace workspace() {
        return ws;
    }

    @Override
    public void run() {
        if (ws == null || ws.capacity() < rows) {
            hessianReady = false;
            ws = net.newWorkspace(rows);
            adjoint = new double[rows];
            rAdjoint = new double[rows];
        }
        ws.labelRows(base, index, indexOff);
        boolean reuse = pass == Network.Pass.HESSIAN && hessianReady && index == null && x == lastX
                && xOff == lastXOff && rows == lastRows && scale == lastScale && Arrays.equals(theta, lastTheta);
        if (!reuse) {
            forwardAndAdjoint();
        }
        double[] f = ws.scores();
        if (pass == Network.Pass.GRADIENT) {
            net.backward(theta, x, xOff, rows, adjoint, out, ws);
        } else if (pass == Network.Pass.HESSIAN) {
            net.tangent(theta, v, x, xOff, rows, ws);
            double[] rf = ws.scoreTangents();
            for (int r = 0; r < rows; r++) {
                double wr = w == null ? 1 : w[yOff + r];
                rAdjoint[r] = scale * wr * loss.d2At(f[r], y[yOff + r]) * rf[r];
            }
            net.secondOrderBackward(theta, v, x, xOff, rows, adjoint, rAdjoint, out, ws);
        }
    }

    /**
     * Forward pass, loss sum and adjoints. A Hessian pass remembers its job so that the next
     * product at the same θ over the same rows (Lanczos, CG) reuses them: only the tangent and
     * second-order passes run again. Any other pass invalidates that.
     */
    private void forwardAndAdjoint() {
        hessianReady = false;
        net.forward(theta, x, xOff, rows, pass, ws);
        double[] f = ws.scores();
        double s = 0;
        for (int r = 0; r < rows; r++) {
            double wr = w == null ? 1 : w[yOff + r];
            double yr = y[yOff + r];
            s += wr * loss.valueAt(f[r], yr);
            if (pass != Network.Pass.VALUE) {
                adjoint[r] = scale * wr * loss.d1At(f[r], yr);
            }
        }
        lossSum = s;
        if (!Double.isFinite(s)) {
            reportLoss(f);
        }
        if (pass == Network.Pass.HESSIAN && index == null) {
            if (lastTheta == null || lastTheta.length != theta.length) {
                lastTheta = new double[theta.length];
            }
            System.arraycopy(theta, 0, lastTheta, 0, theta.length);
            lastX = x;
            lastXOff = xOff;
            lastRows = rows;
            lastScale = scale;
            hessianReady = true;
        }
    }

    private void reportLoss(double[] f) {
        for (int r = 0; r < rows; r++) {
            double l = loss.valueAt(f[r], y[yOff + r]);
            if (!Double.isFinite(l)) {
                int sample = index != null ? index[indexOff + r] : base + r;
                throw new NonFiniteException("loss ℓ_i", String.format(Locale.ROOT,
                        "(%s) at sample %d: f~ = %.6g, target = %s", loss.word(), sample, f[r], y[yOff + r]));
            }
        }
        throw new NonFiniteException("data loss", "sum over the chunk is not finite (weights too large?)");
    }
}
