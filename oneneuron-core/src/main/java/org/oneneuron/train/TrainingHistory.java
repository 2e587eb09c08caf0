package org.oneneuron.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * The recorded trajectory, one entry per recorded step (every {@code history_stride} steps and
 * the last). Loss and gradient norm are full-batch values even for stochastic optimizers; a
 * minibatch run evaluates the full-data gradient only at its last entry and, when it has a
 * gradient tolerance to judge, at every entry (elsewhere its gradient norm is NaN). The
 * neuron columns (PAPER.md §5) are empty when the objective has no special neuron; the
 * coordinate columns hold θ itself when the dimension is at most {@link #MAX_TRACKED_COORDINATES}
 * (so the infinity diagnostics can name the coordinate that runs off in small constructions).
 * Arrays are copied in and out.
 *
 * @param steps           the step of each entry
 * @param loss            L(θ)
 * @param gradientNorm    ‖∇L(θ)‖ (NaN where a minibatch run did not evaluate it)
 * @param thetaNorm       ‖θ‖
 * @param networkOnlyLoss loss of the network alone (empty without neuron)
 * @param a               the neuron's a (empty without neuron)
 * @param b               the neuron's b (empty without neuron)
 * @param wNorm           the neuron's ‖w‖ (empty without neuron)
 * @param maxContribution max_i |a·E_i| (empty without neuron)
 * @param coordinates     θ per entry when dimension ≤ 8, else empty
 * @param outputNeurons   with K ≥ 2 outputs (one neuron each, PAPER.md §10), per entry the row
 *                        [a_0..a_{K-1}, b_0..b_{K-1}, ‖w_0‖..‖w_{K-1}‖]; else empty
 */
public record TrainingHistory(long[] steps, double[] loss, double[] gradientNorm,
                              double[] thetaNorm, double[] networkOnlyLoss, double[] a,
                              double[] b, double[] wNorm, double[] maxContribution,
                              double[][] coordinates, double[][] outputNeurons) {

    /** Largest dimension whose coordinates are recorded. */
    public static final int MAX_TRACKED_COORDINATES = 8;

    public TrainingHistory {
        int n = steps.length;
        steps = steps.clone();
        loss = same(n, loss, "loss");
        gradientNorm = same(n, gradientNorm, "gradient_norm");
        thetaNorm = same(n, thetaNorm, "theta_norm");
        int m = a.length;
        if (m != 0 && m != n) {
            throw new IllegalArgumentException("neuron columns have " + m + " entries, expected 0 or "
                    + n);
        }
        networkOnlyLoss = same(m, networkOnlyLoss, "network_only_loss");
        a = same(m, a, "a");
        b = same(m, b, "b");
        wNorm = same(m, wNorm, "w_norm");
        maxContribution = same(m, maxContribution, "max_contribution");
        if (coordinates.length != 0 && coordinates.length != n) {
            throw new IllegalArgumentException("coordinates have " + coordinates.length
                    + " entries, expected 0 or " + n);
        }
        coordinates = deepCopy(coordinates);
        if (outputNeurons.length != 0 && (outputNeurons.length != n || m != n)) {
            throw new IllegalArgumentException("output neuron rows: " + outputNeurons.length
                    + ", expected 0 or " + n + " (with the neuron columns)");
        }
        for (double[] row : outputNeurons) {
            if (row.length != outputNeurons[0].length || row.length % 3 != 0 || row.length < 6) {
                throw new IllegalArgumentException("an output neuron row holds 3K values for K >= 2 outputs, got "
                        + row.length);
            }
        }
        outputNeurons = deepCopy(outputNeurons);
    }

    /** A history without per-output neuron columns (one output, or none recorded). */
    public TrainingHistory(long[] steps, double[] loss, double[] gradientNorm, double[] thetaNorm,
                           double[] networkOnlyLoss, double[] a, double[] b, double[] wNorm,
                           double[] maxContribution, double[][] coordinates) {
        this(steps, loss, gradientNorm, thetaNorm, networkOnlyLoss, a, b, wNorm, maxContribution,
                coordinates, new double[0][]);
    }

    /** K when the per-output neuron columns are filled (K ≥ 2), else 0. */
    public int outputCount() {
        return outputNeurons.length == 0 ? 0 : outputNeurons[0].length / 3;
    }

    /** a_k per entry. */
    public double[] outputA(int k) {
        return outputColumn(k);
    }

    /** b_k per entry. */
    public double[] outputB(int k) {
        return outputColumn(outputCount() + k);
    }

    /** ‖w_k‖ per entry. */
    public double[] outputWNorm(int k) {
        return outputColumn(2 * outputCount() + k);
    }

    private double[] outputColumn(int c) {
        double[] column = new double[outputNeurons.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = outputNeurons[i][c];
        }
        return column;
    }

    private static double[] same(int n, double[] column, String name) {
        Objects.requireNonNull(column, name);
        if (column.length != n) {
            throw new IllegalArgumentException(name + " has " + column.length
                    + " entries, expected " + n);
        }
        return column.clone();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** Number of entries. */
    public int size() {
        return steps.length;
    }

    /** Whether the neuron columns are filled. */
    public boolean hasNeuron() {
        return a.length > 0;
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] gradientNorm() {
        return gradientNorm.clone();
    }

    @Override
    public double[] thetaNorm() {
        return thetaNorm.clone();
    }

    @Override
    public double[] networkOnlyLoss() {
        return networkOnlyLoss.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] wNorm() {
        return wNorm.clone();
    }

    @Override
    public double[] maxContribution() {
        return maxContribution.clone();
    }

    @Override
    public double[][] coordinates() {
        return deepCopy(coordinates);
    }

    @Override
    public double[][] outputNeurons() {
        return deepCopy(outputNeurons);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingHistory h && Arrays.equals(steps, h.steps)
                && Arrays.equals(loss, h.loss) && Arrays.equals(gradientNorm, h.gradientNorm)
                && Arrays.equals(thetaNorm, h.thetaNorm) && Arrays.equals(a, h.a)
                && Arrays.equals(b, h.b) && Arrays.equals(wNorm, h.wNorm)
                && Arrays.equals(maxContribution, h.maxContribution)
                && Arrays.equals(networkOnlyLoss, h.networkOnlyLoss)
                && Arrays.deepEquals(coordinates, h.coordinates)
                && Arrays.deepEquals(outputNeurons, h.outputNeurons);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(steps) * 31 + Arrays.hashCode(loss);
    }

    @Override
    public String toString() {
        return "TrainingHistory[" + size() + " entries, neuron=" + hasNeuron() + "]";
    }
}
