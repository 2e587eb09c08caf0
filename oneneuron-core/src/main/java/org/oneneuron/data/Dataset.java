package org.oneneuron.data;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * n samples of d features (row-major {@code x}, sample i at {@code x[i*d .. i*d+d)}) with a target
 * per sample: ±1 labels for classification, real values for regression constructions.
 *
 * <p>The arrays are owned by the data set and must not be modified by anyone; accessors return
 * them without copying, because training reads them in its hot loop. Serializable, so that a
 * cluster's driver can send a study's data to its executors (oneneuron-spark).
 *
 * @param name         short name (file name, built-in name)
 * @param x            features, length n·d, all finite
 * @param y            targets, length n, all finite
 * @param d            number of features
 * @param featureNames d names
 * @param labelNames   the original label names for -1 and +1 (in that order), or empty for
 *                     real-valued targets
 */
public record Dataset(String name, double[] x, double[] y, int d, List<String> featureNames,
                      List<String> labelNames) implements Serializable {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (d <= 0) {
            throw new IllegalArgumentException("d must be positive, got " + d);
        }
        if (x.length != y.length * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected n*d = "
                    + y.length + "*" + d);
        }
        featureNames = List.copyOf(featureNames);
        labelNames = List.copyOf(labelNames);
        if (featureNames.size() != d) {
            throw new IllegalArgumentException(featureNames.size() + " feature names for d = " + d);
        }
    }

    /** Number of samples. */
    public int n() {
        return y.length;
    }

    /** Feature j of sample i. */
    public double x(int i, int j) {
        return x[i * d + j];
    }
}
