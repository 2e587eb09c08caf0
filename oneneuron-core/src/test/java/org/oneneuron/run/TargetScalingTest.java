package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.io.ModelFile;
import org.oneneuron.io.ModelFiles;

/**
 * A regression's targets are standardized on the training part like its inputs: targets around
 * 1e5 train as well as targets around 1, every prediction and figure a user sees is in the
 * target's units, the loss figures stay those of the objective (standardized units), model files
 * carry (μ, σ), files without them predict as before, and the opt-out trains on the raw targets.
 */
class TargetScalingTest {

    @TempDir
    Path dir;

    /** t = 1e5·(1 + 0.3·x1 - 0.2·x2) + N(0, 1e3²), x ~ N(0, 1): house prices. */
    static Dataset prices(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = rng.nextGaussian();
            x[2 * i + 1] = rng.nextGaussian();
            y[i] = 1e5 * (1 + 0.3 * x[2 * i] - 0.2 * x[2 * i + 1]) + 1e3 * rng.nextGaussian();
        }
        return new Dataset("prices", x, y, 2, List.of("size", "age"), List.of());
    }

    private static ClassifierConfig steps(ClassifierConfig config, long steps) {
        return config.withTrain(config.train().toBuilder().maxSteps(steps).build());
    }

    /** Fails on the library before target scaling: R² 0.82 there (0.80 on fresh data) after these 300 steps. */
    @Test
    void theDefaultMlpFitsTargetsAround1e5() {
        Dataset data = prices(200, 1);
        Model model = Classifier.fit(data, steps(ClassifierConfig.defaults(), 300));
        RegressionMetrics m = (RegressionMetrics) model.assess(data).figures();
        assertTrue(m.r2() > 0.99, "R² " + m.r2());
        Dataset fresh = prices(200, 2);
        assertTrue(((RegressionMetrics) model.assess(fresh).figures()).r2() > 0.99, "on fresh data too");
    }

    @Test
    void predictionsAreMeanPlusScaleTimesTheNetworksScoreAndMatchTheFigures() {
        Dataset data = prices(120, 3);
        Model model = Classifier.fit(data, steps(ClassifierConfig.defaults(), 100));
        TargetStandardizer t = model.targetStandardizer();
        assertEquals(TargetStandardizer.fit(data), t, "fitted on the training data (nothing held out)");
        assertTrue(t.mean() > 5e4 && t.scale() > 1e4, t.toString());

        double[] theta = model.theta();
        double[] standardized = model.problem(data).objective().scores(theta);
        double[] values = model.predict(data);
        double sse = 0;
        double sae = 0;
        for (int i = 0; i < data.n(); i++) {
            assertEquals(t.mean() + t.scale() * standardized[i], values[i], 1e-9 * Math.abs(values[i]), "sample " + i);
            double r = values[i] - data.y()[i];
            sse += r * r;
            sae += Math.abs(r);
        }
        Assessment a = model.assess(data);
        RegressionMetrics m = (RegressionMetrics) a.figures();
        assertEquals(Math.sqrt(sse / data.n()), m.rmse(), 1e-9 * m.rmse(), "RMSE in the target's units");
        assertEquals(sae / data.n(), m.mae(), 1e-9 * m.mae(), "MAE in the target's units");
        // the loss figures are the objective's: ½·mean of the standardized residuals², no penalty (plain model)
        double standardizedLoss = 0.5 * sse / data.n() / (t.scale() * t.scale());
        assertEquals(standardizedLoss, a.loss().data(), 1e-9 * standardizedLoss, "the loss in standardized units");
        assertEquals(values[0], model.predict(new double[] {data.x(0, 0), data.x(0, 1)}), "one row as a batch");
    }

    @Test
    void theModelFileCarriesTheScalingAndFilesWithoutItPredictAsBefore() throws Exception {
        Dataset data = prices(80, 4);
        Model model = Classifier.fit(data, steps(ClassifierConfig.defaults(), 60));
        Path file = dir.resolve("m.json");
        model.save(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"target_standardizer\""), text);
        Model loaded = Model.load(file);
        assertEquals(model, loaded);
        assertEquals(model.targetStandardizer(), loaded.targetStandardizer(), "μ and σ bit for bit");
        double[] before = model.predict(data);
        double[] after = loaded.predict(data);
        for (int i = 0; i < before.length; i++) {
            assertEquals(Double.doubleToLongBits(before[i]), Double.doubleToLongBits(after[i]), "sample " + i);
        }

        // the same file without the field: the network's own scores, as every file before the field
        ModelFile full = ModelFiles.read(file);
        ModelFile old = new ModelFile(full.network(), full.parameters(), full.standardizer(), full.featureNames(),
                full.labelNames(), full.loss(), full.reduction(), full.lambda(), full.provenance(), full.split(),
                full.calibration());
        Path oldFile = dir.resolve("old.json");
        ModelFiles.write(old, oldFile);
        assertFalse(Files.readString(oldFile).contains("target_standardizer"));
        Model unscaled = Model.load(oldFile);
        assertTrue(unscaled.targetStandardizer().isIdentity());
        double[] network = new double[data.n()];
        new org.oneneuron.engine.Graph(unscaled.spec()).scores(unscaled.theta(),
                unscaled.standardizer().transform(data.x()), data.n(), network);
        double[] scores = unscaled.predict(data);
        for (int i = 0; i < scores.length; i++) {
            assertEquals(Double.doubleToLongBits(network[i]), Double.doubleToLongBits(scores[i]), "sample " + i);
        }
    }

    @Test
    void theOptOutTrainsOnTheRawTargets() {
        Dataset data = prices(120, 5);
        Model raw = Classifier.fit(data, steps(ClassifierConfig.defaults().withStandardizeTarget(false), 100));
        assertTrue(raw.targetStandardizer().isIdentity());
        assertFalse(raw.toFile().target().isPresent(), "no field in its file");
        Assessment a = raw.assess(data);
        RegressionMetrics m = (RegressionMetrics) a.figures();
        double rawLoss = 0.5 * m.rmse() * m.rmse();
        assertEquals(rawLoss, a.loss().data(), 1e-9 * rawLoss, "the loss in the target's own units");
        TrainingData prepared = TrainingData.prepare(data, ClassifierConfig.defaults().withStandardizeTarget(false));
        assertEquals(data.y()[0], prepared.scaledTrain().y()[0], "targets as given");
        assertTrue(prepared.target().isIdentity());
    }

    @Test
    void onlyARegressionCarriesATargetScalingAndItsScaleMustBePositive() throws Exception {
        Dataset xor = org.oneneuron.data.Datasets.builtin("xor");
        assertThrows(IllegalArgumentException.class, () -> new TrainingData(xor, xor, java.util.Optional.empty(),
                org.oneneuron.data.Standardizer.identity(2), new TargetStandardizer(1, 2), java.util.Optional.empty()));
        ModelFile classifier = Classifier.fit(xor, steps(ClassifierConfig.defaults(), 5)).toFile();
        ModelFile scaled = new ModelFile(classifier.network(), classifier.parameters(), classifier.standardizer(),
                classifier.featureNames(), classifier.labelNames(), classifier.loss(), classifier.reduction(),
                classifier.lambda(), classifier.provenance(), classifier.split(), classifier.calibration(),
                java.util.Optional.of(new ModelFile.Target(1, 2)));
        DataException e = assertThrows(DataException.class, () -> Model.fromFile(scaled, "c.json"));
        assertTrue(e.getMessage().startsWith("c.json") && e.getMessage().contains("target standardizer is for a"
                + " regression"), e.getMessage());

        Path file = dir.resolve("r.json");
        Classifier.fit(prices(40, 6), steps(ClassifierConfig.defaults(), 5)).save(file);
        String text = Files.readString(file);
        String zero = text.replaceFirst("(\"target_standardizer\" : \\{[^}]*\"scale\" : )[^\\s}]+", "$10.0");
        assertFalse(zero.equals(text), "the scale was replaced");
        DataException e2 = assertThrows(DataException.class, () -> ModelFiles.fromJson("r.json", zero));
        assertTrue(e2.getMessage().startsWith("r.json") && e2.getMessage().contains("scale 0.0"), e2.getMessage());
    }
}
