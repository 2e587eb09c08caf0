package org.oneneuron.model;

/**
 * The work buffers of one {@link Network} pass over at most {@link #capacity()} rows: activations,
 * their derivatives, adjoints and tangents. Allocated once (first-order and second-order buffers
 * on first use) so that value, gradient and Hessian-vector passes allocate nothing. Not
 * thread-safe: one workspace per thread (per sample chunk).
 */
public final class NetworkWorkspace {

    final NetworkSpec spec;
    final int capacity;
    final int maxWidth;
    /** Pre-activations Z_l, activations H_l, σ'(Z_l), σ''(Z_l) for l = 1..L (index 0 unused). */
    final double[][] z;
    final double[][] h;
    final double[][] d1;
    final double[][] d2;
    /** Network-only scores, the neuron's u = wᵀs + b (chain end for per-layer-exp), φ(u), a·φ(u), f~. */
    final double[] fNet;
    final double[] u;
    final double[] phi;
    final double[] g;
    final double[] f;
    /** The per-layer-exp chain's log-values: chain[l] = log s_l for l = 1..L. */
    final double[][] chain;
    /**
     * Reverse pass: ping-pong adjoint buffers of rows×(widest hidden layer; the input's adjoint is
     * never formed), the neuron's adjoint of u.
     */
    double[] adjA;
    double[] adjB;
    double[] du;
    /** Tangent pass: R(Z_l), R(H_l), R(u), R(f~) and the second-order adjoints. */
    double[][] rz;
    double[][] rh;
    double[] ru;
    double[] rf;
    double[] radjA;
    double[] radjB;
    double[] rdu;
    /** For messages: sample id of local row r is rowIndex[r] when set, else rowBase + r. */
    int rowBase;
    int[] rowIndex;
    int rowIndexOffset;

    NetworkWorkspace(NetworkSpec spec, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("workspace capacity must be positive, got " + capacity);
        }
        this.spec = spec;
        this.capacity = capacity;
        int depth = spec.depth();
        int mw = 1;
        for (int l = 1; l <= depth; l++) {
            mw = Math.max(mw, spec.width(l));
        }
        maxWidth = mw;
        z = new double[depth + 1][];
        h = new double[depth + 1][];
        d1 = new double[depth + 1][];
        d2 = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            z[l] = new double[capacity * spec.width(l)];
            h[l] = new double[capacity * spec.width(l)];
        }
        fNet = new double[capacity];
        f = new double[capacity];
        boolean neuron = spec.neuron().present();
        u = neuron ? new double[capacity] : null;
        phi = neuron ? new double[capacity] : null;
        g = neuron ? new double[capacity] : null;
        chain = new double[depth + 1][];
        if (spec.neuron() == NeuronKind.PER_LAYER_EXP) {
            for (int l = 1; l <= depth; l++) {
                chain[l] = new double[capacity];
            }
        }
    }

    /** Maximum number of rows one pass may take. */
    public int capacity() {
        return capacity;
    }

    /**
     * Z_l of the last forward pass, row-major (rows × width(l)), for hidden layer l in 1..L: the
     * pre-activations, e.g. to find units at an activation's kink.
     */
    public double[] preActivations(int layer) {
        if (layer < 1 || layer >= z.length) {
            throw new IllegalArgumentException("hidden layer must be in 1.." + (z.length - 1) + ", got " + layer);
        }
        return z[layer];
    }

    /** f~(x_r) of the last forward pass, rows [0, rows). Read-only view. */
    public double[] scores() {
        return f;
    }

    /** f(x_r; θ) without the neuron, of the last forward pass. Read-only view. */
    public double[] networkScores() {
        return fNet;
    }

    /** a·φ(u_r), the neuron's contribution, of the last forward pass (null without a neuron). */
    public double[] neuronContribution() {
        return g;
    }

    /** φ(u_r) (E_r = exp(u_r) for the exponential kinds) of the last forward pass; may hold Inf. */
    public double[] neuronActivation() {
        return phi;
    }

    /** R(f~)(x_r) of the last tangent pass. Read-only view. */
    public double[] scoreTangents() {
        return rf;
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

    void ensureFirstOrder() {
        if (adjA == null) {
            adjA = new double[capacity * maxWidth];
            adjB = new double[capacity * maxWidth];
            du = new double[capacity];
            for (int l = 1; l <= spec.depth(); l++) {
                d1[l] = new double[capacity * spec.width(l)];
            }
        }
    }

    void ensureSecondOrder() {
        ensureFirstOrder();
        if (rf == null) {
            int depth = spec.depth();
            rz = new double[depth + 1][];
            rh = new double[depth + 1][];
            for (int l = 1; l <= depth; l++) {
                d2[l] = new double[capacity * spec.width(l)];
                rz[l] = new double[capacity * spec.width(l)];
                rh[l] = new double[capacity * spec.width(l)];
            }
            ru = new double[capacity];
            rf = new double[capacity];
            radjA = new double[capacity * maxWidth];
            radjB = new double[capacity * maxWidth];
            rdu = new double[capacity];
        }
    }
}
