package org.oneneuron.loss;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.linalg.Blas;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;

/**
 * The float32 forward and reverse pass of {@link org.oneneuron.model.Network} over at most
 * {@link #capacity} rows, with every buffer allocated once. Same equations as Network:
 *
 * <pre>
 *   Z_l = H_{l-1} W_lᵀ + 1 b_lᵀ,  H_l = σ(Z_l)          (sgemm, float)
 *   f   = H_L w_outᵀ + b_out,  u = S w + b              (sgemv, float)
 *   f~  = f + a·φ(u)                                    (per row, double)
 * </pre>
 *
 * The layer products and their reverse (∂L/∂W_l = δZ_lᵀ H_{l-1}, δH_{l-1} = δZ_l W_l) run in
 * float32; the per-row scalars (φ(u) with the stable a·e^u of PAPER.md §8, ℓ, ℓ', ∂L/∂a, ∂L/∂b,
 * ∂L/∂b_out) run in double from the float pre-activations, so the neuron overflows only where the
 * float64 engine does. Not thread-safe.
 */
final class Float32Pass {

    final int capacity;
    private final NetworkSpec spec;
    private final ParameterLayout layout;
    private final Activation activation;
    private final NeuronKind kind;
    private final Blas blas;
    private final int depth;
    private final float[][] z;
    private final float[][] h;
    private final float[][] d1;
    private final float[] fNet;
    private final float[] u;
    private final float[] adjoint;
    private final float[] du;
    private float[] adjA;
    private float[] adjB;
    /** u = wᵀs + b, φ(u), a·φ(u) and f~ per row, in double. */
    final double[] uFull;
    final double[] phi;
    final double[] g;
    final double[] f;

    Float32Pass(NetworkSpec spec, Blas blas, int capacity) {
        this.spec = spec;
        this.layout = spec.layout();
        this.activation = spec.activation();
        this.kind = spec.neuron();
        this.blas = blas;
        this.depth = spec.depth();
        this.capacity = capacity;
        z = new float[depth + 1][];
        h = new float[depth + 1][];
        d1 = new float[depth + 1][];
        int maxWidth = 1;
        for (int l = 1; l <= depth; l++) {
            int n = capacity * spec.width(l);
            z[l] = new float[n];
            h[l] = new float[n];
            d1[l] = spec.activation().hasKink() ? null : new float[n];
            maxWidth = Math.max(maxWidth, spec.width(l));
        }
        adjA = new float[capacity * maxWidth];
        adjB = new float[capacity * maxWidth];
        fNet = new float[capacity];
        u = new float[capacity];
        adjoint = new float[capacity];
        du = new float[capacity];
        uFull = new double[capacity];
        phi = new double[capacity];
        g = new double[capacity];
        f = new double[capacity];
    }

    /**
     * Forward pass over rows [0, rows) of x (float, stride d, from xOff) at the float θ copy th;
     * fills {@link #f} (f~ in double), and σ' when {@code keepDerivatives}.
     *
     * @param sampleBase sample id of row 0, for messages (or -1 with sampleIds)
     * @param sampleIds  sample ids by row for messages, or null
     */
    void forward(float[] th, double a, double b, float[] x, int xOff, int rows,
                 boolean keepDerivatives, int sampleBase, int[] sampleIds, int idOff) {
        float[] in = x;
        int inOff = xOff;
        int inW = spec.inputDim();
        for (int l = 1; l <= depth; l++) {
            int hl = spec.width(l);
            float[] zl = z[l];
            int bo = layout.biasOffset(l);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(th, bo, zl, r * hl, hl);
            }
            blas.sgemm(false, true, rows, hl, inW, 1f, in, inOff, inW, th, layout.weightOffset(l), inW,
                    1f, zl, 0, hl);
            activate(zl, h[l], keepDerivatives ? d1[l] : null, rows * hl);
            in = h[l];
            inOff = 0;
            inW = hl;
        }
        blas.sgemv(false, rows, inW, 1f, in, inOff, inW, th, layout.weightOffset(depth + 1), 0f, fNet, 0);
        double bOut = th[layout.biasOffset(depth + 1)];
        double check = 0;
        if (!kind.present()) {
            for (int r = 0; r < rows; r++) {
                f[r] = fNet[r] + bOut;
                check += f[r];
            }
        } else {
            int k = layout.neuronInputDim();
            boolean hidden = kind.readsHidden() && depth > 0;
            // Per-layer-exp relays log s_1 unchanged through every layer, so u is the same.
            blas.sgemv(false, rows, k, 1f, hidden ? h[depth] : x, hidden ? 0 : xOff, k, th,
                    layout.neuronWOffset(), 0f, u, 0);
            boolean exp = kind.exponential();
            for (int r = 0; r < rows; r++) {
                double ur = (double) u[r] + b;
                uFull[r] = ur;
                double p = kind.phi(ur);
                phi[r] = p;
                double gr = exp ? scaledExp(a, p, ur) : a * p;
                g[r] = gr;
                f[r] = fNet[r] + bOut + gr;
                check += f[r];
            }
        }
        if (!Double.isFinite(check)) {
            reportScore(a, rows, sampleBase, sampleIds, idOff);
        }
    }

    /** a·e^u given e = exp(u): the product when e is a finite normal number, else sign(a)·exp(u + log|a|). */
    private static double scaledExp(double a, double e, double u) {
        if (a == 0) {
            return 0;
        }
        if (e < Double.POSITIVE_INFINITY && e >= Double.MIN_NORMAL) {
            return a * e;
        }
        return Math.copySign(Math.exp(u + Math.log(Math.abs(a))), a);
    }

    /**
     * out = σ(pre) and d1 = σ'(pre) (when non-null), float; relu and leaky relu keep no σ' (the
     * reverse pass masks on the sign of Z), the kinds without a float kernel go through
     * {@link Activation}.
     */
    private void activate(float[] pre, float[] out, float[] dd, int n) {
        switch (activation.kind()) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.max(pre[i], 0f);
                }
            }
            case LEAKY_RELU -> {
                float left = (float) activation.slope();
                for (int i = 0; i < n; i++) {
                    float v = pre[i];
                    out[i] = v > 0 ? v : left * v;
                }
            }
            case TANH -> {
                ArrayMath.tanh(pre, 0, out, 0, n);
                if (dd != null) {
                    for (int i = 0; i < n; i++) {
                        dd[i] = 1f - out[i] * out[i];
                    }
                }
            }
            case SIGMOID -> {
                ArrayMath.sigmoid(pre, 0, out, 0, n);
                if (dd != null) {
                    for (int i = 0; i < n; i++) {
                        dd[i] = out[i] * (1f - out[i]);
                    }
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    double v = pre[i];
                    out[i] = (float) activation.value(v);
                    if (dd != null) {
                        dd[i] = (float) activation.d1(v);
                    }
                }
            }
        }
    }

    /**
     * Reverse pass after {@link #forward} with derivatives on the same rows, for the adjoints
     * δf~_r = {@code adj[r]} (double). Writes ∂L/∂θ of the float-computed blocks into gradF (every
     * float-computed entry written) and returns nothing; the double entries (a, b, b_out) go to
     * {@code scalars} = {∂L/∂a, ∂L/∂b, ∂L/∂b_out}.
     */
    void backward(float[] th, double a, double[] adj, float[] x, int xOff, int rows, float[] gradF,
                  double[] scalars, int sampleBase, int[] sampleIds, int idOff) {
        double sb = 0;
        for (int r = 0; r < rows; r++) {
            adjoint[r] = (float) adj[r];
            sb += adj[r];
        }
        scalars[2] = sb;
        int wL = spec.width(depth);
        float[] hL = depth > 0 ? h[depth] : x;
        int hLOff = depth > 0 ? 0 : xOff;
        boolean hidden = kind.readsHidden() && depth > 0;
        if (kind.present()) {
            neuronBackward(a, adj, rows, scalars, sampleBase, sampleIds, idOff);
            int k = layout.neuronInputDim();
            blas.sgemv(true, rows, k, 1f, hidden ? h[depth] : x, hidden ? 0 : xOff, k, du, 0, 0f, gradF,
                    layout.neuronWOffset());
        }
        int wOut = layout.weightOffset(depth + 1);
        blas.sgemv(true, rows, wL, 1f, hL, hLOff, wL, adjoint, 0, 0f, gradF, wOut);
        if (depth == 0) {
            return;
        }
        float[] dh = adjA;
        float[] other = adjB;
        int nw = layout.neuronWOffset();
        for (int r = 0; r < rows; r++) {
            float df = adjoint[r];
            float dur = hidden ? du[r] : 0f;
            int row = r * wL;
            for (int j = 0; j < wL; j++) {
                float v = df * th[wOut + j];
                dh[row + j] = hidden ? v + dur * th[nw + j] : v;
            }
        }
        for (int l = depth; l >= 1; l--) {
            int hl = spec.width(l);
            int hp = spec.width(l - 1);
            multiplyByDerivative(dh, l, rows * hl);
            float[] prev = l > 1 ? h[l - 1] : x;
            int prevOff = l > 1 ? 0 : xOff;
            int wo = layout.weightOffset(l);
            blas.sgemm(true, false, hl, hp, rows, 1f, dh, 0, hl, prev, prevOff, hp, 0f, gradF, wo, hp);
            int bo = layout.biasOffset(l);
            for (int j = 0; j < hl; j++) {
                gradF[bo + j] = 0f;
            }
            for (int r = 0; r < rows; r++) {
                int row = r * hl;
                for (int j = 0; j < hl; j++) {
                    gradF[bo + j] += dh[row + j];
                }
            }
            if (l > 1) {
                blas.sgemm(false, false, rows, hp, hl, 1f, dh, 0, hl, th, wo, hp, 0f, other, 0, hp);
                float[] t = dh;
                dh = other;
                other = t;
            }
        }
        adjA = dh;
        adjB = other;
    }

    /** dh = dh ⊙ σ'(Z_l) over n entries. */
    private void multiplyByDerivative(float[] dh, int l, int n) {
        float[] zl = z[l];
        switch (activation.kind()) {
            case RELU -> ArrayMath.reluBackward(zl, 0, dh, 0, 0f, n);
            case LEAKY_RELU -> ArrayMath.reluBackward(zl, 0, dh, 0, (float) activation.slope(), n);
            default -> {
                float[] dl = d1[l];
                for (int i = 0; i < n; i++) {
                    dh[i] *= dl[i];
                }
            }
        }
    }

    private void neuronBackward(double a, double[] adj, int rows, double[] scalars, int sampleBase,
                                int[] sampleIds, int idOff) {
        double ga = 0;
        double gb = 0;
        boolean exp = kind.exponential();
        for (int r = 0; r < rows; r++) {
            double df = adj[r];
            if (df == 0) {
                du[r] = 0f;
                continue;
            }
            double e = phi[r];
            if (!(e < Double.POSITIVE_INFINITY)) {
                throw new NonFiniteException("exp(wᵀx_i + b) overflow", String.format(Locale.ROOT,
                        "in ∂L/∂a at sample %d: u = %.6g", sample(r, sampleBase, sampleIds, idOff), uFull[r]));
            }
            ga += df * e;
            double dur = df * (exp ? g[r] : a * kind.phi1(uFull[r], e));
            du[r] = (float) dur;
            gb += dur;
        }
        scalars[0] = ga;
        scalars[1] = gb;
    }

    private static int sample(int r, int base, int[] ids, int idOff) {
        return ids != null ? ids[idOff + r] : base + r;
    }

    private void reportScore(double a, int rows, int base, int[] ids, int idOff) {
        for (int r = 0; r < rows; r++) {
            if (!Float.isFinite(fNet[r])) {
                throw new NonFiniteException("network score f(x_i)", String.format(Locale.ROOT,
                        "(float32) at sample %d: f = %s", sample(r, base, ids, idOff), fNet[r]));
            }
            if (kind.present() && !Double.isFinite(g[r])) {
                String what = kind.exponential() ? "a·exp(wᵀx_i + b) overflow" : "a·φ(wᵀx_i + b)";
                throw new NonFiniteException(what, String.format(Locale.ROOT,
                        "at sample %d: u = %.6g, a = %.6g", sample(r, base, ids, idOff), uFull[r], a));
            }
        }
        throw new NonFiniteException("score f~(x_i)", "sum over the batch is not finite");
    }
}
