package org.oneneuron.engine;

/**
 * Every buffer of one {@link Graph} pass over at most {@link #capacity()} rows: the layers'
 * memory, the output layer's scores and adjoints, and the neurons' per-row scalars in double.
 * Allocated once (second-order buffers on the first Hessian-vector product), so value, gradient
 * and Hessian-vector passes allocate nothing. Not thread-safe: one per thread (sample chunk).
 */
public final class Workspace {

    final Graph graph;
    final Pass pass;
    final int capacity;
    final Sequence.Memory body;
    final int outputs;
    /** The output layer's scores f in the engine's precision, R(f), δf and Rδf. */
    final Buf f;
    Buf rf;
    final Buf df;
    Buf rdf;
    /** Adjoints of the output layer's input (null when the body is empty). */
    Buf drep;
    Buf rdrep;
    /** Per row×output, in double: f, f~, R(f), R(f~). */
    final double[] fNet;
    final double[] scores;
    double[] rfNet;
    double[] scoreTangents;
    /** The neurons' u, φ(u), a·φ(u), δu, R(u), Rδu (null without neurons). */
    final double[] u;
    final double[] phi;
    final double[] g;
    final double[] du;
    double[] ru;
    double[] rdu;
    final Buf uP;
    final Buf duP;
    Buf ruP;
    Buf rduP;
    /** ∂a_k then ∂b_k (or their R-operators) of the last reverse pass; sums over its rows. */
    final double[] headGrad;
    final double[] sumA;
    final double[] sumB;
    /** For messages: sample id of local row r is rowIndex[rowIndexOffset + r] when set, else rowBase + r. */
    int rowBase;
    int[] rowIndex;
    int rowIndexOffset;

    Workspace(Graph graph, Arith ar, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("workspace capacity must be positive, got " + capacity);
        }
        this.graph = graph;
        this.pass = new Pass(ar);
        this.capacity = capacity;
        this.outputs = graph.outputs;
        int n = capacity * outputs;
        this.body = graph.body.newMemory(ar, capacity);
        this.f = ar.alloc(n);
        this.df = adjointBuffer(ar, n);
        this.fNet = f.d != null ? f.d : new double[n];
        this.scores = new double[n];
        boolean neuron = graph.head != null;
        u = neuron ? new double[n] : null;
        phi = neuron ? new double[n] : null;
        g = neuron ? new double[n] : null;
        du = neuron ? new double[n] : null;
        uP = neuron ? view(ar, u, n) : null;
        duP = neuron ? view(ar, du, n) : null;
        headGrad = new double[2 * outputs];
        sumA = new double[outputs];
        sumB = new double[outputs];
    }

    /** Float64: a view pointed at the caller's adjoints by each pass; float32: a float copy. */
    private static Buf adjointBuffer(Arith ar, int n) {
        return ar instanceof F64Arith ? Buf.of((double[]) null) : ar.alloc(n);
    }

    /** Points (float64) or copies (float32) the caller's adjoints into buf. */
    void loadAdjoint(double[] adjoint, Buf buf, int n) {
        if (buf.f == null) {
            buf.d = adjoint;
        } else {
            narrow(adjoint, buf, n);
        }
    }

    /** A precision buffer over the double array (the same array in float64, a float copy's home in float32). */
    private static Buf view(Arith ar, double[] values, int n) {
        return ar instanceof F64Arith ? Buf.of(values) : ar.alloc(n);
    }

    /** Maximum number of rows one pass may take. */
    public int capacity() {
        return capacity;
    }

    /** "float64" or "float32". */
    public String precision() {
        return pass.ar.precision();
    }

    /** f~(x_r) (row-major rows×K) of the last forward pass. Read-only view. */
    public double[] scores() {
        return scores;
    }

    /** f(x_r; θ) without the neurons, of the last forward pass. Read-only view. */
    public double[] networkScores() {
        return fNet;
    }

    /** a_k·φ(u_k) of the last forward pass (null without neurons). Read-only view. */
    public double[] neuronContribution() {
        return g;
    }

    /** R(f~) of the last tangent pass. Read-only view. */
    public double[] scoreTangents() {
        return scoreTangents;
    }

    /** ∂L/∂a_k (k < K), then ∂L/∂b_k, of the last reverse or second-order pass. Read-only view. */
    public double[] neuronScalarGradient() {
        return headGrad;
    }

    /**
     * Names the samples behind local rows in messages: row r is sample {@code base + r}, or
     * {@code index[indexOffset + r]} when index is non-null.
     */
    public void labelRows(int base, int[] index, int indexOffset) {
        rowBase = base;
        rowIndex = index;
        rowIndexOffset = indexOffset;
    }

    int sampleOf(int row) {
        return rowIndex != null ? rowIndex[rowIndexOffset + row] : rowBase + row;
    }

    /** to = from in the engine's precision (nothing to do when to is a view of from). */
    void narrow(double[] from, Buf to, int n) {
        if (to.d == from) {
            return;
        }
        if (to.d != null) {
            System.arraycopy(from, 0, to.d, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            to.f[i] = (float) from[i];
        }
    }

    /** to = from widened (nothing to do when from is a view of to). */
    static void widen(Buf from, double[] to, int n) {
        if (from.d == to) {
            return;
        }
        if (from.d != null) {
            System.arraycopy(from.d, 0, to, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            to[i] = from.f[i];
        }
    }

    void ensureSecondOrder() {
        if (scoreTangents != null) {
            return;
        }
        Arith ar = pass.ar;
        int n = capacity * outputs;
        rf = ar.alloc(n);
        rdf = adjointBuffer(ar, n);
        rfNet = rf.d != null ? rf.d : new double[n];
        scoreTangents = new double[n];
        if (graph.head != null) {
            ru = new double[n];
            rdu = new double[n];
            ruP = view(ar, ru, n);
            rduP = view(ar, rdu, n);
        }
    }
}
