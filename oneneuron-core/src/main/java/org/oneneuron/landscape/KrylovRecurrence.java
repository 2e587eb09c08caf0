package org.oneneuron.landscape;

import java.util.Arrays;
import org.oneneuron.objective.Objective;

/**
 * The Lanczos three-term recurrence H q_j = β_{j-1} q_{j-1} + α_j q_j + β_j q_{j+1} with full
 * reorthogonalization (classical Gram–Schmidt, applied twice) against every stored basis vector.
 * It stops early when β_j falls to round-off relative to the largest coefficient seen: the Krylov
 * space is then invariant and the Ritz values are exact eigenvalues.
 *
 * @param alpha     diagonal of T, length steps
 * @param beta      couplings, length steps; beta[steps-1] is the norm of the final residual
 * @param basis     the orthonormal Lanczos vectors q_0 .. q_{steps-1}
 * @param invariant whether the recurrence stopped on an invariant subspace
 */
record KrylovRecurrence(double[] alpha, double[] beta, double[][] basis, boolean invariant) {

    private static final double BREAKDOWN = 1e-12;

    int steps() {
        return alpha.length;
    }

    /** Runs at most {@code steps} steps from {@code start} (not modified; normalized here). */
    static KrylovRecurrence run(Objective objective, double[] theta, double[] start, int steps) {
        int n = objective.dimension();
        int m = Math.min(steps, n);
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[][] basis = new double[m][];
        double[] q = start.clone();
        double startNorm = Vectors.norm(q);
        if (!(startNorm > 0.0) || !Double.isFinite(startNorm)) {
            throw new IllegalArgumentException("Lanczos start vector must be finite and nonzero, norm "
                    + startNorm);
        }
        Vectors.scale(1.0 / startNorm, q);
        double[] w = new double[n];
        double largest = 0.0;
        int done = 0;
        boolean invariant = false;
        for (int j = 0; j < m; j++) {
            basis[j] = q;
            objective.hessianVector(theta, q, w);
            double a = Vectors.dot(q, w);
            if (!Double.isFinite(a)) {
                throw new ArithmeticException("Lanczos step " + j + ": qᵀHq is not finite (" + a + ")");
            }
            alpha[j] = a;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    Vectors.axpy(-Vectors.dot(basis[i], w), basis[i], w);
                }
            }
            double b = Vectors.norm(w);
            beta[j] = b;
            largest = Math.max(largest, Math.max(Math.abs(a), b));
            done = j + 1;
            if (b <= BREAKDOWN * largest) {
                invariant = true;
                break;
            }
            q = w.clone();
            Vectors.scale(1.0 / b, q);
        }
        return new KrylovRecurrence(Arrays.copyOf(alpha, done), Arrays.copyOf(beta, done),
                Arrays.copyOf(basis, done), invariant);
    }

    /** Eigen-decomposition of the tridiagonal T_k built from alpha and beta[0..k-2]. */
    EigenDecomposition ritz() {
        return SymmetricEigen.tridiagonal(alpha, Arrays.copyOf(beta, Math.max(0, alpha.length - 1)), true);
    }

    /** The Ritz vector Q·s for the column k of the decomposition. */
    double[] ritzVector(EigenDecomposition t, int k) {
        double[] y = new double[basis[0].length];
        for (int j = 0; j < alpha.length; j++) {
            Vectors.axpy(t.component(j, k), basis[j], y);
        }
        return y;
    }
}
