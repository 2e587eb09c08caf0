package org.oneneuron.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oneneuron.objective.Objective;

/**
 * The Hessian assembled column by column from exact Hessian-vector products, H e_j, then
 * symmetrized, H ← (H + Hᵀ)/2. The asymmetry before symmetrizing, max_ij |H_ij - H_ji| / max |H|,
 * is kept as the assembly's quality figure (round-off level for a correct HVP).
 *
 * @param n         dimension
 * @param entries   the symmetrized Hessian, row-major n·n
 * @param asymmetry max_ij |H_ij - H_ji| / max_ij |H_ij| before symmetrizing (0 for H = 0)
 */
public record DenseHessian(int n, double[] entries, double asymmetry) {

    public DenseHessian {
        if (entries.length != n * n) {
            throw new IllegalArgumentException("entries must hold n*n = " + n * n + " values, got "
                    + entries.length);
        }
        entries = entries.clone();
    }

    /** Assembles H(θ) using up to {@code threads} threads, each with its own {@link Objective#copy()}. */
    public static DenseHessian assemble(Objective objective, double[] theta, int threads) {
        int n = objective.dimension();
        if (theta.length != n) {
            throw new IllegalArgumentException("theta has length " + theta.length
                    + ", objective dimension is " + n);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        double[] columns = new double[n * n];
        int workers = Math.min(threads, n);
        if (workers == 1) {
            fillColumns(objective, theta, 0, n, 1, columns);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < workers; t++) {
                    Objective own = objective.copy();
                    int first = t;
                    futures.add(pool.submit(() -> fillColumns(own, theta, first, n, workers, columns)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Hessian assembly interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Hessian assembly failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return symmetrize(n, columns);
    }

    /** Column j of H goes to row j of {@code rowsOfColumns}. */
    private static void fillColumns(Objective objective, double[] theta, int first, int n, int stride,
                                    double[] rowsOfColumns) {
        double[] unit = new double[n];
        double[] out = new double[n];
        for (int j = first; j < n; j += stride) {
            unit[j] = 1.0;
            objective.hessianVector(theta, unit, out);
            unit[j] = 0.0;
            System.arraycopy(out, 0, rowsOfColumns, j * n, n);
        }
    }

    private static DenseHessian symmetrize(int n, double[] h) {
        double maxAbs = 0.0;
        double maxDiff = 0.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double hij = h[i * n + j];
                double hji = h[j * n + i];
                if (!Double.isFinite(hij) || !Double.isFinite(hji)) {
                    throw new ArithmeticException("Hessian entry (" + i + ", " + j
                            + ") is not finite: " + hij + " / " + hji);
                }
                maxAbs = Math.max(maxAbs, Math.max(Math.abs(hij), Math.abs(hji)));
                maxDiff = Math.max(maxDiff, Math.abs(hij - hji));
                double mean = 0.5 * (hij + hji);
                h[i * n + j] = mean;
                h[j * n + i] = mean;
            }
        }
        return new DenseHessian(n, h, maxAbs == 0.0 ? 0.0 : maxDiff / maxAbs);
    }

    /** H_ij. */
    public double get(int i, int j) {
        return entries[i * n + j];
    }

    /** The symmetrized entries (a copy). */
    @Override
    public double[] entries() {
        return entries.clone();
    }

    /** tr(H). */
    public double trace() {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += entries[i * n + i];
        }
        return s;
    }

    /** tr(H²) = Σ_ij H_ij² (= ‖H‖_F² for symmetric H). */
    public double traceOfSquare() {
        double s = 0.0;
        for (double v : entries) {
            s += v * v;
        }
        return s;
    }

    /** All eigenvalues, ascending. */
    public EigenDecomposition eigenvalues() {
        return SymmetricEigen.symmetric(entries, n, false);
    }

    /** Eigenvalues and eigenvectors. */
    public EigenDecomposition eigen() {
        return SymmetricEigen.symmetric(entries, n, true);
    }
}
