package org.oneneuron.constructions;

import org.oneneuron.data.Dataset;

/**
 * The minimum-norm least-squares affine fit (β, γ) = argmin Σ_i (βᵀx_i + γ - t_i)², by conjugate
 * gradients on the normal equations started at 0 (which stays in the range of XᵀX, so a
 * rank-deficient design, e.g. collinear inputs, gets the minimum-norm solution).
 */
final class LeastSquares {

    private LeastSquares() {
    }

    /** β_0..β_{d-1} followed by γ. */
    static double[] affineFit(Dataset data) {
        int d = data.d();
        int p = d + 1;
        double[] a = new double[p * p];
        double[] rhs = new double[p];
        double[] row = new double[p];
        for (int i = 0; i < data.n(); i++) {
            for (int j = 0; j < d; j++) {
                row[j] = data.x(i, j);
            }
            row[d] = 1.0;
            for (int j = 0; j < p; j++) {
                rhs[j] += row[j] * data.y()[i];
                for (int k = 0; k < p; k++) {
                    a[j * p + k] += row[j] * row[k];
                }
            }
        }
        double[] x = new double[p];
        double[] r = rhs.clone();
        double[] dir = r.clone();
        double rr = dot(r, r);
        double stop = 1e-28 * Math.max(1.0, rr);
        for (int it = 0; it < 4 * p && rr > stop; it++) {
            double[] ad = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0.0;
                for (int k = 0; k < p; k++) {
                    s += a[j * p + k] * dir[k];
                }
                ad[j] = s;
            }
            double curvature = dot(dir, ad);
            if (!(curvature > 0)) {
                break;
            }
            double alpha = rr / curvature;
            for (int j = 0; j < p; j++) {
                x[j] += alpha * dir[j];
                r[j] -= alpha * ad[j];
            }
            double next = dot(r, r);
            for (int j = 0; j < p; j++) {
                dir[j] = r[j] + next / rr * dir[j];
            }
            rr = next;
        }
        return x;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
