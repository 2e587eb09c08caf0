package org.oneneuron.loss;

import java.util.Locale;
import org.oneneuron.objective.NonFiniteException;
import org.oneneuron.model.ParameterLayout;

/**
 * Entry checks of the objective: one pass of Σ x·0 (0 when every x is finite, NaN otherwise),
 * and a second pass only to name the first offending entry by its block.
 */
final class ArrayChecks {

    private ArrayChecks() {
    }

    /** θ has the layout's length and finite entries, else IllegalArgumentException naming the block. */
    static void checkPoint(double[] theta, ParameterLayout layout) {
        if (theta.length != layout.dimension()) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", expected "
                    + layout.dimension() + " for " + layout.blocks().size() + " blocks");
        }
        if (!allFinite(theta)) {
            for (int k = 0; k < theta.length; k++) {
                if (!Double.isFinite(theta[k])) {
                    throw new IllegalArgumentException("θ[" + k + "] (" + layout.describe(k) + ") is " + theta[k]);
                }
            }
        }
    }

    /** out has the right length and aliases neither θ nor v. */
    static void checkOutput(double[] out, double[] theta, double[] v, String name, int dimension) {
        if (out.length != dimension) {
            throw new IllegalArgumentException(name + " has length " + out.length + ", expected " + dimension);
        }
        if (out == theta || out == v) {
            throw new IllegalArgumentException(name + " must not alias θ or v");
        }
    }

    /** Every entry of a result is finite, else NonFiniteException naming the quantity and the entry. */
    static void checkFinite(double[] g, String what, ParameterLayout layout) {
        if (!allFinite(g)) {
            for (int k = 0; k < g.length; k++) {
                if (!Double.isFinite(g[k])) {
                    throw new NonFiniteException(what, String.format(Locale.ROOT, "entry %s = %s",
                            layout.describe(k), g[k]));
                }
            }
        }
    }

    private static boolean allFinite(double[] x) {
        double s = 0;
        for (double t : x) {
            s += t * 0;
        }
        return s == 0;
    }
}
