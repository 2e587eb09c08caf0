package org.oneneuron.engine;

import java.util.ArrayList;
import java.util.List;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;
import org.oneneuron.linalg.PlainBlas;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Activation;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.objective.NonFiniteException;

/**
 * A {@link NetworkSpec} compiled into layers: the body (every layer but the output), the dense
 * output layer of K units and the special neurons, evaluated on row-major blocks of samples in
 * float64 or float32 ({@link Precision}). Passes: {@link #forward} (value), {@link #backward}
 * (reverse mode, VJP), {@link #tangent} (forward mode, JVP) and {@link #secondOrder}
 * (Pearlmutter's R-operator of the reverse pass), so a Hessian-vector product is exact:
 * forward, tangent, the loss's R(δf~) = ℓ''·R(f~), then the second-order reverse pass.
 *
 * <pre>
 *   s_0 = x,  s_i = layer_i(s_{i-1}) (body),  f = W_out s + b_out,  f~_k = f_k + a_k φ(w_kᵀ x + b_k)
 * </pre>
 *
 * The loss is not here: the objective hands the reverse pass δf~ = ∂L/∂f~ per row and output,
 * and the second-order pass also R(δf~). A Graph is immutable and thread-safe; all mutable
 * state lives in a {@link Workspace}. A non-finite score throws {@link NonFiniteException}.
 */
public final class Graph {

    /** Every width up to this runs on the plain loops: call overhead dominates such small products. */
    public static final int TINY_WIDTH = 8;
    /** Rows per block in the convenience score entries, bounding their workspace. */
    public static final int SCORE_BLOCK = 1024;

    final NetworkSpec spec;
    final ParameterLayout layout;
    final Blas blas;
    final Sequence body;
    final DenseLayer output;
    final NeuronHead head;
    final int outputs;

    /**
     * A graph evaluated with {@link Backends#active()}, or with the plain loops when every layer's
     * input and output have at most {@link #TINY_WIDTH} values: for a 2-2-1 net on 4 points (W4)
     * a gradient step took 0.75 µs with the loops against 3.9 µs through OpenBLAS.
     */
    public Graph(NetworkSpec spec) {
        this(spec, isTiny(spec) ? PlainBlas.INSTANCE : Backends.active());
    }

    /** A graph evaluated with the given BLAS back-end. */
    public Graph(NetworkSpec spec, Blas blas) {
        this.spec = spec;
        this.layout = spec.layout();
        this.blas = blas;
        this.outputs = spec.outputs();
        List<LayerSpec> specs = spec.layers();
        int[] next = {1};
        this.body = new Sequence(compile(specs.subList(0, specs.size() - 1), spec.input(), next), spec.input());
        int l = next[0];
        this.output = new DenseLayer(body.out, outputs, layout.weightOffset(l), layout.biasOffset(l));
        if (spec.neuron().present()) {
            boolean rep = spec.neuron().readsHidden() && body.layers.length > 0;
            head = new NeuronHead(spec.neuron(), outputs, layout.neuronInputDim(), layout.neuronWOffset(),
                    layout.neuronAOffset(), layout.neuronBOffset(), rep);
        } else {
            head = null;
        }
    }

    /**
     * The layers of specs, in order, but for one exchange: a relu followed by max pooling runs as
     * the pooling then the relu. The function, its gradient and its Hessian are the same (max
     * commutes with a non-decreasing σ, and relu'' = 0; where a window is all negative the two
     * orders may keep different maxima, whose derivatives are 0 either way), and the relu works on
     * a quarter of the values (W5). Its kinks are then checked on the pooled values, the only
     * pre-activations the loss sees near the point.
     */
    private Layer[] compile(List<LayerSpec> specs, Shape in, int[] next) {
        List<Layer> layers = new ArrayList<>();
        Shape s = in;
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec ls = specs.get(i);
            if (ls instanceof LayerSpec.Act act && act.activation().kind() == Activation.Kind.RELU
                    && i + 1 < specs.size() && specs.get(i + 1) instanceof LayerSpec.Pool pool && pool.max()) {
                layers.add(new PoolLayer(s, pool));
                s = pool.output(s);
                layers.add(new ActivationLayer(s, act.activation()));
                i++;
                continue;
            }
            if (ls instanceof LayerSpec.Dense dense) {
                int l = next[0]++;
                layers.add(new DenseLayer(s, dense.units(), layout.weightOffset(l), layout.biasOffset(l)));
            } else if (ls instanceof LayerSpec.Conv conv) {
                int l = next[0]++;
                layers.add(new ConvLayer(s, conv, layout.weightOffset(l), layout.biasOffset(l)));
            } else if (ls instanceof LayerSpec.LayerNorm) {
                int l = next[0]++;
                layers.add(new LayerNormLayer(s, layout.weightOffset(l), layout.biasOffset(l)));
            } else if (ls instanceof LayerSpec.Pool pool) {
                layers.add(new PoolLayer(s, pool));
            } else if (ls instanceof LayerSpec.Act act) {
                layers.add(new ActivationLayer(s, act.activation()));
            } else if (ls instanceof LayerSpec.Residual res) {
                layers.add(new ResidualLayer(new Sequence(compile(res.body(), s, next), s)));
            }
            // Flatten moves no data: the (channel, row, column) order is already flat.
            s = ls.output(s);
        }
        return layers.toArray(new Layer[0]);
    }

    private static boolean isTiny(NetworkSpec spec) {
        Shape s = spec.input();
        if (s.size() > TINY_WIDTH) {
            return false;
        }
        for (LayerSpec l : spec.layers()) {
            if (l instanceof LayerSpec.Residual) {
                return false;
            }
            s = l.output(s);
            if (s.size() > TINY_WIDTH) {
                return false;
            }
        }
        return true;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The BLAS back-end this graph's products run on (for provenance). */
    public Blas blas() {
        return blas;
    }

    /** K, the number of outputs. */
    public int outputs() {
        return outputs;
    }

    /** Values per row one workspace keeps in the worst case (for choosing a block size). */
    public long valuesPerRow() {
        return body.valuesPerRow() + 12L * outputs;
    }

    /**
     * Multiply-adds of one row's forward pass: the products of the dense and conv layers, the
     * output layer and the neurons, plus one per value of every other layer. A measure of a pass's
     * work from the architecture alone (the objective splits rows across threads by it).
     */
    public long multiplyAddsPerRow() {
        long n = multiplyAdds(spec.layers(), spec.input());
        return head == null ? n : n + (long) layout.neuronInputDim() * outputs;
    }

    private static long multiplyAdds(List<LayerSpec> layers, Shape in) {
        long n = 0;
        Shape s = in;
        for (LayerSpec l : layers) {
            Shape o = l.output(s);
            if (l instanceof LayerSpec.Dense) {
                n += (long) s.size() * o.size();
            } else if (l instanceof LayerSpec.Conv c) {
                n += (long) o.size() * s.channels() * c.kernelHeight() * c.kernelWidth();
            } else if (l instanceof LayerSpec.Residual r) {
                n += multiplyAdds(r.body(), s) + o.size();
            } else {
                n += o.size();
            }
            s = o;
        }
        return n;
    }

    /** A workspace for passes over at most {@code capacity} rows in the given precision. */
    public Workspace newWorkspace(Precision precision, int capacity) {
        return new Workspace(this, PlaneArith.of(precision, blas), capacity);
    }

    /**
     * Points the workspace at θ (and v for Hessian-vector products): float64 reads the arrays
     * themselves, float32 the float copies, which the caller keeps equal to θ and v.
     */
    public void load(Workspace ws, double[] theta, float[] theta32, double[] v, float[] v32) {
        if (ws.pass.theta.f == null && ws.pass.ar instanceof F64Arith) {
            ws.pass.theta.d = theta;
            ws.pass.v.d = v;
        } else {
            ws.pass.theta.d = null;
            ws.pass.v.d = null;
            ws.pass.theta.f = theta32;
            ws.pass.v.f = v32;
        }
    }

    /**
     * Forward pass over rows [0, rows) of x (from xOff, {@link Shape#size()} values per row):
     * {@link Workspace#scores()} and {@link Workspace#networkScores()}, and what {@code kind}
     * asks the later passes to find.
     *
     * @throws NonFiniteException when a score is not finite
     */
    public void forward(Workspace ws, double[] theta, Buf x, int xOff, int rows, PassKind kind) {
        Pass p = ws.pass;
        p.rows = rows;
        p.kind = kind;
        if (kind == PassKind.HESSIAN) {
            ws.ensureSecondOrder();
        }
        body.value(p, x, xOff, ws.body);
        Buf rep = body.output(ws.body);
        output.value(p, rep != null ? rep : x, rep != null ? 0 : xOff, ws.f, null);
        int n = rows * outputs;
        Workspace.widen(ws.f, ws.fNet, n);
        double check = 0;
        for (int i = 0; i < n; i++) {
            check += ws.fNet[i] * 0;
        }
        if (head == null) {
            System.arraycopy(ws.fNet, 0, ws.scores, 0, n);
        } else {
            head.forward(ws, theta, neuronSource(ws, x), neuronOffset(ws, xOff), rows);
            check = 0;
            for (int i = 0; i < n; i++) {
                check += ws.scores[i] * 0;
            }
        }
        if (check != 0) {
            // x·0 is 0 for finite x and NaN otherwise, so check != 0 iff some score is not finite.
            NonFiniteScores.report(this, theta, n, ws);
        }
    }

    private Buf neuronSource(Workspace ws, Buf x) {
        return head.readsRepresentation ? body.output(ws.body) : x;
    }

    private int neuronOffset(Workspace ws, int xOff) {
        return head.readsRepresentation ? 0 : xOff;
    }

    /**
     * Reverse pass after {@link #forward} (GRADIENT or HESSIAN) on the same rows: writes (or,
     * with {@code accumulate}, adds) Σ_r δf~_r·∂f~_r/∂θ into out for every block but the neurons'
     * a and b, which go to {@link Workspace#neuronScalarGradient()} (no penalty term).
     *
     * @param adjoint δf~ per row and output, [0, rows·K); not modified
     * @throws NonFiniteException when ∂/∂a overflows (exp(u) infinite on a row with δf~ ≠ 0)
     */
    public void backward(Workspace ws, double[] theta, Buf x, int xOff, double[] adjoint, Buf out,
                         boolean accumulate) {
        Pass p = ws.pass;
        p.out = out;
        p.accumulate = accumulate;
        Buf rep = body.output(ws.body);
        if (head != null) {
            head.backward(ws, theta, neuronSource(ws, x), neuronOffset(ws, xOff), adjoint);
        }
        if (ws.df.f != null) {
            NonFiniteScores.checkFloatRange(this, adjoint, p.rows * outputs, ws);
        }
        ws.loadAdjoint(adjoint, ws.df, p.rows * outputs);
        if (rep != null && ws.drep == null) {
            ws.drep = p.ar.alloc(rep.length());
        }
        output.vjp(p, rep != null ? rep : x, rep != null ? 0 : xOff, ws.df, rep != null ? ws.drep : null, null);
        if (rep != null) {
            if (head != null && head.readsRepresentation) {
                head.addInputAdjoint(ws, ws.drep);
            }
            body.vjp(p, x, xOff, ws.drep, null, ws.body);
        }
    }

    /**
     * Tangent pass (JVP) along v after a HESSIAN forward on the same rows: R(f~) = ∂f~/∂θ·v into
     * {@link Workspace#scoreTangents()}.
     */
    public void tangent(Workspace ws, double[] theta, double[] v, Buf x, int xOff) {
        Pass p = ws.pass;
        body.tangent(p, x, xOff, null, ws.body);
        Buf rep = body.output(ws.body);
        Buf rrep = body.outputTangent(ws.body);
        output.tangent(p, rep != null ? rep : x, rep != null ? 0 : xOff, rrep, ws.rf, null);
        int n = p.rows * outputs;
        Workspace.widen(ws.rf, ws.rfNet, n);
        if (head == null) {
            System.arraycopy(ws.rfNet, 0, ws.scoreTangents, 0, n);
        } else {
            head.tangent(ws, theta, v, neuronSource(ws, x), neuronOffset(ws, xOff),
                    head.readsRepresentation ? rrep : null);
        }
    }

    /**
     * Second-order reverse pass (the R-operator of {@link #backward}) after {@link #tangent}:
     * Σ_r [R(δf~_r)·∂f~_r/∂θ + δf~_r·∂²f~_r/∂θ²·v] into out (the neurons' a and b to
     * {@link Workspace#neuronScalarGradient()}), no penalty term.
     *
     * @param adjoint  δf~ per row and output; not modified
     * @param rAdjoint R(δf~), its directional derivative; not modified
     */
    public void secondOrder(Workspace ws, double[] theta, double[] v, Buf x, int xOff, double[] adjoint,
                            double[] rAdjoint, Buf out, boolean accumulate) {
        Pass p = ws.pass;
        p.out = out;
        p.accumulate = accumulate;
        Buf rep = body.output(ws.body);
        Buf rrep = body.outputTangent(ws.body);
        if (head != null) {
            head.secondOrder(ws, theta, v, neuronSource(ws, x), neuronOffset(ws, xOff),
                    head.readsRepresentation ? rrep : null, adjoint, rAdjoint);
        }
        int n = p.rows * outputs;
        ws.loadAdjoint(adjoint, ws.df, n);
        ws.loadAdjoint(rAdjoint, ws.rdf, n);
        if (rep != null && ws.rdrep == null) {
            ws.drep = ws.drep != null ? ws.drep : p.ar.alloc(rep.length());
            ws.rdrep = p.ar.alloc(rep.length());
        }
        output.rvjp(p, rep != null ? rep : x, rep != null ? 0 : xOff, rrep, ws.df, ws.rdf,
                rep != null ? ws.drep : null, rep != null ? ws.rdrep : null, null);
        if (rep != null) {
            if (head != null && head.readsRepresentation) {
                head.addInputAdjoints(ws, ws.drep, ws.rdrep);
            }
            body.rvjp(p, x, xOff, null, ws.drep, ws.rdrep, null, null, ws.body);
        }
    }

    /**
     * Units of kinked activations (relu, leaky relu; one per output position) whose
     * pre-activation lies within {@code tol} of the kink for at least one of the n rows of x:
     * {flagged, checked}. Near a kink the derivatives are one-sided and the Hessian omits the
     * kink's delta. {0, 0} when the network has no kinked activation.
     */
    public int[] kinks(double[] theta, double[] x, int n, double tol) {
        int d = spec.inputDim();
        Workspace ws = newWorkspace(Precision.FLOAT64, Math.max(1, Math.min(n, SCORE_BLOCK)));
        load(ws, theta, null, null, null);
        Buf xb = Buf.of(x);
        boolean[][] flags = new boolean[body.layers.length][];
        for (int start = 0; start < n; start += SCORE_BLOCK) {
            int rows = Math.min(SCORE_BLOCK, n - start);
            ws.labelRows(start, null, 0);
            forward(ws, theta, xb, start * d, rows, PassKind.VALUE);
            body.kinks(xb, start * d, rows, tol, ws.body, flags);
        }
        return Sequence.count(body.layers, flags, ws.body);
    }

    /**
     * f~(x_r) for the n rows of x (row-major, n·d values) into out[0..n·K), float64. Convenience
     * entry that allocates a workspace; hot loops keep their own.
     */
    public void scores(double[] theta, double[] x, int n, double[] out) {
        blockedScores(theta, x, n, out, false);
    }

    /** f(x_r; θ) with the neurons removed, for the n rows of x, into out[0..n·K). */
    public void networkScores(double[] theta, double[] x, int n, double[] out) {
        blockedScores(theta, x, n, out, true);
    }

    private void blockedScores(double[] theta, double[] x, int n, double[] out, boolean networkOnly) {
        if (theta.length != layout.dimension()) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected " + layout.dimension());
        }
        int d = spec.inputDim();
        if (x.length < (long) n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected n*d = " + n + "*" + d);
        }
        if (out.length < (long) n * outputs) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected at least " + n * outputs);
        }
        Workspace ws = newWorkspace(Precision.FLOAT64, Math.max(1, Math.min(n, SCORE_BLOCK)));
        load(ws, theta, null, null, null);
        Buf xb = Buf.of(x);
        for (int start = 0; start < n; start += SCORE_BLOCK) {
            int rows = Math.min(SCORE_BLOCK, n - start);
            ws.labelRows(start, null, 0);
            forward(ws, theta, xb, start * d, rows, PassKind.VALUE);
            System.arraycopy(networkOnly ? ws.fNet : ws.scores, 0, out, start * outputs, rows * outputs);
        }
    }
}
