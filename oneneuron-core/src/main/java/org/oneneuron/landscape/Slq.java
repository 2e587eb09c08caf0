package org.oneneuron.landscape;

import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;

/**
 * Stochastic Lanczos quadrature (Golub–Welsch on each probe's Lanczos tridiagonal): for a unit
 * Rademacher probe v, vᵀ f(H) v ≈ Σ_j τ_j f(θ_j) with Ritz values θ_j of T_k and τ_j the squared
 * first components of T_k's eigenvectors. Averaging over probes estimates tr(f(H))/n.
 */
public final class Slq {

    private Slq() {
    }

    /** The spectral density of H(θ). θ: not modified. */
    public static SpectralDensity density(Objective objective, double[] theta, SlqConfig config) {
        Lanczos.checkPoint(objective, theta);
        SplittableRandom random = new SplittableRandom(config.seed());
        int m = config.probes();
        double[][] nodes = new double[m][];
        double[][] weights = new double[m][];
        for (int p = 0; p < m; p++) {
            double[] v = Vectors.rademacher(theta.length, random);
            KrylovRecurrence krylov = KrylovRecurrence.run(objective, theta, v, config.steps());
            EigenDecomposition t = krylov.ritz();
            nodes[p] = t.values();
            weights[p] = new double[t.n()];
            for (int j = 0; j < t.n(); j++) {
                double first = t.component(0, j);
                weights[p][j] = first * first;
            }
        }
        return new SpectralDensity(theta.length, nodes, weights);
    }
}
