package org.oneneuron.constructions;

import org.oneneuron.data.Dataset;
import org.oneneuron.loss.OutputLoss;

/**
 * argmin_c Σ_i ℓ(c; y_i) over constant score vectors c ∈ R^K, for a class loss convex in its K
 * scores (PAPER.md §10 A1), by damped Newton steps on the K×K Hessian (assembled from ∇²ℓ·e_j, a
 * tiny ridge for the shift along (1, …, 1) that class losses ignore) with backtracking. Started at
 * the log class frequencies, which is the softmax cross-entropy's exact answer.
 */
final class BestClassConstant {

    private BestClassConstant() {
    }

    /**
     * The best constant.
     *
     * @throws IllegalArgumentException when a class has no sample (no best constant exists: its
     *                                  score would run to -infinity under cross-entropy)
     */
    static double[] of(Dataset data, OutputLoss loss, int k) {
        double[] count = new double[k];
        for (double y : data.y()) {
            count[(int) y]++;
        }
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            if (count[j] == 0) {
                throw new IllegalArgumentException("class " + j + " has no sample: the loss " + loss.word()
                        + " has no best constant on this data");
            }
            c[j] = Math.log(count[j] / data.n());
        }
        double value = total(data, loss, c, k);
        for (int it = 0; it < 100; it++) {
            double[] g = new double[k];
            double[] h = new double[k * k];
            double[] unit = new double[k];
            double[] column = new double[k];
            for (double y : data.y()) {
                loss.gradient(c, 0, k, y, 1.0, column, 0);
                for (int j = 0; j < k; j++) {
                    g[j] += column[j];
                }
                for (int j = 0; j < k; j++) {
                    unit[j] = 1.0;
                    loss.hessianTimes(c, 0, k, y, unit, 1.0, column, 0);
                    unit[j] = 0.0;
                    for (int r = 0; r < k; r++) {
                        h[r * k + j] += column[r];
                    }
                }
            }
            double gNorm = 0.0;
            double trace = 0.0;
            for (int j = 0; j < k; j++) {
                gNorm = Math.max(gNorm, Math.abs(g[j]));
                trace += h[j * k + j];
            }
            if (gNorm <= 1e-13 * Math.max(1.0, value)) {
                break;
            }
            for (int j = 0; j < k; j++) {
                h[j * k + j] += 1e-12 * Math.max(trace, 1.0);
            }
            double[] step = solve(h, g, k);
            boolean moved = false;
            for (double t = 1.0; t > 1e-10 && !moved; t /= 2) {
                double[] next = c.clone();
                for (int j = 0; j < k; j++) {
                    next[j] -= t * step[j];
                }
                double v = total(data, loss, next, k);
                if (v < value) {
                    c = next;
                    value = v;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return c;
    }

    static double total(Dataset data, OutputLoss loss, double[] c, int k) {
        double s = 0.0;
        for (double y : data.y()) {
            s += loss.value(c, 0, k, y);
        }
        return s;
    }

    /** x with A x = b, Gaussian elimination with partial pivoting (A is k×k, copied). */
    private static double[] solve(double[] a0, double[] b0, int k) {
        double[] a = a0.clone();
        double[] b = b0.clone();
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r * k + col]) > Math.abs(a[pivot * k + col])) {
                    pivot = r;
                }
            }
            for (int j = 0; j < k; j++) {
                double t = a[col * k + j];
                a[col * k + j] = a[pivot * k + j];
                a[pivot * k + j] = t;
            }
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            double p = a[col * k + col];
            if (p == 0.0) {
                continue;
            }
            for (int r = col + 1; r < k; r++) {
                double f = a[r * k + col] / p;
                for (int j = col; j < k; j++) {
                    a[r * k + j] -= f * a[col * k + j];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < k; j++) {
                s -= a[r * k + j] * x[j];
            }
            x[r] = a[r * k + r] == 0.0 ? 0.0 : s / a[r * k + r];
        }
        return x;
    }
}
