package org.oneneuron.model;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;
import org.oneneuron.linalg.DeterministicMath;
import org.oneneuron.linalg.PlainBlas;

/**
 * The MLP of a {@link NetworkSpec} with its special neuron, evaluated on row-major batches with
 * batched matrix products (never a loop over samples for the layers).
 *
 * <pre>
 *   Z_l = H_{l-1} W_lᵀ + 1 b_lᵀ,  H_l = σ(Z_l),  H_0 = X          (l = 1..L)
 *   f   = H_L w_outᵀ + b_out                                      (network-only score)
 *   u   = S w + b,  S = X (or H_L for no-skip)                    (neuron pre-activation)
 *   f~  = f + a·φ(u)
 * </pre>
 *
 * Reverse mode ({@link #backward}) takes the adjoint δf~ = ∂L/∂f~ per row and writes ∂L/∂θ;
 * {@link #tangent} and {@link #secondOrderBackward} are Pearlmutter's R-operator (forward over
 * reverse) for exact Hessian-vector products. The loss and penalty live outside
 * ({@code org.oneneuron.loss.NetworkObjective}).
 *
 * <p>Numerics (PAPER.md §8): for φ = exp, a·φ(u) is a·E when E = exp(u) is a finite normal
 * number and sign(a)·exp(u + log|a|) otherwise, so it stays finite as a → 0 with u → ∞. A
 * non-finite score or gradient throws {@link NonFiniteException} naming the quantity and sample.
 *
 * <p>A Network is immutable and thread-safe; all mutable state lives in a {@link NetworkWorkspace}.
 */
public final class Network {

    /** What the forward pass keeps for later passes. */
    public enum Pass {
        /** Scores only. */
        VALUE,
        /** Also σ'(Z_l), for {@link #backward}. */
        GRADIENT,
        /** Also σ''(Z_l) and the tangent buffers, for {@link #tangent} and {@link #secondOrderBackward}. */
        HESSIAN
    }

    /** Rows per block in the convenience score entries, bounding their workspace. */
    private static final int SCORE_BLOCK = 1024;

    /** exp overflows in double above this argument. */
    public static final double EXP_OVERFLOW = 709.782712893384;

    final NetworkSpec spec;
    final ParameterLayout layout;
    final Blas blas;
    final NeuronKind kind;
    final int depth;

    /** Widths up to this use the plain loops: call overhead dominates such small products. */
    public static final int TINY_WIDTH = 8;

    /**
     * A network evaluated with {@link Backends#active()}, or with the plain loops when every
     * width (input, hidden) is at most {@link #TINY_WIDTH}: for a 2-2-1 net on 4 points (W4) a
     * gradient step took 0.75 µs with the loops against 3.9 µs through OpenBLAS.
     */
    public Network(NetworkSpec spec) {
        this(spec, isTiny(spec) ? PlainBlas.INSTANCE : Backends.active());
    }

    private static boolean isTiny(NetworkSpec spec) {
        for (int l = 0; l <= spec.depth(); l++) {
            if (spec.width(l) > TINY_WIDTH) {
                return false;
            }
        }
        return true;
    }

    /** A network evaluated with the given BLAS back-end. */
    public Network(NetworkSpec spec, Blas blas) {
        this.spec = spec;
        this.layout = spec.layout();
        this.blas = blas;
        this.kind = spec.neuron();
        this.depth = spec.depth();
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** The BLAS back-end this network's products run on (for provenance). */
    public Blas blas() {
        return blas;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** A workspace for passes over at most {@code capacity} rows. */
    public NetworkWorkspace newWorkspace(int capacity) {
        return new NetworkWorkspace(spec, capacity);
    }

    /**
     * f~(x_r) for the n rows of x (row-major, n·d values) into out[0..n). Convenience entry that
     * allocates a workspace; hot loops use {@link #forward} with their own workspace.
     */
    public void scores(double[] theta, double[] x, int n, double[] out) {
        blockedScores(theta, x, n, out, false);
    }

    /** f(x_r; θ) with the neuron removed, for the n rows of x, into out[0..n). */
    public void networkScores(double[] theta, double[] x, int n, double[] out) {
        blockedScores(theta, x, n, out, true);
    }

    private void blockedScores(double[] theta, double[] x, int n, double[] out, boolean networkOnly) {
        checkBatch(theta, x, n);
        if (out.length < n) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected at least " + n);
        }
        NetworkWorkspace ws = newWorkspace(Math.max(1, Math.min(n, SCORE_BLOCK)));
        int d = spec.inputDim();
        for (int start = 0; start < n; start += SCORE_BLOCK) {
            int rows = Math.min(SCORE_BLOCK, n - start);
            ws.labelRows(start, null, 0);
            forward(theta, x, start * d, rows, Pass.VALUE, ws);
            System.arraycopy(networkOnly ? ws.fNet : ws.f, 0, out, start, rows);
        }
    }

    private void checkBatch(double[] theta, double[] x, int n) {
        if (theta.length != layout.dimension()) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected "
                    + layout.dimension());
        }
        if (x.length < n * spec.inputDim()) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected n*d = " + n
                    + "*" + spec.inputDim());
        }
    }

    /**
     * Forward pass over rows [0, rows) of x starting at xOff (stride d). θ and x: not modified;
     * ws: modified. rows must not exceed ws.capacity().
     *
     * @throws NonFiniteException when a score is not finite
     */
    public void forward(double[] theta, double[] x, int xOff, int rows, Pass pass, NetworkWorkspace ws) {
        if (pass != Pass.VALUE) {
            ws.ensureFirstOrder();
        }
        if (pass == Pass.HESSIAN) {
            ws.ensureSecondOrder();
        }
        double[] in = x;
        int inOff = xOff;
        int inW = spec.inputDim();
        for (int l = 1; l <= depth; l++) {
            int hl = spec.width(l);
            double[] zl = ws.z[l];
            int bo = layout.biasOffset(l);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(theta, bo, zl, r * hl, hl);
            }
            blas.dgemm(false, true, rows, hl, inW, 1.0, in, inOff, inW,
                    theta, layout.weightOffset(l), inW, 1.0, zl, 0, hl);
            spec.activation().apply(zl, ws.h[l], pass == Pass.VALUE ? null : ws.d1[l],
                    pass == Pass.HESSIAN ? ws.d2[l] : null, rows * hl);
            in = ws.h[l];
            inOff = 0;
            inW = hl;
        }
        blas.dgemv(false, rows, inW, 1.0, in, inOff, inW, theta, layout.weightOffset(depth + 1),
                0.0, ws.fNet, 0);
        double bOut = theta[layout.biasOffset(depth + 1)];
        double check = 0;
        for (int r = 0; r < rows; r++) {
            ws.fNet[r] += bOut;
            check += ws.fNet[r] * 0;
        }
        if (!kind.present()) {
            System.arraycopy(ws.fNet, 0, ws.f, 0, rows);
        } else {
            neuronForward(theta, x, xOff, rows, ws);
            check = 0;
            for (int r = 0; r < rows; r++) {
                check += ws.f[r] * 0;
            }
        }
        if (check != 0) {
            // x·0 is 0 for finite x and NaN otherwise, so check != 0 iff some score is not finite.
            reportNonFiniteScore(theta, rows, ws);
        }
    }

    private void neuronForward(double[] theta, double[] x, int xOff, int rows, NetworkWorkspace ws) {
        int k = layout.neuronInputDim();
        boolean hiddenSource = kind.readsHidden() && depth > 0;
        double[] src = hiddenSource ? ws.h[depth] : x;
        int srcOff = hiddenSource ? 0 : xOff;
        double b = theta[layout.neuronBOffset()];
        double[] u = ws.u;
        if (kind == NeuronKind.PER_LAYER_EXP && depth > 0) {
            // Theorem 2's chain: the unit in layer 1 holds log s_1 = wᵀx + b; layer l relays
            // s_l = s_{l-1} (weight fixed at 1, so log s_l = log s_{l-1}); the output reads s_L.
            double[] first = ws.chain[1];
            blas.dgemv(false, rows, k, 1.0, src, srcOff, k, theta, layout.neuronWOffset(), 0.0, first, 0);
            for (int r = 0; r < rows; r++) {
                first[r] += b;
            }
            for (int l = 2; l <= depth; l++) {
                System.arraycopy(ws.chain[l - 1], 0, ws.chain[l], 0, rows);
            }
            System.arraycopy(ws.chain[depth], 0, u, 0, rows);
        } else {
            blas.dgemv(false, rows, k, 1.0, src, srcOff, k, theta, layout.neuronWOffset(), 0.0, u, 0);
            for (int r = 0; r < rows; r++) {
                u[r] += b;
            }
        }
        double a = theta[layout.neuronAOffset()];
        double[] phi = ws.phi;
        if (kind.exponential()) {
            org.oneneuron.linalg.ArrayMath.exp(u, 0, phi, 0, rows);
            for (int r = 0; r < rows; r++) {
                double gr = scaledExp(a, phi[r], u[r]);
                ws.g[r] = gr;
                ws.f[r] = ws.fNet[r] + gr;
            }
        } else {
            for (int r = 0; r < rows; r++) {
                double p = kind.phi(u[r]);
                phi[r] = p;
                double gr = a * p;
                ws.g[r] = gr;
                ws.f[r] = ws.fNet[r] + gr;
            }
        }
    }

    /** a·e^u given e = exp(u): the product when e is a finite normal number, else sign(a)·exp(u + log|a|). */
    static double scaledExp(double a, double e, double u) {
        if (a == 0) {
            return 0;
        }
        if (e < Double.POSITIVE_INFINITY && e >= Double.MIN_NORMAL) {
            return a * e;
        }
        return Math.copySign(DeterministicMath.exp(u + Math.log(Math.abs(a))), a);
    }

    private void reportNonFiniteScore(double[] theta, int rows, NetworkWorkspace ws) {
        for (int r = 0; r < rows; r++) {
            if (!Double.isFinite(ws.fNet[r])) {
                throw new NonFiniteException("network score f(x_i)", String.format(Locale.ROOT,
                        "at sample %d: f = %s", ws.sampleOf(r), ws.fNet[r]));
            }
            if (kind.present() && !Double.isFinite(ws.g[r])) {
                double a = theta[layout.neuronAOffset()];
                String what = kind.exponential() ? "a·exp(wᵀx_i + b) overflow" : "a·φ(wᵀx_i + b)";
                throw new NonFiniteException(what, String.format(Locale.ROOT,
                        "at sample %d: u = %.6g, a = %.6g", ws.sampleOf(r), ws.u[r], a));
            }
        }
        throw new NonFiniteException("score f~(x_i)", "sum over the batch is not finite");
    }

    /**
     * Reverse pass after {@link #forward} with {@link Pass#GRADIENT} or {@link Pass#HESSIAN} on
     * the same rows: grad = Σ_r δf~_r ∂f~_r/∂θ, every entry of grad written (no penalty term).
     *
     * @param adjoint δf~ per row, [0, rows); not modified
     * @param grad    receives the gradient, length dimension; modified
     * @throws NonFiniteException when ∂/∂a overflows (exp(u) infinite on a row with δf~ ≠ 0)
     */
    public void backward(double[] theta, double[] x, int xOff, int rows, double[] adjoint,
                         double[] grad, NetworkWorkspace ws) {
        int wL = spec.width(depth);
        double[] hL = depth > 0 ? ws.h[depth] : x;
        int hLOff = depth > 0 ? 0 : xOff;
        if (kind.present()) {
            neuronBackward(theta, x, xOff, rows, adjoint, grad, ws);
        }
        int wOut = layout.weightOffset(depth + 1);
        blas.dgemv(true, rows, wL, 1.0, hL, hLOff, wL, adjoint, 0, 0.0, grad, wOut);
        double sb = 0;
        for (int r = 0; r < rows; r++) {
            sb += adjoint[r];
        }
        grad[layout.biasOffset(depth + 1)] = sb;
        if (depth == 0) {
            return;
        }
        double[] dh = ws.adjA;
        double[] other = ws.adjB;
        boolean hiddenSource = kind.readsHidden();
        int nw = layout.neuronWOffset();
        for (int r = 0; r < rows; r++) {
            double df = adjoint[r];
            double du = hiddenSource ? ws.du[r] : 0;
            int row = r * wL;
            for (int j = 0; j < wL; j++) {
                double v = df * theta[wOut + j];
                dh[row + j] = hiddenSource ? v + du * theta[nw + j] : v;
            }
        }
        for (int l = depth; l >= 1; l--) {
            int hl = spec.width(l);
            int hp = spec.width(l - 1);
            double[] d1 = ws.d1[l];
            int n = rows * hl;
            for (int i = 0; i < n; i++) {
                dh[i] *= d1[i];
            }
            double[] prev = l > 1 ? ws.h[l - 1] : x;
            int prevOff = l > 1 ? 0 : xOff;
            int wo = layout.weightOffset(l);
            blas.dgemm(true, false, hl, hp, rows, 1.0, dh, 0, hl, prev, prevOff, hp, 0.0, grad, wo, hp);
            columnSums(dh, rows, hl, grad, layout.biasOffset(l));
            if (l > 1) {
                blas.dgemm(false, false, rows, hp, hl, 1.0, dh, 0, hl, theta, wo, hp, 0.0, other, 0, hp);
                double[] t = dh;
                dh = other;
                other = t;
            }
        }
    }

    private void neuronBackward(double[] theta, double[] x, int xOff, int rows, double[] adjoint,
                                double[] grad, NetworkWorkspace ws) {
        double a = theta[layout.neuronAOffset()];
        double[] phi = ws.phi;
        double[] du = ws.du;
        double ga = 0;
        double gb = 0;
        boolean exp = kind.exponential();
        for (int r = 0; r < rows; r++) {
            double df = adjoint[r];
            if (df == 0) {
                du[r] = 0;
                continue;
            }
            double e = phi[r];
            if (!(e < Double.POSITIVE_INFINITY)) {
                throw new NonFiniteException("exp(wᵀx_i + b) overflow", String.format(Locale.ROOT,
                        "in ∂L/∂a at sample %d: u = %.6g", ws.sampleOf(r), ws.u[r]));
            }
            ga += df * e;
            double dur = df * (exp ? ws.g[r] : a * kind.phi1(ws.u[r], e));
            du[r] = dur;
            gb += dur;
        }
        grad[layout.neuronAOffset()] = ga;
        grad[layout.neuronBOffset()] = gb;
        // Per-layer-exp: the relays are identity maps, so the adjoint of log s_L is that of log s_1.
        int k = layout.neuronInputDim();
        boolean hiddenSource = kind.readsHidden() && depth > 0;
        double[] src = hiddenSource ? ws.h[depth] : x;
        int srcOff = hiddenSource ? 0 : xOff;
        blas.dgemv(true, rows, k, 1.0, src, srcOff, k, du, 0, 0.0, grad, layout.neuronWOffset());
    }

    /** out[off + j] = Σ_r m[r·cols + j], rows summed in order. */
    static void columnSums(double[] m, int rows, int cols, double[] out, int off) {
        for (int j = 0; j < cols; j++) {
            out[off + j] = 0;
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                out[off + j] += m[row + j];
            }
        }
    }

    /**
     * Tangent pass (JVP) in direction v after a {@link Pass#HESSIAN} forward on the same rows:
     * R(Z_l), R(H_l), R(u) and R(f~) = ∂f~/∂θ·v, the latter in {@link NetworkWorkspace#scoreTangents()}.
     */
    public void tangent(double[] theta, double[] v, double[] x, int xOff, int rows, NetworkWorkspace ws) {
        NetworkTangent.forward(this, theta, v, x, xOff, rows, ws);
    }

    /**
     * Second-order reverse pass (the R-operator of {@link #backward}) after {@link #tangent}:
     * hv = Σ_r [R(δf~_r) ∂f~_r/∂θ + δf~_r ∂²f~_r/∂θ² v], every entry written (no penalty term).
     *
     * @param adjoint  δf~ per row; not modified
     * @param rAdjoint R(δf~) per row, the directional derivative of the adjoint; not modified
     * @param hv       receives the product; modified
     */
    public void secondOrderBackward(double[] theta, double[] v, double[] x, int xOff, int rows,
                                    double[] adjoint, double[] rAdjoint, double[] hv, NetworkWorkspace ws) {
        NetworkTangent.backward(this, theta, v, x, xOff, rows, adjoint, rAdjoint, hv, ws);
    }
}
