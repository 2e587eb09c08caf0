package org.oneneuron.run;

import java.util.Arrays;

/**
 * θ kept at some steps of a fit, in step order: every step that is a multiple of the keeping
 * interval k (step 0, θ₀, first), as {@link Fit#together(java.util.List,
 * org.oneneuron.train.TrainConfig, int)} records it. Empty when nothing was asked for.
 *
 * @param steps  the steps, ascending
 * @param thetas θ at each step (copied in and out)
 */
public record ThetaTrace(long[] steps, double[][] thetas) {

    public ThetaTrace {
        steps = steps.clone();
        thetas = copy(thetas);
        if (steps.length != thetas.length) {
            throw new IllegalArgumentException("a θ trace has " + steps.length + " steps and "
                    + thetas.length + " points");
        }
    }

    /** No kept points. */
    public static ThetaTrace none() {
        return new ThetaTrace(new long[0], new double[0][]);
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    @Override
    public double[][] thetas() {
        return copy(thetas);
    }

    /** Number of kept points. */
    public int size() {
        return steps.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThetaTrace t && Arrays.equals(steps, t.steps) && Arrays.deepEquals(thetas, t.thetas);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.deepHashCode(thetas);
    }

    @Override
    public String toString() {
        return "ThetaTrace[" + steps.length + " points, steps " + Arrays.toString(steps) + "]";
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
