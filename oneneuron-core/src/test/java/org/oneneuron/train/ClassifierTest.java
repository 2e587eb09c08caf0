package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.model.NeuronKind;

class ClassifierTest {

    @Test
    void defaultsFitStandardizedWdbcPerfectly() {
        Dataset wdbc = Datasets.wdbc();
        FittedModel model = Classifier.fit(wdbc, ClassifierConfig.defaults());
        Evaluation fit = model.evaluate(wdbc);
        assertEquals(569, fit.samples());
        assertEquals(1.0, fit.accuracy(), 0.0, model.training().toString());
        assertTrue(fit.loss() < 1e-3, "loss " + fit.loss());
        assertTrue(model.training().finalLoss() < 1e-3, model.training().toString());
        assertTrue(fit.networkOnlyAccuracy() >= 0 && fit.networkOnlyAccuracy() <= 1);
        assertTrue(Double.isFinite(fit.networkOnlyLoss()) && fit.networkOnlyLoss() >= 0);
        assertTrue(model.training().history().hasNeuron(), "neuron figures recorded");
        assertEquals(List.of(16), model.spec().hidden());
        assertEquals(30 * 16 + 16 + 16 + 1 + 30 + 2, model.theta().length);
    }

    @Test
    void predictionsAreSignsOfScoresAndRepeatableFromTheSeed() {
        Dataset wdbc = Datasets.wdbc();
        ClassifierConfig config = ClassifierConfig.defaults().withHidden(List.of(4))
                .withTrain(TrainConfig.defaults().toBuilder().maxSteps(30).build());
        FittedModel first = Classifier.fit(wdbc, config);
        FittedModel again = Classifier.fit(wdbc, config);
        assertArrayEquals(first.theta(), again.theta(), 0.0);
        double[] scores = first.scores(wdbc);
        double[] labels = first.predict(wdbc);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(scores[i] >= 0 ? 1.0 : -1.0, labels[i]);
        }
        FittedModel other = Classifier.fit(wdbc, config.withSeed(1));
        assertTrue(!java.util.Arrays.equals(first.theta(), other.theta()));
    }

    @Test
    void thePlainNetworkHasNoNeuronFiguresAndEqualScores() {
        Dataset wdbc = Datasets.wdbc();
        ClassifierConfig config = ClassifierConfig.defaults().withNeuron(NeuronKind.NONE)
                .withHidden(List.of(3))
                .withTrain(TrainConfig.defaults().toBuilder().maxSteps(20).build());
        FittedModel model = Classifier.fit(wdbc, config);
        assertArrayEquals(model.scores(wdbc), model.networkScores(wdbc), 0.0);
        assertTrue(!model.training().history().hasNeuron());
    }

    @Test
    void badChoicesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassifierConfig.defaults().withHidden(List.of(0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClassifierConfig(List.of(4), ClassifierConfig.defaults().activation(),
                        NeuronKind.SKIP_EXP, 0, ClassifierConfig.defaults().loss(),
                        ClassifierConfig.defaults().reduction(),
                        ClassifierConfig.defaults().initializer(), false, true,
                        TrainConfig.defaults()));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    }
}
