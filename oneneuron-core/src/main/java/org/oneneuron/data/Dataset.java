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
 * @param x            features, length n·d, all finite (checked: a non-finite value is refused
 *                     naming its row and feature)
 * @param y            targets, length n, all finite (checked likewise)
 * @param d            number of features
 * @param featureNames d names; null gives x1..xd
 * @param labelNames   the original label names for -1 and +1 (in that order), the K class names for
 *                     class indices 0..K-1, or empty for real-valued targets; null gives empty. Two
 *                     names with class indices 0 and 1 are a binary task, as a two-class file is on
 *                     the command line: the targets are recoded 2y - 1 (the first name is -1)
 * @param shape        the shape of one sample, C×H×W with C·H·W = d (images keep theirs; other
 *                     data are vectors, d×1×1)
 * @param task         the task these targets serve; null infers it from the targets and label
 *                     names (see {@link #inferTask}). Only {@link Task#REGRESSION} may differ from
 *                     the inferred task (targets of exactly -1 and +1 chosen as values,
 *                     {@code --task regression}, stay a regression), and {@link Task#MULTICLASS} for
 *                     two classes given as indices 0 and 1 ({@code --task multiclass}: K = 2 outputs)
 */
public record Dataset(String name, double[] x, double[] y, int d, List<String> featureNames,
                      List<String> labelNames, Shape shape, Task task) implements Serializable {

    /** A data set of feature vectors (shape d×1×1), its task inferred. */
    public Dataset(String name, double[] x, double[] y, int d, List<String> featureNames, List<String> labelNames) {
        this(name, x, y, d, featureNames, labelNames, null, null);
    }

    /** A data set of samples of the given shape, its task inferred. */
    public Dataset(String name, double[] x, double[] y, int d, List<String> featureNames, List<String> labelNames,
                   Shape shape) {
        this(name, x, y, d, featureNames, labelNames, shape, null);
    }

    public Dataset {
        Objects.requireNonNull(name, "a data set needs a name");
        Objects.requireNonNull(x, "a data set needs its features x (n·d values, row-major)");
        Objects.requireNonNull(y, "a data set needs its targets y (n values)");
        if (d <= 0) {
            throw new IllegalArgumentException("d must be positive, got " + d);
        }
        if (featureNames == null) {
            featureNames = java.util.stream.IntStream.rangeClosed(1, d).mapToObj(j -> "x" + j).toList();
        }
        if (labelNames == null) {
            labelNames = List.of();
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
        for (int k = allFinite(x) ? x.length : 0; k < x.length; k++) { // scan only to name it
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("data set '" + name + "': row " + k / d + " (0-based), feature '"
                        + featureNames.get(k % d) + "' is " + x[k] + "; features must be finite");
            }
        }
        for (int i = allFinite(y) ? y.length : 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("data set '" + name + "': the target of row " + i
                        + " (0-based) is " + y[i] + "; targets must be finite");
            }
        }
        if (shape == null) {
            shape = Shape.vector(d);
        } else if (shape.size() != d) {
            throw new IllegalArgumentException("sample shape " + shape + " has " + shape.size()
                    + " values, but the data have d = " + d + " features");
        }
        Task inferred = inferTask(y, labelNames);
        if (task == null) {
            task = inferred;
        } else if (task != inferred && !(task == Task.REGRESSION && labelNames.isEmpty())
                && !(task == Task.MULTICLASS && classIndices(y, labelNames))) {
            throw new IllegalArgumentException("data set '" + name + "': targets of a " + inferred.word()
                    + " task cannot be read as a " + task.word() + " task; " + switch (task) {
                        case BINARY -> "binary targets are -1 and +1 (e.g. 0/1 labels as 2y - 1), with two label"
                                + " names or none, or class indices 0 and 1 with two label names";
                        case MULTICLASS -> "multiclass targets are class indices 0..K-1 with K >= 2 label names";
                        case REGRESSION -> "a regression has no label names";
                    });
        }
        if (task == Task.BINARY && !plusMinusOne(y)) {
            y = signs(y);
        }
    }

    /** The same data with each sample read as the given shape (C·H·W must equal d). */
    public Dataset withShape(Shape sampleShape) {
        return new Dataset(name, x, y, d, featureNames, labelNames, sampleShape, task);
    }

    /**
     * The task of targets without a stated one: {@link Task#BINARY} when every target is ±1 and
     * there are two label names or none, or when there are two label names and the targets are
     * class indices 0 and 1 (two classes are binary, as a two-class file is on the command line);
     * {@link Task#MULTICLASS} when there are K ≥ 3 label names and the targets are class indices;
     * otherwise {@link Task#REGRESSION}.
     */
    public static Task inferTask(double[] y, List<String> labelNames) {
        boolean indices = classIndices(y, labelNames);
        if (plusMinusOne(y) && (labelNames.size() == 2 || labelNames.isEmpty()) || indices && labelNames.size() == 2) {
            return Task.BINARY;
        }
        return indices ? Task.MULTICLASS : Task.REGRESSION;
    }

    private static boolean plusMinusOne(double[] y) {
        for (double v : y) {
            if (v != 1 && v != -1) {
                return false;
            }
        }
        return true;
    }

    /** Whether every target is a class index 0..K-1 of K ≥ 2 label names. */
    private static boolean classIndices(double[] y, List<String> labelNames) {
        if (labelNames.size() < 2) {
            return false;
        }
        for (double v : y) {
            if (!(v == Math.rint(v) && v >= 0 && v < labelNames.size())) {
                return false;
            }
        }
        return true;
    }

    /** Class indices 0 and 1 as the binary targets -1 and +1 (2y - 1), in a new array. */
    private static double[] signs(double[] indices) {
        double[] s = new double[indices.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 2 * indices[i] - 1;
        }
        return s;
    }

    /** K, the number of classes of a multi-class task; 1 for binary and regression (one score). */
    public int outputs() {
        return task() == Task.MULTICLASS ? labelNames.size() : 1;
    }

    /** Number of samples. */
    public int n() {
        return y.length;
    }

    /** Feature j of sample i. */
    public double x(int i, int j) {
        return x[i * d + j];
    }

    /** Whether every value is finite: Σ v·0 is 0 for finite v and NaN once any is NaN or ±Inf (no branch per value). */
    private static boolean allFinite(double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += v[i] * 0.0;
            s1 += v[i + 1] * 0.0;
            s2 += v[i + 2] * 0.0;
            s3 += v[i + 3] * 0.0;
        }
        for (; i < v.length; i++) {
            s0 += v[i] * 0.0;
        }
        return s0 + s1 + s2 + s3 == 0;
    }
}
