package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Task;
import org.oneneuron.eval.ClassMetrics;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.NeuronKind;

/**
 * Multi-class and regression through the run floor: a linear regression model equals ordinary
 * least squares, a multi-class model fits separable classes with one neuron per output and round
 * trips through its model file with its class names, and a single-sample class stops a
 * stratified split.
 */
class TasksTest {

    @TempDir
    Path dir;

    /** y = X·β + β₀ + noise, 3 features, n = 60. */
    private static Dataset regression(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 60;
        int d = 3;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextDouble(-2, 2) * (j + 1);
            }
            y[i] = 1.5 * x[i * d] - 2 * x[i * d + 1] + 0.25 * x[i * d + 2] + 0.3 + rng.nextDouble(-0.5, 0.5);
        }
        return new Dataset("regression", x, y, d, null, List.of());
    }

    /** Ordinary least squares with an intercept, by the normal equations (Gaussian elimination, partial pivoting). */
    private static double[] olsPredictions(Dataset data) {
        int d = data.d() + 1;
        double[][] a = new double[d][d + 1];
        for (int i = 0; i < data.n(); i++) {
            double[] row = new double[d];
            row[0] = 1;
            for (int j = 1; j < d; j++) {
                row[j] = data.x(i, j - 1);
            }
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    a[p][q] += row[p] * row[q];
                }
                a[p][d] += row[p] * data.y()[i];
            }
        }
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= d; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] beta = new double[d];
        for (int c = 0; c < d; c++) {
            beta[c] = a[c][d] / a[c][c];
        }
        double[] out = new double[data.n()];
        for (int i = 0; i < data.n(); i++) {
            out[i] = beta[0];
            for (int j = 1; j < d; j++) {
                out[i] += beta[j] * data.x(i, j - 1);
            }
        }
        return out;
    }

    @Test
    void linearRegressionModelIsOrdinaryLeastSquares() {
        for (long seed = 1; seed <= 3; seed++) {
            Dataset data = regression(seed);
            assertEquals(Task.REGRESSION, data.task());
            ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE);
            Model model = Classifier.fit(data, config);
            assertEquals(Task.REGRESSION, model.task());
            assertEquals(Losses.TARGET_SQUARED, model.loss());
            double[] f = model.scores(data);
            double[] ols = olsPredictions(data);
            double scale = 0;
            for (double v : data.y()) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < f.length; i++) {
                assertEquals(ols[i], f[i], 1e-8 * scale, "seed " + seed + ", sample " + i);
            }
            RegressionMetrics m = (RegressionMetrics) model.assess(data).figures();
            assertTrue(m.r2() > 0.95, "R² " + m.r2());
        }
    }

    /** Three separable blobs, 30 samples each, labelled a, b, c. */
    private static Dataset blobs() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 90;
        double[] x = new double[n * 2];
        double[] y = new double[n];
        double[][] centers = {{0, 0}, {4, 0}, {0, 4}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = centers[c][0] + rng.nextDouble(-1, 1);
            x[2 * i + 1] = centers[c][1] + rng.nextDouble(-1, 1);
            y[i] = c;
        }
        return new Dataset("blobs", x, y, 2, null, List.of("a", "b", "c"));
    }

    @Test
    void multiClassModelFitsAndKeepsItsClassNamesInItsFile() {
        Dataset data = blobs();
        assertEquals(Task.MULTICLASS, data.task());
        for (var loss : List.of(Losses.SOFTMAX_CE, Losses.MULTI_SQUARED_HINGE)) {
            Model model = Classifier.fit(data, ClassifierConfig.defaults().withLoss(loss).withHeldOut(0.2));
            assertEquals(Task.MULTICLASS, model.task());
            assertEquals(3, model.outputs());
            assertEquals(loss, model.loss());
            ClassMetrics m = (ClassMetrics) model.assess(data).figures();
            assertEquals(1.0, m.accuracy(), 0.0, loss.word());
            assertEquals("c", model.predictClass(new double[] {0, 4}));
            Path file = dir.resolve(loss.word() + ".json");
            model.save(file);
            Model back = Model.load(file);
            assertEquals(List.of("a", "b", "c"), back.labelNames());
            assertEquals(loss, back.loss());
            assertEquals(java.util.Arrays.toString(model.scores(data)), java.util.Arrays.toString(back.scores(data)));
        }
        assertTrue(Files.exists(dir.resolve("softmax-ce.json")));
    }

    @Test
    void aMultiClassModelsProbabilitiesAreTemperedOnItsHeldOutPartAndKeptInItsFile() {
        Dataset data = blobs();
        Model model = Classifier.fit(data, ClassifierConfig.defaults().withHeldOut(0.3));
        Calibration t = model.calibration().orElseThrow();
        assertEquals(Calibration.TEMPERATURE, t.method());
        assertEquals("held_out", t.fittedOn());
        assertEquals(model.split().orElseThrow().testIndices().length, t.samples());
        double[] scores = model.scores(data);
        assertEquals(java.util.Arrays.toString(Calibration.classProbabilities(scores, 3, t.a())),
                java.util.Arrays.toString(model.classProbabilities(scores)));
        assertTrue(t.a() != 1, "a fitted slope, not the plain softmax: " + t.a());

        Path file = dir.resolve("tempered.json");
        model.save(file);
        Model back = Model.load(file);
        assertEquals(model.calibration(), back.calibration());
        assertEquals(java.util.Arrays.toString(model.classProbabilities(scores)),
                java.util.Arrays.toString(back.classProbabilities(scores)));

        Model recalibrated = model.calibratedOn(data);
        assertEquals(data.name(), recalibrated.calibration().orElseThrow().fittedOn());
        Model old = new Model(model.spec(), model.theta(), model.standardizer(), model.targetStandardizer(),
                model.loss(), model.reduction(), model.lambda(), model.featureNames(), model.labelNames(),
                model.provenance(), model.split(), java.util.Optional.empty(), java.util.Optional.empty());
        assertEquals(java.util.Arrays.toString(Calibration.classProbabilities(scores, 3, 1)),
                java.util.Arrays.toString(old.classProbabilities(scores)), "no temperature: the plain softmax");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Classifier.fit(
                org.oneneuron.data.Datasets.builtin("blobs:n=60"), ClassifierConfig.defaults().withHidden(List.of())
                        .withNeuron(NeuronKind.NONE)).withCalibration(t));
        assertEquals("a binary model cannot have a temperature calibration (logistic-loss or platt)", e.getMessage());
    }

    private static double[] row(Dataset data, int i) {
        return java.util.Arrays.copyOfRange(data.x(), i * data.d(), (i + 1) * data.d());
    }

    @Test
    void aMultiClassModelPredictsClassIndicesOnePerSample() {
        Dataset data = blobs();
        Model model = Classifier.fit(data, ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE));
        double[] scores = model.scores(data);
        double[] predicted = model.predict(data);
        assertEquals(data.n(), predicted.length, "one prediction per sample, not one per score");
        for (int i = 0; i < data.n(); i++) {
            double[] row = row(data, i);
            assertEquals(i % 3, predicted[i], 0.0, "sample " + i);
            assertEquals(predicted[i], model.predict(row), 0.0);
            assertEquals(List.of(scores[3 * i], scores[3 * i + 1], scores[3 * i + 2]),
                    java.util.Arrays.stream(model.scores(row)).boxed().toList());
            assertEquals(List.of("a", "b", "c").get(i % 3), model.predictClass(row));
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(predicted, 0, 2),
                model.predict(new double[][] {row(data, 0), row(data, 1)}), 0.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.score(row(data, 0)));
        assertEquals("a multiclass model has 3 scores per row, one per class; use scores(row), or predict(row)"
                + " for the class index", e.getMessage());
        assertEquals("c", model.labelOf(2));
        assertThrows(IllegalArgumentException.class, () -> model.labelOf(3));
    }

    @Test
    void aRegressionModelPredictsValuesInTheTargetsUnits() {
        Dataset data = regression(1);
        Model model = Classifier.fit(data, ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE));
        double[] values = model.scores(data);
        assertArrayEquals(values, model.predict(data), 0.0);
        RegressionMetrics m = (RegressionMetrics) model.assess(data).figures();
        assertTrue(m.r2() > 0.95, "R² " + m.r2());
        boolean beyondOne = false;
        for (int i = 0; i < data.n(); i++) {
            double[] row = row(data, i);
            assertEquals(values[i], model.predict(row), 0.0, "sample " + i);
            assertEquals(values[i], model.score(row), 0.0);
            assertEquals(Double.toString(values[i]), model.predictClass(row));
            beyondOne |= Math.abs(model.predict(row)) > 1;
        }
        assertTrue(beyondOne, "values, not signs");
        assertEquals(1, model.scores(row(data, 0)).length);
    }

    /** Scores a caller hands in must be finite: a NaN became class 0, the label -1 or a NaN probability. */
    @Test
    void nonFiniteScoresGivenToAModelAreRefusedNotTurnedIntoPredictions() {
        ClassifierConfig linear = ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE);
        Dataset blobs = blobs();
        Model multi = Classifier.fit(blobs, linear);
        Dataset values = regression(1);
        Model regression = Classifier.fit(values, linear);
        Model binary = Classifier.fit(Datasets.wdbc(), linear);
        double nan = Double.NaN;
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> multi.predictionsOf(new double[] {0, nan, 1}),
                () -> multi.classProbabilities(new double[] {nan, 0, 0}),
                () -> binary.predictionsOf(new double[] {nan}), () -> binary.probabilitiesOf(new double[] {1, nan}),
                () -> regression.predictionsOf(new double[] {Double.POSITIVE_INFINITY}),
                () -> regression.labelOf(nan))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("finite"), e.getMessage());
        }
    }

    @Test
    void askingForPOfPlusOneTellsAMultiClassOrRegressionModelWhatItHasInstead() {
        ClassifierConfig linear = ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE);
        Dataset blobs = blobs();
        Model multi = Classifier.fit(blobs, linear);
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> multi.probability(row(blobs, 0)), () -> multi.probabilities(blobs))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertEquals("a multiclass model has no P(+1): it gives one probability per class,"
                    + " classProbabilities(scores(row)) (the softmax of its 3 scores)", e.getMessage());
        }
        double[] p = multi.classProbabilities(multi.scores(row(blobs, 0)));
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        Dataset values = regression(1);
        Model regression = Classifier.fit(values, linear);
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> regression.probability(row(values, 0)), () -> regression.probabilities(values),
                () -> regression.calibratedOn(values))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertEquals("a regression model predicts values, not probabilities: use predict(row)", e.getMessage());
        }
    }

    @Test
    void aBinaryModelPredictsSignsNamedByItsLabels() {
        Dataset data = org.oneneuron.data.Datasets.builtin("blobs:n=60");
        Model model = Classifier.fit(data, ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE));
        double[] scores = model.scores(data);
        double[] predicted = model.predict(data);
        for (int i = 0; i < data.n(); i++) {
            assertEquals(scores[i] >= 0 ? 1.0 : -1.0, predicted[i], 0.0);
            assertEquals(predicted[i], model.predict(row(data, i)), 0.0);
            assertEquals(data.labelNames().get(scores[i] >= 0 ? 1 : 0), model.predictClass(row(data, i)));
            assertEquals(model.predictClass(row(data, i)), model.labelOf(predicted[i]));
        }
    }

    @Test
    void aMarginLossLeftAsTheDefaultBecomesTheTasksLoss() {
        ClassifierConfig c = ClassifierConfig.defaults();
        assertEquals(Losses.CUBIC_HINGE, c.lossFor(Task.BINARY));
        assertEquals(Losses.SOFTMAX_CE, c.lossFor(Task.MULTICLASS));
        assertEquals(Losses.TARGET_SQUARED, c.lossFor(Task.REGRESSION));
        assertEquals(Losses.HUBER, c.withLoss(Losses.HUBER).lossFor(Task.REGRESSION));
        assertEquals(Losses.TARGET_SQUARED, c.withLoss(Losses.SQUARED).lossFor(Task.REGRESSION));
    }

    @Test
    void aLossChosenThatDoesNotFitTheTaskIsRefusedNotSwapped() {
        ClassifierConfig logistic = ClassifierConfig.defaults().withLoss(Losses.LOGISTIC);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> logistic.lossFor(Task.MULTICLASS));
        assertEquals("the loss logistic does not fit a multiclass task; use softmax-ce or multi-squared-hinge",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> logistic.lossFor(Task.REGRESSION));
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierConfig.defaults().withLoss(Losses.SOFTMAX_CE).lossFor(Task.BINARY));
        assertThrows(IllegalArgumentException.class,
                () -> Classifier.fit(blobs(), logistic), "Classifier.fit goes through the same rule");
    }

    @Test
    void aClassWithOneSampleStopsAStratifiedSplit() {
        Dataset blobs = blobs();
        double[] y = blobs.y().clone();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 2) {
                y[i] = i == 2 ? 2 : 1;
            }
        }
        Dataset single = new Dataset("single", blobs.x(), y, 2, null, List.of("a", "b", "c"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classifier.fit(single, ClassifierConfig.defaults().withHeldOut(0.25)));
        assertTrue(e.getMessage().contains("class 'c' of single has a single sample"), e.getMessage());
    }
}
