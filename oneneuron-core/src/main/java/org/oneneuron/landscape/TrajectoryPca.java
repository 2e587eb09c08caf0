package org.oneneuron.landscape;

import java.util.List;

/**
 * The plane of a training trajectory, as loss-landscape draws it (Li et al., 2018, §7): the
 * differences θ_k − θ_T of the recorded points from the end point θ_T, centred by their mean,
 * give the matrix C (one row per point); the top two right singular vectors of C are the
 * directions d1, d2, and σ_j² / Σ σ² is the share of the trajectory's variance each explains.
 * The path's coordinates are (θ_k − θ_T)·d_j, so the end sits at the origin.
 *
 * <p>Computed through the small Gram matrix G = C·Cᵀ (k×k, k the number of points): its
 * eigenpairs (λ_j, u_j) give σ_j² = λ_j and d_j = Cᵀu_j / ‖Cᵀu_j‖, so the cost is O(k²·n).
 */
public final class TrajectoryPca {

    /** A direction whose variance is below this share of the total counts as absent. */
    static final double RANK_TOLERANCE = 1e-12;

    private TrajectoryPca() {
    }

    /**
     * The PCA plane of a trajectory.
     *
     * @param points θ at the recorded steps, in order, the end point last; at least 3, equal
     *               lengths, finite; not modified
     * @throws IllegalArgumentException when the points do not span two directions (a trajectory
     *                                  on a line, or a point repeated)
     */
    public static PcaPlane of(List<double[]> points) {
        int k = points.size();
        if (k < 3) {
            throw new IllegalArgumentException("a trajectory plane needs at least 3 points, got " + k);
        }
        int n = points.get(0).length;
        double[] end = points.get(k - 1);
        double[][] c = new double[k][];
        double[] mean = new double[n];
        for (int i = 0; i < k; i++) {
            double[] p = points.get(i);
            if (p.length != n) {
                throw new IllegalArgumentException("trajectory point " + i + " has " + p.length
                        + " parameters, the first has " + n);
            }
            c[i] = new double[n];
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(p[j])) {
                    throw new IllegalArgumentException("trajectory point " + i + " is not finite at "
                            + "parameter " + j);
                }
                c[i][j] = p[j] - end[j];
                mean[j] += c[i][j] / k;
            }
        }
        for (double[] row : c) {
            for (int j = 0; j < n; j++) {
                row[j] -= mean[j];
            }
        }
        double[] gram = new double[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double g = Vectors.dot(c[a], c[b]);
                gram[a * k + b] = g;
                gram[b * k + a] = g;
            }
        }
        EigenDecomposition eig = SymmetricEigen.symmetric(gram, k, true);
        double[] values = eig.values();
        double[] vectors = eig.vectors();
        double total = 0;
        for (double v : values) {
            total += Math.max(v, 0);
        }
        double first = values[k - 1];
        double second = values[k - 2];
        if (!(total > 0) || second <= RANK_TOLERANCE * total) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the trajectory spans fewer than two directions (variance shares %.3g and %.3g)",
                    total > 0 ? first / total : 0.0, total > 0 ? Math.max(second, 0) / total : 0.0));
        }
        double[] d1 = direction(c, vectors, k, k - 1);
        double[] d2 = direction(c, vectors, k, k - 2);
        double[] x = new double[k];
        double[] y = new double[k];
        double[] diff = new double[n];
        for (int i = 0; i < k; i++) {
            double[] p = points.get(i);
            for (int j = 0; j < n; j++) {
                diff[j] = p[j] - end[j];
            }
            x[i] = Vectors.dot(diff, d1);
            y[i] = Vectors.dot(diff, d2);
        }
        return new PcaPlane(end.clone(), d1, d2, first / total, second / total, x, y);
    }

    /** d = Cᵀu / ‖Cᵀu‖ for eigenvector column {@code col} of G. */
    private static double[] direction(double[][] c, double[] vectors, int k, int col) {
        int n = c[0].length;
        double[] d = new double[n];
        for (int i = 0; i < k; i++) {
            Vectors.axpy(vectors[i * k + col], c[i], d);
        }
        Vectors.scale(1.0 / Vectors.norm(d), d);
        return d;
    }
}
