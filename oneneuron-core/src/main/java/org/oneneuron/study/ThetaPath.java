package org.oneneuron.study;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A run's parameter vector θ at a few recorded steps, the end point last: what trajectory PCA,
 * landscape slices and mode connectivity need to be redrawn from the journal alone. The start θ₀
 * is its first point. Empty for journals written before it was recorded.
 *
 * @param steps  optimizer step of each point, ascending
 * @param thetas θ at each step (rows of equal length)
 */
public record ThetaPath(int[] steps, double[][] thetas) implements Serializable {

    /** Most numbers (points × parameters) a run stores; fewer points for larger networks. */
    public static final int NUMBER_BUDGET = 3000;

    /** Most points a run stores. */
    public static final int MAX_POINTS = 21;

    public ThetaPath {
        steps = steps.clone();
        thetas = copy(thetas);
        if (steps.length != thetas.length) {
            throw new IllegalArgumentException("theta path has " + steps.length + " steps and "
                    + thetas.length + " points");
        }
        for (int i = 1; i < thetas.length; i++) {
            if (thetas[i].length != thetas[0].length) {
                throw new IllegalArgumentException("theta path point " + i + " has " + thetas[i].length
                        + " parameters, the first has " + thetas[0].length);
            }
        }
    }

    /** No recorded points. */
    public static ThetaPath empty() {
        return new ThetaPath(new int[0], new double[0][]);
    }

    /**
     * A path as a run records it: the inner points rounded to float precision (the decimal that
     * reads back to the same double, as the journal writes them), the end point exact.
     */
    public static ThetaPath recorded(int[] steps, double[][] thetas) {
        double[][] rounded = copy(thetas);
        for (int k = 0; k + 1 < rounded.length; k++) {
            for (int j = 0; j < rounded[k].length; j++) {
                rounded[k][j] = Double.parseDouble(Float.toString((float) rounded[k][j]));
            }
        }
        return new ThetaPath(steps, rounded);
    }

    /** How many points a run with {@code parameters} parameters stores: budget / n within [3, 21]. */
    public static int pointsFor(int parameters) {
        return Math.max(3, Math.min(MAX_POINTS, NUMBER_BUDGET / Math.max(1, parameters)));
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[][] thetas() {
        return copy(thetas);
    }

    /** Number of points. */
    public int size() {
        return steps.length;
    }

    /** Whether no point was recorded. */
    public boolean isEmpty() {
        return steps.length == 0;
    }

    /** θ at point k (a copy). */
    public double[] theta(int k) {
        return thetas[k].clone();
    }

    /** The end point (a copy). */
    public double[] end() {
        return theta(thetas.length - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThetaPath p && Arrays.equals(steps, p.steps) && Arrays.deepEquals(thetas, p.thetas);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.deepHashCode(thetas);
    }

    @Override
    public String toString() {
        return "ThetaPath[" + steps.length + " points, steps " + Arrays.toString(steps) + "]";
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
