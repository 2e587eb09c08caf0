package org.oneneuron.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

/**
 * Regression through the core's target loss ½(f~ - t)²: on t = sin(2 x1) + x2² / 2 + noise the
 * trained network explains most of the variance by Tribuo's RegressionEvaluator, and the same
 * seed gives the same model.
 */
class OneNeuronRegressionTrainerTest {

    static MutableDataset<Regressor> data(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableDataset<Regressor> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("sine-bowl", new RegressionFactory()), new RegressionFactory());
        for (int i = 0; i < n; i++) {
            double x1 = random.nextDouble(-2, 2);
            double x2 = random.nextDouble(-2, 2);
            double t = Math.sin(2 * x1) + 0.5 * x2 * x2 + 0.05 * (random.nextDouble() - 0.5);
            ArrayExample<Regressor> e = new ArrayExample<>(new Regressor("t", t));
            e.add(new Feature("x1", x1));
            e.add(new Feature("x2", x2));
            ds.add(e);
        }
        return ds;
    }

    @Test
    void fitsASmoothFunctionAndReplays() {
        MutableDataset<Regressor> train = data(1, 300);
        MutableDataset<Regressor> test = data(2, 200);
        OneNeuronRegressionTrainer trainer = new OneNeuronRegressionTrainer(new int[] {16}, "skip-exp", 300, 3);
        OneNeuronRegressionModel model = trainer.train(train);
        RegressionEvaluation evaluation = new RegressionEvaluator().evaluate(model, test);
        Regressor t = new Regressor("t", Double.NaN);
        assertTrue(evaluation.r2(t) > 0.9, evaluation.toString());

        OneNeuronRegressionModel again = new OneNeuronRegressionTrainer(new int[] {16}, "skip-exp", 300, 3).train(train);
        var p = model.predict(test);
        var q = again.predict(test);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(p.get(i).getOutput().getValues()[0], q.get(i).getOutput().getValues()[0], 0.0, "row " + i);
        }
        assertEquals(model.getProvenance().getTrainerProvenance().getClassName(),
                OneNeuronRegressionTrainer.class.getName());
    }
}
