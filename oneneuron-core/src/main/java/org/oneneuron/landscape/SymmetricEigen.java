package org.oneneuron.landscape;

/**
 * Symmetric eigen-solver: Householder reduction to tridiagonal form, then the implicit QL method
 * with Wilkinson-type shifts (the EISPACK tred2/tql2 pair, as in JAMA). O(n³) with vectors, about
 * (4/3)n³ without. Written here rather than taken from a library to keep the core's runtime
 * dependencies to the BLAS binding and Jackson; Lanczos and SLQ need its tridiagonal entry point.
 */
public final class SymmetricEigen {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_SWEEPS_PER_VALUE = 60;

    private SymmetricEigen() {
    }

    /**
     * Decomposes the symmetric n×n matrix A (row-major; only the lower triangle is read).
     *
     * @param a       n·n entries; not modified
     * @param n       order
     * @param vectors whether to compute eigenvectors
     */
    public static EigenDecomposition symmetric(double[] a, int n, boolean vectors) {
        if (n <= 0 || a.length != n * n) {
            throw new IllegalArgumentException("matrix must have n*n = " + n + "*" + n
                    + " entries, got " + a.length);
        }
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = new double[n];
            System.arraycopy(a, i * n, v[i], 0, i + 1);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(v, d, e, vectors);
        return ql(d, e, vectors ? v : null);
    }

    /**
     * Decomposes the symmetric tridiagonal matrix with diagonal {@code diag} (length k) and
     * off-diagonal {@code off} (length k-1, off[i] couples i and i+1). Neither is modified.
     */
    public static EigenDecomposition tridiagonal(double[] diag, double[] off, boolean vectors) {
        int k = diag.length;
        if (k == 0 || off.length < k - 1) {
            throw new IllegalArgumentException("tridiagonal matrix needs k >= 1 diagonal and k-1 = "
                    + (k - 1) + " off-diagonal entries, got " + diag.length + " and " + off.length);
        }
        double[] d = diag.clone();
        double[] e = new double[k];
        for (int i = 1; i < k; i++) {
            e[i] = off[i - 1];
        }
        double[][] v = null;
        if (vectors) {
            v = new double[k][k];
            for (int i = 0; i < k; i++) {
                v[i][i] = 1.0;
            }
        }
        return ql(d, e, v);
    }

    /** Householder reduction (tred2): d receives the diagonal, e[i] the coupling of i-1 and i. */
    private static void tridiagonalize(double[][] v, double[] d, double[] e, boolean accumulate) {
        int n = d.length;
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
        }
        for (int i = n - 1; i > 0; i--) {
            double scale = 0.0;
            double h = 0.0;
            for (int k = 0; k < i; k++) {
                scale += Math.abs(d[k]);
            }
            if (scale == 0.0) {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++) {
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                    v[j][i] = 0.0;
                }
            } else {
                for (int k = 0; k < i; k++) {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }
                double f = d[i - 1];
                double g = Math.sqrt(h);
                if (f > 0) {
                    g = -g;
                }
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++) {
                    e[j] = 0.0;
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    v[j][i] = f;
                    g = e[j] + v[j][j] * f;
                    for (int k = j + 1; k <= i - 1; k++) {
                        g += v[k][j] * d[k];
                        e[k] += v[k][j] * f;
                    }
                    e[j] = g;
                }
                f = 0.0;
                for (int j = 0; j < i; j++) {
                    e[j] /= h;
                    f += e[j] * d[j];
                }
                double hh = f / (h + h);
                for (int j = 0; j < i; j++) {
                    e[j] -= hh * d[j];
                }
                for (int j = 0; j < i; j++) {
                    f = d[j];
                    g = e[j];
                    for (int k = j; k <= i - 1; k++) {
                        v[k][j] -= f * e[k] + g * d[k];
                    }
                    d[j] = v[i - 1][j];
                    v[i][j] = 0.0;
                }
            }
            d[i] = h;
        }
        if (!accumulate) {
            for (int i = 0; i < n; i++) {
                d[i] = v[i][i];
            }
            e[0] = 0.0;
            return;
        }
        for (int i = 0; i < n - 1; i++) {
            v[n - 1][i] = v[i][i];
            v[i][i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0) {
                for (int k = 0; k <= i; k++) {
                    d[k] = v[k][i + 1] / h;
                }
                for (int j = 0; j <= i; j++) {
                    double g = 0.0;
                    for (int k = 0; k <= i; k++) {
                        g += v[k][i + 1] * v[k][j];
                    }
                    for (int k = 0; k <= i; k++) {
                        v[k][j] -= g * d[k];
                    }
                }
            }
            for (int k = 0; k <= i; k++) {
                v[k][i + 1] = 0.0;
            }
        }
        for (int j = 0; j < n; j++) {
            d[j] = v[n - 1][j];
            v[n - 1][j] = 0.0;
        }
        v[n - 1][n - 1] = 1.0;
        e[0] = 0.0;
    }

    /** Implicit QL (tql2) on diagonal d and couplings e[i] (i-1, i); v rotated when not null. */
    private static EigenDecomposition ql(double[] d, double[] e, double[][] v) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0.0;
        double f = 0.0;
        double tst1 = 0.0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n && Math.abs(e[m]) > EPS * tst1) {
                m++;
            }
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > MAX_SWEEPS_PER_VALUE) {
                        throw new IllegalStateException("QL iteration did not converge for eigenvalue "
                                + l + " of " + n + " after " + MAX_SWEEPS_PER_VALUE + " sweeps");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Math.hypot(p, 1.0);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1.0;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0;
                    double s2 = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Math.hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (v != null) {
                            for (int k = 0; k < n; k++) {
                                double[] row = v[k];
                                h = row[i + 1];
                                row[i + 1] = s * row[i] + c * h;
                                row[i] = c * row[i] - s * h;
                            }
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > EPS * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
        return sorted(d, v);
    }

    private static EigenDecomposition sorted(double[] d, double[][] v) {
        int n = d.length;
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            double p = d[i];
            for (int j = i + 1; j < n; j++) {
                if (d[j] < p) {
                    k = j;
                    p = d[j];
                }
            }
            if (k != i) {
                d[k] = d[i];
                d[i] = p;
                if (v != null) {
                    for (double[] row : v) {
                        double t = row[i];
                        row[i] = row[k];
                        row[k] = t;
                    }
                }
            }
        }
        double[] flat = new double[v == null ? 0 : n * n];
        if (v != null) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(v[i], 0, flat, i * n, n);
            }
        }
        return new EigenDecomposition(d, flat);
    }
}
