package org.oneneuron.engine;

import java.util.Arrays;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.ArrayMath;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;

/**
 * The many-networks execution mode: L~ and ∇L~ of R networks of one architecture at once on the
 * same data, L~_r = s·Σ_i ℓ(f~_r(x_i); y_i) + (λ/2)a_r². Parameters and gradients are stored
 * element-major ({@code theta[p·R + r]} = parameter p of network r), so the layers' rules run on
 * {@link LaneArith} with every loop over the networks. The neuron and the loss are the ones of
 * {@link NeuronHead} and the objective, per (sample, network), in the same order; each network's
 * numbers are those of the float64 engine on the plain loops (the back-end of networks up to
 * {@link Graph#TINY_WIDTH} wide) bit for bit, alone or in any batch.
 *
 * <p>Takes dense layers and activations (no convolution, pooling or normalization: their rules
 * keep per-network statistics), one output, and a neuron reading the raw input (not no-skip).
 * Nothing is thrown for non-finite values: the caller checks each network's figures.
 */
public final class LanePasses {

    private final Graph graph;
    private final LaneArith ar;
    private final int lanes;
    private final int n;
    private final int d;
    private final Buf x;
    private final double[] y;
    private final ScoreLoss loss;
    private final double scale;
    private final double lambda;
    private final Pass pass;
    private final Sequence.Memory body;
    private final Buf f;
    private final Buf df;
    private Buf drep;
    private final Buf grad;
    private final double[] u;
    private final double[] phi;
    private final double[] g;
    private final double[] du;
    private final double[] scores;
    private final Buf uBuf;
    private final Buf duBuf;
    private final double[] sum;
    private final double[] sumB;
    /** L~ per network after {@link #evaluate}. */
    public final double[] value;
    /** s·Σ_i ℓ(f(x_i)) of each network alone, after a recording pass. */
    public final double[] networkOnly;
    /** max_i |a·φ(u_i)| per network, after a recording pass. */
    public final double[] maxContribution;
    /** max_i |u_i| per network: beyond 708, e^u may leave the normal range. */
    public final double[] largestExponent;

    /**
     * @param scale s in front of the loss sum (1, or 1/n for the mean)
     */
    public LanePasses(NetworkSpec spec, Dataset data, ScoreLoss loss, double scale, double lambda, int lanes) {
        String why = unsupported(spec);
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("the many-networks mode cannot take " + spec.architecture() + ": " + why);
        }
        if (lanes < 1) {
            throw new IllegalArgumentException("need at least one network, got " + lanes);
        }
        this.graph = new Graph(spec, org.oneneuron.linalg.PlainBlas.INSTANCE);
        this.ar = new LaneArith(lanes);
        this.lanes = lanes;
        this.n = data.n();
        this.d = data.d();
        this.x = Buf.shared(data.x().clone());
        this.y = data.y().clone();
        this.loss = loss;
        this.scale = scale;
        this.lambda = lambda;
        this.pass = new Pass(ar);
        this.body = graph.body.newMemory(ar, n);
        this.f = ar.alloc(n);
        this.df = ar.alloc(n);
        this.grad = Buf.of((double[]) null);
        int rows = n * lanes;
        boolean neuron = graph.head != null;
        u = neuron ? new double[rows] : null;
        phi = neuron ? new double[rows] : null;
        g = neuron ? new double[rows] : null;
        du = neuron ? new double[rows] : null;
        scores = neuron ? new double[rows] : null;
        uBuf = Buf.of(u);
        duBuf = Buf.of(du);
        sum = new double[lanes];
        sumB = new double[lanes];
        value = new double[lanes];
        networkOnly = new double[lanes];
        maxContribution = new double[lanes];
        largestExponent = new double[lanes];
    }

    /** Whether this mode takes the network, and why not. */
    public static String unsupported(NetworkSpec spec) {
        for (LayerSpec l : spec.layers()) {
            if (!(l instanceof LayerSpec.Dense || l instanceof LayerSpec.Act || l instanceof LayerSpec.Flatten)) {
                return "it takes dense layers and activations only, not " + l.word();
            }
        }
        if (spec.outputs() != 1) {
            return "it takes one output, not " + spec.outputs();
        }
        if (spec.neuron() == NeuronKind.NO_SKIP && spec.layers().size() > 1) {
            return "the no-skip neuron reads a hidden layer";
        }
        return "";
    }

    /** The compiled network (its layout). */
    public ParameterLayout layout() {
        return graph.layout;
    }

    /**
     * L~ into {@link #value} and ∇L~ into grad (every entry written; both element-major) at theta;
     * with {@code record}, also {@link #networkOnly} and {@link #maxContribution}.
     */
    public void evaluate(double[] theta, double[] gradient, boolean record) {
        pass.theta.d = theta;
        pass.rows = n;
        pass.kind = PassKind.GRADIENT;
        pass.accumulate = false;
        grad.d = gradient;
        pass.out = grad;
        graph.body.value(pass, x, 0, body);
        Buf rep = graph.body.output(body);
        graph.output.value(pass, rep != null ? rep : x, 0, f, null);
        double[] scores = f.d;
        ParameterLayout layout = graph.layout;
        NeuronHead head = graph.head;
        if (head != null) {
            scores = neuronForward(theta, layout);
        }
        lossAndAdjoints(theta, scores, record, layout);
        if (head != null) {
            neuronBackward(theta, gradient, layout);
        }
        if (rep != null && drep == null) {
            drep = ar.alloc(graph.body.out.size() * n);
        }
        graph.output.vjp(pass, rep != null ? rep : x, 0, df, rep != null ? drep : null, null);
        if (rep != null) {
            graph.body.vjp(pass, x, 0, drep, null, body);
        }
    }

    /** u = x·w + b, φ(u), g = a·φ(u); returns f~ = f + g. */
    private double[] neuronForward(double[] theta, ParameterLayout layout) {
        NeuronKind kind = graph.spec.neuron();
        ar.gemv(false, n, d, x, 0, d, pass.theta, layout.neuronWOffset(), false, uBuf, 0);
        int ob = layout.neuronBOffset() * lanes;
        int oa = layout.neuronAOffset() * lanes;
        Arrays.fill(largestExponent, 0);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < lanes; l++) {
                int k = i * lanes + l;
                u[k] += theta[ob + l];
                largestExponent[l] = Math.max(largestExponent[l], Math.abs(u[k]));
            }
        }
        boolean exp = kind.exponential();
        if (exp) {
            ArrayMath.exp(u, 0, phi, 0, n * lanes);
        }
        double[] fv = f.d;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < lanes; l++) {
                int k = i * lanes + l;
                double a = theta[oa + l];
                double p = exp ? phi[k] : kind.phi(u[k]);
                phi[k] = p;
                double gk = exp ? NeuronHead.scaledExp(a, p, u[k]) : a * p;
                g[k] = gk;
                scores[k] = fv[k] + gk;
            }
        }
        return scores;
    }

    /** Per network: L~ and δf~_i = s·ℓ'(f~_i) into df; with record, the network-only loss and max |g|. */
    private void lossAndAdjoints(double[] theta, double[] scores, boolean record, ParameterLayout layout) {
        Arrays.fill(sum, 0);
        double[] adj = df.d;
        for (int i = 0; i < n; i++) {
            double yi = y[i];
            for (int l = 0; l < lanes; l++) {
                int k = i * lanes + l;
                double fk = scores[k];
                sum[l] += 1.0 * loss.valueAt(fk, yi);
                adj[k] = scale * 1.0 * loss.d1At(fk, yi);
            }
        }
        int oa = layout.neuronAOffset() * lanes;
        for (int l = 0; l < lanes; l++) {
            double a = layout.hasNeuron() ? theta[oa + l] : 0;
            value[l] = scale * sum[l] + (layout.hasNeuron() ? 0.5 * lambda * a * a : 0);
        }
        if (!record) {
            return;
        }
        Arrays.fill(sum, 0);
        Arrays.fill(maxContribution, 0);
        double[] fv = f.d;
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < lanes; l++) {
                int k = i * lanes + l;
                sum[l] += 1.0 * loss.valueAt(fv[k], y[i]);
                if (g != null) {
                    maxContribution[l] = Math.max(maxContribution[l], Math.abs(g[k]));
                }
            }
        }
        for (int l = 0; l < lanes; l++) {
            networkOnly[l] = scale * sum[l];
        }
    }

    /** ∂a (+ λa), ∂b and ∂w of every network, as {@link NeuronHead#backward}. */
    private void neuronBackward(double[] theta, double[] gradient, ParameterLayout layout) {
        NeuronKind kind = graph.spec.neuron();
        boolean exp = kind.exponential();
        double[] adj = df.d;
        int oa = layout.neuronAOffset() * lanes;
        int ob = layout.neuronBOffset() * lanes;
        Arrays.fill(sum, 0);
        Arrays.fill(sumB, 0);
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < lanes; l++) {
                int k = i * lanes + l;
                double dfk = adj[k];
                if (dfk == 0) {
                    du[k] = 0;
                    continue;
                }
                double e = phi[k];
                sum[l] += dfk * e;
                double dur = dfk * (exp ? g[k] : theta[oa + l] * kind.phi1(u[k], e));
                du[k] = dur;
                sumB[l] += dur;
            }
        }
        for (int l = 0; l < lanes; l++) {
            gradient[oa + l] = sum[l] + lambda * theta[oa + l];
            gradient[ob + l] = sumB[l];
        }
        ar.gemv(true, n, d, x, 0, d, duBuf, 0, false, grad, layout.neuronWOffset());
    }
}
