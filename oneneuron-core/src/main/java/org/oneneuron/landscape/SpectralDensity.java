package org.oneneuron.landscape;

/**
 * The spectral density of H from stochastic Lanczos quadrature: for probe p, nodes θ_{p,j} (Ritz
 * values) and weights τ_{p,j} = (first component of the j-th eigenvector of T)², Σ_j τ_{p,j} = 1.
 * The density is φ(t) ≈ (1/m) Σ_p Σ_j τ_{p,j} δ(t - θ_{p,j}), and its moments estimate
 * tr(H^k)/n.
 *
 * @param dimension n, the order of H
 * @param nodes     per probe, the quadrature nodes
 * @param weights   per probe, the weights (each row sums to 1)
 */
public record SpectralDensity(int dimension, double[][] nodes, double[][] weights) {

    public SpectralDensity {
        if (nodes.length != weights.length || nodes.length < 1) {
            throw new IllegalArgumentException("need equal, nonzero numbers of node and weight rows, got "
                    + nodes.length + " and " + weights.length);
        }
        nodes = deepCopy(nodes);
        weights = deepCopy(weights);
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i].clone();
        }
        return c;
    }

    @Override
    public double[][] nodes() {
        return deepCopy(nodes);
    }

    @Override
    public double[][] weights() {
        return deepCopy(weights);
    }

    /** Number of probes. */
    public int probes() {
        return nodes.length;
    }

    /** ∫ t^k φ(t) dt ≈ tr(H^k)/n with its standard error over the probes. */
    public TraceEstimate moment(int k) {
        double[] samples = new double[nodes.length];
        for (int p = 0; p < nodes.length; p++) {
            double s = 0.0;
            for (int j = 0; j < nodes[p].length; j++) {
                s += weights[p][j] * Math.pow(nodes[p][j], k);
            }
            samples[p] = s;
        }
        return TraceEstimate.ofSamples(samples);
    }

    /** The density smoothed by a Gaussian of width sigma, evaluated at each grid point. */
    public double[] smoothed(double[] grid, double sigma) {
        if (!(sigma > 0.0)) {
            throw new IllegalArgumentException("sigma must be positive, got " + sigma);
        }
        double[] out = new double[grid.length];
        double norm = 1.0 / (nodes.length * sigma * Math.sqrt(2.0 * Math.PI));
        for (int g = 0; g < grid.length; g++) {
            double s = 0.0;
            for (int p = 0; p < nodes.length; p++) {
                for (int j = 0; j < nodes[p].length; j++) {
                    double t = (grid[g] - nodes[p][j]) / sigma;
                    s += weights[p][j] * Math.exp(-0.5 * t * t);
                }
            }
            out[g] = s * norm;
        }
        return out;
    }
}
