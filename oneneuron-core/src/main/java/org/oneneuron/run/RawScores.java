package org.oneneuron.run;

import java.util.List;
import java.util.Objects;
import org.oneneuron.data.Standardizer;
import org.oneneuron.engine.Graph;

/**
 * Scores raw rows a block at a time: each block of {@value #BLOCK} rows is standardized into one
 * reused buffer and scored, so scoring n rows holds one block's standardized copy, not n rows'
 * (MNIST's 11.8k × 784 training rows are 74 MB in float64). The bits equal scoring a full
 * standardized copy: each score depends on its own row only.
 */
final class RawScores {

    /** Rows per block: the engine's own scoring block. */
    static final int BLOCK = Graph.SCORE_BLOCK;

    private RawScores() {
    }

    /**
     * f~(x_r) (or f, the network alone) for the n raw rows of {@code rawX}, K per row.
     *
     * @param rawX unscaled features, row-major, n·d values. Not modified.
     */
    static double[] of(Graph network, Standardizer standardizer, double[] theta, double[] rawX, int n,
                       int outputs, boolean networkOnly) {
        int d = standardizer.d();
        double[] out = new double[n * outputs];
        double[] block = new double[Math.min(n, BLOCK) * d];
        double[] blockOut = new double[Math.min(n, BLOCK) * outputs];
        for (int start = 0; start < n; start += BLOCK) {
            int rows = Math.min(BLOCK, n - start);
            standardizer.transformRows(rawX, start, rows, block);
            if (networkOnly) {
                network.networkScores(theta, block, rows, blockOut);
            } else {
                network.scores(theta, block, rows, blockOut);
            }
            System.arraycopy(blockOut, 0, out, start * outputs, rows * outputs);
        }
        return out;
    }

    /**
     * The raw rows as one row-major n·d array, each checked: d values, all finite.
     *
     * @throws IllegalArgumentException naming the row (and the feature) that is not
     */
    static double[] rows(double[][] rows, List<String> featureNames) {
        int d = featureNames.size();
        double[] x = new double[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            double[] row = Objects.requireNonNull(rows[r], "row " + r);
            if (row.length != d) {
                List<String> shown = featureNames.subList(0, Math.min(5, d));
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values; the model expects "
                        + d + " features (" + String.join(", ", shown) + (d > 5 ? ", ..." : "") + ")");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("row " + r + ", feature '" + featureNames.get(j)
                            + "' is " + row[j] + "; features must be finite");
                }
            }
            System.arraycopy(row, 0, x, r * d, d);
        }
        return x;
    }
}
