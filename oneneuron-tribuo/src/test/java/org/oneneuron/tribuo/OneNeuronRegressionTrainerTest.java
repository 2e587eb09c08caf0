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

    /** price = 1e5·(1 + 0.3·x1 - 0.2·x2) + N(0, 1e3²). */
    static MutableDataset<Regressor> prices(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        MutableDataset<Regressor> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("prices", new RegressionFactory()), new RegressionFactory());
        for (int i = 0; i < n; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            ArrayExample<Regressor> e = new ArrayExample<>(new Regressor("price",
                    1e5 * (1 + 0.3 * x1 - 0.2 * x2) + 1e3 * random.nextGaussian()));
            e.add(new Feature("x1", x1));
            e.add(new Feature("x2", x2));
            ds.add(e);
        }
        return ds;
    }

    @Test
    void fitsPricesOnStandardizedTargetsAndPredictsPrices() {
        MutableDataset<Regressor> train = prices(1, 200);
        MutableDataset<Regressor> test = prices(2, 200);
        OneNeuronRegressionModel model = new OneNeuronRegressionTrainer(new int[] {16}, "skip-exp", 300, 3).train(train);
        Regressor price = new Regressor("price", Double.NaN);
        RegressionEvaluation evaluation = new RegressionEvaluator().evaluate(model, test);
        assertTrue(evaluation.r2(price) > 0.99, evaluation.toString());

        NetworkState state = model.state();
        double sum = 0;
        for (var e : train) {
            sum += e.getOutput().getValues()[0];
        }
        assertEquals(sum / train.size(), state.targetMean(), 1e-9 * Math.abs(state.targetMean()), "μ of the training targets");
        assertTrue(state.targetScale() > 1e4, "σ " + state.targetScale());
        NetworkState network = new NetworkState(state.inputDim(), state.hidden(), state.activation(), state.neuron(),
                state.theta(), state.mean(), state.scale(), state.outputs(), 0, 1);
        double[] rows = TribuoRows.matrix(test.getData(), model.getFeatureIDMap());
        double[] f = network.scores(rows, test.size());
        var predictions = model.predict(test);
        for (int i = 0; i < f.length; i++) {
            assertEquals(state.targetMean() + state.targetScale() * f[i],
                    predictions.get(i).getOutput().getValues()[0], 0.0, "μ + σ·f~ for row " + i);
        }

        OneNeuronRegressionModel raw = new OneNeuronRegressionTrainer(new int[] {16}, "skip-exp", 300, 3, false)
                .train(train);
        assertEquals(0, raw.state().targetMean());
        assertEquals(1, raw.state().targetScale(), "the opt-out trains on the targets as given");
    }
}
