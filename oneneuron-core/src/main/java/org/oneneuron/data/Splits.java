package org.oneneuron.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded, stratified train/test splits and k-fold partitions: the same data and seed give the same
 * split on every machine. Stratified means each target value (class) is split in the same
 * proportion. Indices inside each part keep data order.
 */
public final class Splits {
    private Splits() {
    }

    /**
     * A training part and a held-out part of one data set.
     *
     * @param trainIndices 0-based indices into the original data, increasing
     * @param testIndices  the others, increasing
     */
    public record Split(Dataset train, Dataset test, int[] trainIndices, int[] testIndices) {
        public Split {
            trainIndices = trainIndices.clone();
            testIndices = testIndices.clone();
        }

        @Override
        public int[] trainIndices() {
            return trainIndices.clone();
        }

        @Override
        public int[] testIndices() {
            return testIndices.clone();
        }
    }

    /**
     * Stratified split: in each class, round(testFraction · count) shuffled samples go to the test part.
     *
     * @throws IllegalArgumentException when testFraction is not in (0, 1) or a part would be empty
     */
    public static Split trainTest(Dataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] inTest = new boolean[data.n()];
        Map<Double, List<Integer>> strata = strata(data);
        if (data.task() != Task.REGRESSION) {
            for (Map.Entry<Double, List<Integer>> e : strata.entrySet()) {
                if (e.getValue().size() < 2) {
                    throw new IllegalArgumentException("class '" + className(data, e.getKey()) + "' of " + data.name()
                            + " has a single sample; a stratified held-out split needs at least two of every class"
                            + " (leave the class out with --classes, or hold nothing out)");
                }
            }
        }
        for (List<Integer> group : strata.values()) {
            int[] shuffled = shuffled(group, rng);
            long nTest = Math.round(testFraction * shuffled.length);
            for (int k = 0; k < nTest; k++) {
                inTest[shuffled[k]] = true;
            }
        }
        return split(data, inTest, "test");
    }

    /**
     * Stratified k-fold partition: each class is shuffled and dealt round-robin to the folds (the
     * deal continues across classes, so fold sizes differ by at most one). Split i holds fold i as
     * its test part.
     *
     * @throws IllegalArgumentException unless 2 <= k <= n
     */
    public static List<Split> kFold(Dataset data, int k, long seed) {
        if (k < 2 || k > data.n()) {
            throw new IllegalArgumentException("k must be between 2 and n = " + data.n() + ", got " + k);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] fold = new int[data.n()];
        int next = 0;
        for (List<Integer> group : strata(data).values()) {
            for (int i : shuffled(group, rng)) {
                fold[i] = next;
                next = (next + 1) % k;
            }
        }
        List<Split> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            boolean[] inTest = new boolean[data.n()];
            for (int i = 0; i < data.n(); i++) {
                inTest[i] = fold[i] == f;
            }
            out.add(split(data, inTest, "fold" + (f + 1)));
        }
        return out;
    }

    /**
     * The samples at {@code indices}, in that order (repeats allowed, e.g. for a bootstrap).
     *
     * @throws IllegalArgumentException for an index outside [0, n)
     */
    public static Dataset subset(Dataset data, int[] indices) {
        int d = data.d();
        double[] x = new double[indices.length * d];
        double[] y = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= data.n()) {
                throw new IllegalArgumentException("index " + i + " at position " + k + " is outside [0, "
                        + data.n() + ")");
            }
            System.arraycopy(data.x(), i * d, x, k * d, d);
            y[k] = data.y()[i];
        }
        return new Dataset(data.name(), x, y, d, data.featureNames(), data.labelNames(), data.shape(), data.task());
    }

    private static Split split(Dataset data, boolean[] inTest, String testName) {
        int nTest = 0;
        for (boolean t : inTest) {
            nTest += t ? 1 : 0;
        }
        if (nTest == 0 || nTest == data.n()) {
            throw new IllegalArgumentException("splitting " + data.n() + " samples of " + data.name()
                    + " leaves the " + (nTest == 0 ? "test" : "training") + " part empty");
        }
        int[] test = new int[nTest];
        int[] train = new int[data.n() - nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < inTest.length; i++) {
            if (inTest[i]) {
                test[a++] = i;
            } else {
                train[b++] = i;
            }
        }
        Dataset trainSet = rename(subset(data, train), data.name() + ":train");
        Dataset testSet = rename(subset(data, test), data.name() + ":" + testName);
        return new Split(trainSet, testSet, train, test);
    }

    private static Dataset rename(Dataset d, String name) {
        return new Dataset(name, d.x(), d.y(), d.d(), d.featureNames(), d.labelNames(), d.shape(), d.task());
    }

    /**
     * Sample indices per target value, in increasing target order: one group per class;
     * regression targets are one group (no stratification).
     */
    private static Map<Double, List<Integer>> strata(Dataset data) {
        Map<Double, List<Integer>> groups = new TreeMap<>();
        double[] y = data.y();
        boolean regression = data.task() == Task.REGRESSION;
        for (int i = 0; i < y.length; i++) {
            groups.computeIfAbsent(regression ? 0.0 : y[i] + 0.0, v -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static String className(Dataset data, double code) {
        List<String> names = data.labelNames();
        if (data.task() == Task.MULTICLASS) {
            return names.get((int) code);
        }
        if (names.size() == 2) {
            return names.get(code > 0 ? 1 : 0);
        }
        return code > 0 ? "+1" : "-1";
    }

    /** Fisher–Yates shuffle of a copy. */
    private static int[] shuffled(List<Integer> group, SplittableRandom rng) {
        int[] a = group.stream().mapToInt(Integer::intValue).toArray();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
