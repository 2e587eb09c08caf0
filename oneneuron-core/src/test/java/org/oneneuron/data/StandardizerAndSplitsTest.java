package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.oneneuron.testing.Property;

class StandardizerAndSplitsTest {

    private static Dataset columns(List<Double> values, int d) {
        return columns(values.stream().mapToDouble(Double::doubleValue).toArray(), d);
    }

    private static Dataset columns(double[] values, int d) {
        int n = values.length / d;
        double[] x = Arrays.copyOf(values, n * d);
        double[] y = IntStream.range(0, n).mapToDouble(i -> i % 3 == 0 ? 1 : -1).toArray();
        return new Dataset("p", x, y, d, IntStream.range(0, d).mapToObj(j -> "x" + j).toList(), List.of("-1", "1"));
    }

    @Test
    void standardizedTrainingFeaturesHaveMeanZeroAndUnitOrZeroSpread() {
        Property.forAll(60, g -> standardizeAndCheck(columns(g.doubles("values", 6, 60, -1e3, 1e3), 3)));
    }

    @Test
    void hugeFiniteFeaturesAreScaledByTheirSpreadNotLeftUnscaled() {
        double[] small = {1, 2, 3, 4, -1, 0};
        double[] huge = new double[small.length];
        for (int i = 0; i < small.length; i++) {
            huge[i] = small[i] * 1e200; // (x - mean)² overflows a double
        }
        double smallScale = Standardizer.fit(columns(small, 1)).scale()[0];
        double hugeScale = Standardizer.fit(columns(huge, 1)).scale()[0];
        assertEquals(smallScale * 1e200, hugeScale, 1e-12 * hugeScale, "the spread of the huge column");
        standardizeAndCheck(columns(huge, 1));
    }

    @Test
    void featuresNearTheLargestDoubleHaveAFiniteMeanAndSpread() {
        double[] near = {1e308, 1.5e308, 1.2e308, 1.7e308, 1.1e308, 1.6e308}; // Σ x overflows a double
        Standardizer s = Standardizer.fit(columns(near, 1));
        assertEquals(1.35e308, s.mean()[0], 1e-12 * 1.35e308);
        standardizeAndCheck(columns(near, 1));
    }

    private static void standardizeAndCheck(Dataset ds) {
        int d = ds.d();
        Standardizer s = Standardizer.fit(ds);
        Dataset z = s.apply(ds);
        for (int j = 0; j < d; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < z.n(); i++) {
                mean += z.x(i, j) / z.n();
            }
            for (int i = 0; i < z.n(); i++) {
                sq += (z.x(i, j) - mean) * (z.x(i, j) - mean) / z.n();
            }
            assertEquals(0.0, mean, 1e-9);
            boolean constant = s.scale()[j] == 1.0 && sq < 1e-18;
            assertTrue(constant || Math.abs(sq - 1.0) < 1e-9, "variance " + sq + " of feature " + j);
        }
        assertArrayEquals(ds.y(), z.y());
    }

    @Test
    void imagesShareOneMeanAndSpreadPerChannelSoARarePixelStaysSmall() {
        int n = 400;
        Shape shape = new Shape(2, 3, 3);
        double[] x = new double[n * 18];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 9; j++) {
                x[i * 18 + j] = j == 0 ? (i == 7 ? 1.0 : 0.0) : rng.nextDouble(); // pixel 0: lit in one image
                x[i * 18 + 9 + j] = 10 + 3 * rng.nextDouble();
            }
        }
        Dataset images = new Dataset("img", x, IntStream.range(0, n).mapToDouble(i -> i % 2 == 0 ? 1 : -1).toArray(), 18, IntStream.range(0, 18).mapToObj(j -> "p" + j)
                .toList(), List.of("-1", "1"), shape);
        Standardizer s = Standardizer.fit(images);
        double[] z = s.apply(images).x();
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 9; j++) {
                    mean += z[i * 18 + c * 9 + j] / (9.0 * n);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 9; j++) {
                    double e = z[i * 18 + c * 9 + j] - mean;
                    sq += e * e / (9.0 * n);
                }
            }
            assertEquals(0.0, mean, 1e-9, "channel " + c);
            assertEquals(1.0, sq, 1e-9, "channel " + c);
            for (int j = 1; j < 9; j++) {
                assertEquals(s.mean()[c * 9], s.mean()[c * 9 + j], "one mean per channel");
                assertEquals(s.scale()[c * 9], s.scale()[c * 9 + j], "one spread per channel");
            }
        }
        assertTrue(Math.abs(z[7 * 18]) < 3, "the pixel lit once is " + z[7 * 18] + " (per pixel it would be ~√n = 20)");
        Standardizer perFeature = Standardizer.fit(images.withShape(Shape.vector(18)));
        assertTrue(perFeature.apply(images.withShape(Shape.vector(18))).x()[7 * 18] > 19,
                "vectors keep their per-feature scaling");
    }

    @Test
    void zeroVarianceFeaturesAreCentredNotDividedAndTheRecordRoundTrips() {
        Dataset ds = columns(List.of(5.0, 1.0, 5.0, 3.0), 2);
        Standardizer s = Standardizer.fit(ds);
        assertArrayEquals(new double[] {5, 2}, s.mean());
        assertArrayEquals(new double[] {1, 1}, s.scale());
        assertArrayEquals(new double[] {0, -1, 0, 1}, s.apply(ds).x());
        Standardizer copy = new Standardizer(s.mean(), s.scale());
        assertEquals(s, copy);
        assertArrayEquals(s.apply(ds).x(), copy.transform(ds.x()));
        Dataset wider = columns(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0), 3);
        DataException e = assertThrows(DataException.class, () -> s.apply(wider));
        assertTrue(e.getMessage().contains("expects 2 features"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new double[] {0}, new double[] {0}));
    }

    @Test
    void wdbcTrainTestSplitIsStratifiedAndSeeded() {
        Dataset wdbc = Datasets.wdbc();
        Splits.Split a = Splits.trainTest(wdbc, 0.25, 42);
        Splits.Split b = Splits.trainTest(wdbc, 0.25, 42);
        Splits.Split c = Splits.trainTest(wdbc, 0.25, 43);
        assertArrayEquals(a.testIndices(), b.testIndices());
        assertTrue(!Arrays.equals(a.testIndices(), c.testIndices()));
        assertEquals(Math.round(0.25 * 212) + Math.round(0.25 * 357), a.test().n());
        assertEquals(Math.round(0.25 * 212), Arrays.stream(a.test().y()).filter(v -> v > 0).count());
        assertEquals(569, a.train().n() + a.test().n());
        Standardizer s = Standardizer.fit(a.train());
        assertTrue(Math.abs(s.mean()[0] - Standardizer.fit(wdbc).mean()[0]) > 0, "fitted on training part only");
    }

    @Test
    void kFoldPartitionsEverySampleOnceWithBalancedFolds() {
        Property.forAll(40, g -> checkFolds(g.intIn("n", 4, 60), g.intIn("k", 2, 4), g.seed("seed")));
    }

    private static void checkFolds(int n, int k, long seed) {
        Dataset ds = Synthetic.blobs(n, 2, 1.0, 5);
        List<Splits.Split> folds = Splits.kFold(ds, k, seed);
        int[] seen = new int[n];
        for (Splits.Split f : folds) {
            assertTrue(Math.abs(f.test().n() - n / (double) k) < 1.0 + 1e-12, "fold size " + f.test().n());
            assertEquals(n, f.train().n() + f.test().n());
            for (int i : f.testIndices()) {
                seen[i]++;
            }
            int pos = (int) Arrays.stream(f.test().y()).filter(v -> v > 0).count();
            assertTrue(Math.abs(pos - (n - n / 2) / (double) k) <= 1.0 + 1e-12, "stratified: " + pos);
        }
        assertTrue(Arrays.stream(seen).allMatch(v -> v == 1));
        assertArrayEquals(folds.get(0).testIndices(), Splits.kFold(ds, k, seed).get(0).testIndices());
    }

    @Test
    void subsetAndBadArguments() {
        Dataset a = Datasets.builtin("construction-a");
        Dataset s = Splits.subset(a, new int[] {2, 0, 2});
        assertArrayEquals(new double[] {0.5, 0.5, 1, 0, 0.5, 0.5}, s.x());
        assertArrayEquals(new double[] {1, -1, 1}, s.y());
        assertThrows(IllegalArgumentException.class, () -> Splits.subset(a, new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(a, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.trainTest(a, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.kFold(a, 4, 1));
    }
}
