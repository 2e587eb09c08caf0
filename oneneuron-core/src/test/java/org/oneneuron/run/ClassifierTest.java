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
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.TrainConfig;

class ClassifierTest {

    @Test
    void defaultsFitStandardizedWdbcPerfectly() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, ClassifierConfig.defaults());
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
        assertArrayEquals(Classifier.fit(wdbc, config).theta(), fit.theta(), 0.0);
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
}
