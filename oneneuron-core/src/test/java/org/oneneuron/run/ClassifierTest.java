package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Task;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.TrainConfig;

class ClassifierTest {

    @Test
    void defaultsWithTheNeuronKeptFitStandardizedWdbcPerfectly() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, ClassifierConfig.defaults(), Scaffold.of(Scaffold.Mode.KEEP));
        Assessment fit = model.assess(wdbc);
        assertEquals(569, fit.samples());
        assertEquals(1.0, fit.accuracy(), 0.0, model.training().toString());
        assertTrue(fit.loss().data() < 1e-3, "loss " + fit.loss());
        assertEquals(fit.loss().total(), fit.loss().data() + fit.loss().penalty(), 1e-15);
        assertTrue(model.training().orElseThrow().finalLoss() < 1e-3, model.training().toString());
        assertTrue(fit.networkOnly().accuracy() >= 0 && fit.networkOnly().accuracy() <= 1);
        assertTrue(Double.isFinite(fit.loss().networkOnly()) && fit.loss().networkOnly() >= 0);
        assertTrue(model.training().orElseThrow().history().hasNeuron(), "neuron figures recorded");
        assertEquals(List.of(16), model.spec().hidden());
        assertEquals(30 * 16 + 16 + 16 + 1 + 30 + 2, model.theta().length);
    }

    @Test
    void predictionsAreSignsOfScoresAndRepeatableFromTheSeed() {
        Dataset wdbc = Datasets.wdbc();
        ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of(4))
                .withTrain(TrainConfig.defaults().toBuilder().maxSteps(30).build());
        Model first = Classifier.fit(wdbc, config);
        Model again = Classifier.fit(wdbc, config);
        assertArrayEquals(first.theta(), again.theta(), 0.0);
        double[] scores = first.scores(wdbc);
        double[] labels = first.predict(wdbc);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(scores[i] >= 0 ? 1.0 : -1.0, labels[i]);
        }
        Model other = Classifier.fit(wdbc, config.withSeed(1));
        assertFalse(Arrays.equals(first.theta(), other.theta()));
    }

    @Test
    void theFitStartsAtTheProblemsThetaZeroDrawnFromTheSeed() {
        Dataset wdbc = Datasets.wdbc();
        ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of(3)).withSeed(11)
                .withTrain(TrainConfig.defaults().toBuilder().seed(11).maxSteps(5).build());
        TrainingData data = TrainingData.prepare(wdbc, config);
        Problem problem = config.problem(data.scaledTrain());
        double[] theta0 = config.initializer().initialize(config.spec(30).layout(), 11);
        assertArrayEquals(theta0, problem.initialPoint(), 0.0);
        FitResult fit = Fit.run(problem, config.train());
        assertArrayEquals(theta0, fit.start(), 0.0);
        assertArrayEquals(Classifier.fit(wdbc, config, Scaffold.of(Scaffold.Mode.KEEP)).theta(), fit.theta(), 0.0);
    }

    @Test
    void thePlainNetworkHasNoNeuronFiguresAndEqualScores() {
        Dataset wdbc = Datasets.wdbc();
        ClassifierConfig config = ClassifierConfig.defaults().withNeuron(NeuronKind.NONE)
                .withHidden(List.of(3))
                .withTrain(TrainConfig.defaults().toBuilder().maxSteps(20).build());
        Model model = Classifier.fit(wdbc, config);
        assertArrayEquals(model.scores(wdbc), model.networkScores(wdbc), 0.0);
        assertFalse(model.training().orElseThrow().history().hasNeuron());
        assertEquals(0.0, model.assess(wdbc).loss().penalty(), 0.0);
    }

    @Test
    void badChoicesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierConfig.defaults().withHidden(List.of(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierConfig.defaults().withLambda(0));
        assertTrue(e.getMessage().contains("lambda = 0"), e.getMessage());
        assertEquals(0.0, ClassifierConfig.defaults().withAllowZeroLambda(true).withLambda(0).lambda(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ClassifierConfig.defaults().withHeldOut(1));
    }

    /** WDBC with its classes coded 0/1 (or 0/1/2) and no label names: a Dataset reads that as a regression. */
    private static Dataset wdbcCoded(int classes) {
        Dataset wdbc = Datasets.wdbc();
        double[] y = new double[wdbc.n()];
        for (int i = 0; i < y.length; i++) {
            y[i] = classes == 2 ? (wdbc.y()[i] > 0 ? 1 : 0) : i % classes;
        }
        return new Dataset("wdbc01", wdbc.x(), y, wdbc.d(), wdbc.featureNames(), List.of());
    }

    @Test
    void classCodesWithoutNamesAreRefusedNotFittedAsARegression() {
        Dataset coded = wdbcCoded(2);
        assertEquals(Task.REGRESSION, coded.task());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classifier.fit(coded, ClassifierConfig.defaults()));
        assertEquals("data set 'wdbc01' has targets 0 and 1 and no label names, which a Dataset reads as a"
                + " regression task: Classifier.fit would fit them as real values, not as classes. For a binary"
                + " classifier give the two classes' names (label names List.of(\"0\", \"1\"): 0/1 targets with two"
                + " names are binary) or code them -1 and +1 (y = 2y - 1); for a regression on these values choose a"
                + " regression loss, e.g. config.withLoss(Losses.TARGET_SQUARED)", e.getMessage());
        Dataset zeroOneNamed = new Dataset("wdbc01", coded.x(), coded.y(), coded.d(), coded.featureNames(),
                List.of("0", "1"));
        assertEquals(Task.BINARY, zeroOneNamed.task(), "the way out the message names");
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.fit(wdbcCoded(3), ClassifierConfig.defaults()));
        assertTrue(e.getMessage().startsWith("data set 'wdbc01' has integer targets from 0 to 2 and no label names"),
                e.getMessage());
        assertTrue(e.getMessage().contains("code the classes as indices 0..K-1 and give their K names"), e.getMessage());

        ClassifierConfig linear = ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE)
                .withTrain(TrainConfig.defaults().toBuilder().maxSteps(30).build());
        Model values = Classifier.fit(coded, linear.withLoss(Losses.TARGET_SQUARED));
        assertEquals(Task.REGRESSION, values.task(), "a regression loss says the values are meant");
        double[] pm = coded.y().clone();
        for (int i = 0; i < pm.length; i++) {
            pm[i] = 2 * pm[i] - 1;
        }
        Dataset named = new Dataset("wdbc01", coded.x(), pm, coded.d(), coded.featureNames(), List.of("0", "1"));
        Model binary = Classifier.fit(named, linear);
        assertEquals(Task.BINARY, binary.task());
        assertTrue(binary.assess(named).accuracy() > 0.9);
        assertEquals(List.of("0", "1"), binary.labelNames());
    }

    @Test
    void dataOfOneClassIsRefusedBeforeTraining() {
        Dataset wdbc = Datasets.wdbc();
        double[] ones = new double[wdbc.n()];
        Arrays.fill(ones, 1);
        Dataset one = new Dataset("ones", wdbc.x(), ones, wdbc.d(), wdbc.featureNames(), wdbc.labelNames());
        List<Long> steps = new java.util.ArrayList<>();
        org.oneneuron.train.TrainingListener count = (step, theta, loss, norm) -> {
            steps.add(step);
            return null;
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classifier.fit(one, ClassifierConfig.defaults(), count));
        assertEquals("data set 'ones' holds samples of one class only ('1', 569 samples): a binary classifier"
                + " needs samples of both classes, '-1' and '1'", e.getMessage());
        Dataset single = new Dataset("single", Arrays.copyOf(wdbc.x(), wdbc.d()), new double[] {-1}, wdbc.d(),
                wdbc.featureNames(), List.of());
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.fit(single, ClassifierConfig.defaults(), count));
        assertEquals("data set 'single' holds samples of one class only ('-1', 1 sample): a binary classifier"
                + " needs samples of both classes, '-1' and '+1'", e.getMessage());
        Dataset oneOfThree = new Dataset("abc", new double[] {1, 2, 3}, new double[] {2, 2, 2}, 1, null,
                List.of("a", "b", "c"));
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.fit(oneOfThree, ClassifierConfig.defaults(), count));
        assertEquals("data set 'abc' holds samples of one class only ('c', 3 samples): a classifier needs samples"
                + " of at least two of its classes (a, b, c)", e.getMessage());
        Dataset noB = new Dataset("ac", new double[] {1, 2, 3, 4}, new double[] {0, 2, 0, 2}, 1, null,
                List.of("a", "b", "c"));
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.fit(noB, ClassifierConfig.defaults(), count));
        assertEquals("data set 'ac' has no sample of class 'b' (its 3 classes: a, b, c): a classifier needs samples of"
                + " every class; give only the classes that occur as label names, with their targets re-indexed"
                + " 0..K-1", e.getMessage());
        Dataset twoEmpty = new Dataset("ab", new double[] {1, 2}, new double[] {0, 1}, 1, null,
                List.of("a", "b", "c", "d"));
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.fit(twoEmpty, ClassifierConfig.defaults(), count));
        assertTrue(e.getMessage().startsWith("data set 'ab' has no sample of classes 'c', 'd' (its 4 classes"),
                e.getMessage());
        assertEquals(List.of(), steps, "refused before any training step");
    }

    @Test
    void aHeldOutShareOnTooFewSamplesIsIgnoredWithAWarning() {
        List<java.util.logging.LogRecord> records = new java.util.ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Classifier.class.getName());
        log.addHandler(capture);
        try {
            ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of()).withNeuron(NeuronKind.NONE)
                    .withHeldOut(0.5).withTrain(TrainConfig.defaults().toBuilder().maxSteps(5).build());
            Model model = Classifier.fit(Datasets.builtin("xor:n=12"), config);
            assertEquals("0.0", model.provenance().get("held_out"));
            assertEquals(List.of("data set 'xor' has 12 samples, fewer than 20: nothing is held out (the held-out"
                    + " share 0.5 is ignored)"), records.stream().map(java.util.logging.LogRecord::getMessage).toList());
            assertEquals(java.util.logging.Level.WARNING, records.get(0).getLevel());
        } finally {
            log.removeHandler(capture);
        }
    }
}
