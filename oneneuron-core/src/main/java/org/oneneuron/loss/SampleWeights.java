package org.oneneuron.loss;

import org.oneneuron.data.Dataset;

/** Per-sample weights ω_i for the data loss Σ_i ω_i ℓ_i. */
public final class SampleWeights {

    private SampleWeights() {
    }

    /**
     * Class-balanced weights for ±1 labels: ω_i = n / (2·n_{y_i}), so each class weighs n/2 in
     * total and the weights average 1 (K classes: n/K each).
     *
     * @throws IllegalArgumentException for a regression, or a class without samples
     */
    public static double[] balanced(Dataset data) {
        if (data.task() == org.oneneuron.data.Task.MULTICLASS) {
            return balancedClasses(data);
        }
        if (data.task() == org.oneneuron.data.Task.REGRESSION) {
            throw new IllegalArgumentException("class-balanced weights need classes; data set '" + data.name()
                    + "' is a regression (real-valued targets)");
        }
        int n = data.n();
        int pos = 0;
        for (int i = 0; i < n; i++) {
            double y = data.y()[i];
            if (y != 1 && y != -1) {
                throw new IllegalArgumentException("balanced weights need ±1 labels; sample " + i
                        + " of '" + data.name() + "' has " + y);
            }
            if (y == 1) {
                pos++;
            }
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("balanced weights need both classes in '" + data.name()
                    + "': " + pos + " positive, " + neg + " negative");
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = data.y()[i] == 1 ? n / (2.0 * pos) : n / (2.0 * neg);
        }
        return w;
    }

    /** Class-balanced weights for K classes: ω_i = n / (K·n_{y_i}), so each class weighs n/K. */
    private static double[] balancedClasses(Dataset data) {
        int k = data.labelNames().size();
        int n = data.n();
        int[] count = new int[k];
        for (double y : data.y()) {
            count[(int) y]++;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = n / ((double) k * count[(int) data.y()[i]]);
        }
        return w;
    }
}
