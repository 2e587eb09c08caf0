package org.oneneuron.landscape;

import java.util.SplittableRandom;
import org.oneneuron.objective.Objective;

/**
 * Extreme eigenvalues of the Hessian H(θ) by the Lanczos method with full reorthogonalization,
 * using only Hessian-vector products: k steps build Q_k and T_k = Q_kᵀ H Q_k (tridiagonal); the
 * extreme eigenpairs (θ, s) of T_k give Ritz pairs (θ, Q_k s). Each returned pair carries its
 * explicit residual ‖Hy - θy‖, which bounds |θ - λ| for some eigenvalue λ of H.
 */
public final class Lanczos {

    private Lanczos() {
    }

    /** Runs Lanczos from a seeded Gaussian start vector. θ: not modified. */
    public static LanczosResult extremes(Objective objective, double[] theta, LanczosConfig config) {
        checkPoint(objective, theta);
        double[] start = Vectors.gaussian(objective.dimension(), new SplittableRandom(config.seed()));
        return extremes(objective, theta, start, config);
    }

    /** Runs Lanczos from the given start vector (not modified). */
    public static LanczosResult extremes(Objective objective, double[] theta, double[] start,
                                         LanczosConfig config) {
        checkPoint(objective, theta);
        if (start.length != theta.length) {
            throw new IllegalArgumentException("start vector has length " + start.length
                    + ", expected " + theta.length);
        }
        KrylovRecurrence krylov = KrylovRecurrence.run(objective, theta, start, config.steps());
        EigenDecomposition t = krylov.ritz();
        int k = t.n();
        RitzPair min = pair(objective, theta, krylov, t, 0);
        RitzPair max = k == 1 ? min : pair(objective, theta, krylov, t, k - 1);
        double norm = Math.max(Math.abs(min.value()), Math.abs(max.value()));
        return new LanczosResult(min, max, t.values(), krylov.steps(), krylov.invariant(), norm,
                config.relativeTolerance());
    }

    private static RitzPair pair(Objective objective, double[] theta, KrylovRecurrence krylov,
                                 EigenDecomposition t, int k) {
        double[] y = krylov.ritzVector(t, k);
        Vectors.scale(1.0 / Vectors.norm(y), y);
        double[] hy = new double[y.length];
        objective.hessianVector(theta, y, hy);
        double value = t.value(k);
        Vectors.axpy(-value, y, hy);
        return new RitzPair(value, y, Vectors.norm(hy));
    }

    static void checkPoint(Objective objective, double[] theta) {
        if (theta.length != objective.dimension()) {
            throw new IllegalArgumentException("theta has length " + theta.length
                    + ", objective dimension is " + objective.dimension());
        }
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new IllegalArgumentException("theta[" + i + "] is not finite: " + theta[i]);
            }
        }
    }
}
