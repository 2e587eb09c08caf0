package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.eval.ClassMetrics;
import org.oneneuron.eval.ProbabilityMetrics;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.NeuronKind;

/**
 * A model's probability figures are those of the probabilities it gives ({@code predict}'s):
 * the log-likelihoods are their logs without underflow, and a model that gives none has none.
 */
class ModelProbabilityMetricsTest {

    private static final ClassifierConfig SMALL = ClassifierConfig.defaults().withHidden(List.of(4));

    /** Three overlapping blobs (so the probabilities are neither 0 nor 1), labelled a, b, c. */
    private static Dataset blobs() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 90;
        double[] x = new double[n * 2];
        double[] y = new double[n];
        double[][] centers = {{0, 0}, {1.5, 0}, {0, 1.5}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = centers[c][0] + rng.nextDouble(-1, 1);
            x[2 * i + 1] = centers[c][1] + rng.nextDouble(-1, 1);
            y[i] = c;
        }
        return new Dataset("blobs", x, y, 2, null, List.of("a", "b", "c"));
    }

    private static Model withoutCalibration(Model m) {
        return new Model(m.spec(), m.theta(), m.standardizer(), m.targetStandardizer(), m.loss(), m.reduction(),
                m.lambda(), m.featureNames(), m.labelNames(), m.provenance(), m.split(), Optional.empty(), Optional.empty());
    }

    /** Mean −log p(y), (p − 1[y = +1])² and the like, from the probabilities as printed. */
    private static void assertFiguresOfPrintedProbabilities(double logLoss, double brier, ProbabilityMetrics m) {
        assertEquals(logLoss, m.logLoss(), 1e-12 * logLoss, m.toString());
        assertEquals(brier, m.brier(), 1e-12, m.toString());
        assertTrue(m.ece() >= 0 && m.ece() <= 1, m.toString());
    }

    @Test
    void binaryFiguresAreThoseOfPOfPlusOneForPlattAndTheLogisticLoss() {
        Dataset moons = Datasets.builtin("moons:n=80,noise=0.3");
        List<String> methods = new java.util.ArrayList<>();
        for (var config : List.of(SMALL.withHeldOut(0.25), SMALL.withLoss(Losses.LOGISTIC))) {
            Model model = Classifier.fit(moons, config);
            methods.add(model.probabilityMethod().orElseThrow());
            double[] p = model.probabilities(moons);
            double logLoss = 0;
            double brier = 0;
            for (int i = 0; i < p.length; i++) {
                boolean positive = moons.y()[i] > 0;
                logLoss -= Math.log(positive ? p[i] : 1 - p[i]) / p.length;
                brier += (p[i] - (positive ? 1 : 0)) * (p[i] - (positive ? 1 : 0)) / p.length;
            }
            assertFiguresOfPrintedProbabilities(logLoss, brier, model.probabilityMetrics(moons).orElseThrow());
        }
        assertEquals(List.of(Calibration.PLATT, Calibration.LOGISTIC_LOSS), methods);
    }

    @Test
    void multiClassFiguresAreThoseOfTheTemperedSoftmaxAndOfThePlainOneWithoutATemperature() {
        Dataset blobs = blobs();
        Model tempered = Classifier.fit(blobs, SMALL.withHeldOut(0.3));
        Model plain = withoutCalibration(tempered);
        assertEquals(Optional.of(Calibration.TEMPERATURE), tempered.probabilityMethod());
        assertEquals(Optional.of(Calibration.SOFTMAX), plain.probabilityMethod());
        double[] scores = tempered.scores(blobs);
        for (Model model : List.of(tempered, plain)) {
            double[] p = model.classProbabilities(scores);
            double logLoss = 0;
            double brier = 0;
            for (int i = 0; i < blobs.n(); i++) {
                for (int k = 0; k < 3; k++) {
                    double d = p[3 * i + k] - (blobs.y()[i] == k ? 1 : 0);
                    brier += d * d / blobs.n();
                }
                logLoss -= Math.log(p[3 * i + (int) blobs.y()[i]]) / blobs.n();
            }
            assertFiguresOfPrintedProbabilities(logLoss, brier, model.probabilityMetrics(blobs).orElseThrow());
        }
        double raw = ((ClassMetrics) plain.assess(blobs).figures()).logLoss();
        assertEquals(raw, plain.probabilityMetrics(blobs).orElseThrow().logLoss(), 1e-12 * raw,
                "without a temperature the probabilities are softmax(f~), whose log-loss is the scores' log_loss");
    }

    @Test
    void aConfidentMistakeCostsItsWholeLogLossNotAClamp() {
        assertEquals(-800, Calibration.logisticLoss().logProbability(-800, 1), 0);
        assertEquals(-800, Calibration.logisticLoss().logProbability(800, -1), 0);
        assertEquals(-Math.log1p(Math.exp(-3)), Calibration.logisticLoss().logProbability(3, 1), 1e-16);
        Calibration platt = new Calibration(Calibration.PLATT, -2, 0.5, "train", 10);
        assertEquals(Math.log(platt.probability(1.5)), platt.logProbability(1.5, 1), 1e-14);
        assertEquals(Math.log(1 - platt.probability(1.5)), platt.logProbability(1.5, -1), 1e-14);
        assertEquals(-(-2 * -500 + 0.5), platt.logProbability(-500, 1), 1e-12, "log σ(−(a·f + b)) ≈ −(a·f + b) far out");
        double[] l = Calibration.classLogLikelihoods(new double[] {0, 900, 0, 1, 2, 3}, 3, 1, new double[] {0, 2});
        assertEquals(-900, l[0], 1e-12);
        assertEquals(Math.log(Calibration.classProbabilities(new double[] {1, 2, 3}, 3, 1)[2]), l[1], 1e-14);
    }

    /**
     * An assessment holds the model's scores of its data, bit for bit (a regression's in the
     * target's units), so evaluate's probability figures come from them without scoring again:
     * the same figures as {@link Model#probabilityMetrics(Dataset)}, which does.
     */
    @Test
    void theAssessmentsScoresAreTheModelsAndGiveTheSameProbabilityFigures() {
        Dataset moons = Datasets.builtin("moons:n=80,noise=0.3");
        Dataset blobs = blobs();
        SplittableRandom rng = new SplittableRandom(4);
        double[] x = new double[60];
        double[] t = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = rng.nextDouble(-1, 1);
            t[i] = 1e5 * (1 + x[i]) + rng.nextDouble(-100, 100);
        }
        Dataset prices = new Dataset("prices", x, t, 1, null, List.of());
        for (Dataset data : List.of(moons, blobs, prices)) {
            Model model = Classifier.fit(data, SMALL.withHeldOut(0.25));
            Assessment a = model.assess(data);
            assertArrayEquals(model.scores(data), a.scores(), 0.0, data.name());
            assertEquals(model.probabilityMetrics(data), ModelProbabilities.of(model, a.scores(), data.y()),
                    data.name());
            assertEquals(data != prices, model.probabilityMetrics(data).isPresent(), data.name());
        }
    }

    @Test
    void aModelWithoutProbabilitiesHasNoFiguresOfThem() {
        Model hinge = withoutCalibration(Classifier.fit(Datasets.builtin("moons:n=40"), SMALL));
        assertEquals(Optional.empty(), hinge.probabilityMethod());
        assertEquals(Optional.empty(), hinge.probabilityMetrics(Datasets.builtin("moons:n=40")));
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = new double[40];
        double[] t = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = rng.nextDouble(-1, 1);
            t[i] = 3 * x[i] + rng.nextDouble(-0.1, 0.1);
        }
        Dataset values = new Dataset("line", x, t, 1, null, List.of());
        Model regression = Classifier.fit(values, ClassifierConfig.defaults().withHidden(List.of())
                .withNeuron(NeuronKind.NONE));
        assertEquals(Optional.empty(), regression.probabilityMethod());
        assertEquals(Optional.empty(), regression.probabilityMetrics(values));
        assertEquals("a regression model predicts values, not probabilities: use predict(row)",
                assertThrows(IllegalStateException.class, () -> regression.logLikelihoods(t, t)).getMessage());
    }
}
