package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;

class ReferenceMlpTest {

    private static final Dataset CASE_A = StudyData.caseA();

    @ParameterizedTest
    @CsvSource({"tanh,skip-exp,cubic-hinge", "relu,none,cubic-hinge", "sigmoid,quadratic,logistic",
        "softplus,sigmoid,squared", "tanh,relu,hinge-p:2.5", "linear,linear,cubic-hinge"})
    void gradientMatchesCentralDifferences(String act, String neuron, String loss) {
        Dataset data = random(13, 3, 5L);
        ReferenceMlp mlp = new ReferenceMlp(3, List.of(4, 3), act, neuron, MarginLossFunction.parse(loss), 0.3);
        mlp.reduction("mean", data.n());
        double[] theta = mlp.initialize("normal", new SplittableRandom(9));
        if (mlp.augmented()) {
            theta[mlp.neuronOffset()] = 0.7;
            theta[mlp.neuronOffset() + 1] = -0.2;
        }
        double[] g = new double[theta.length];
        mlp.evaluate(data, theta, g, null);
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6;
            double keep = theta[k];
            theta[k] = keep + h;
            double up = mlp.evaluate(data, theta, null, null);
            theta[k] = keep - h;
            double down = mlp.evaluate(data, theta, null, null);
            theta[k] = keep;
            assertEquals((up - down) / (2 * h), g[k], 1e-6 * Math.max(1, Math.abs(g[k])), "component " + k);
        }
    }

    @Test
    void skipExpIdentityHoldsAtRandomPoints() {
        Dataset data = random(17, 2, 3L);
        double lambda = 0.25;
        ReferenceMlp mlp = new ReferenceMlp(2, List.of(3), "tanh", "skip-exp",
                MarginLossFunction.parse("cubic-hinge"), lambda);
        mlp.reduction("sum", data.n());
        SplittableRandom rng = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            double[] theta = mlp.initialize("normal", rng);
            double a = rng.nextDouble(-2, 2);
            theta[mlp.neuronOffset()] = a;
            double[] g = new double[theta.length];
            mlp.evaluate(data, theta, g, null);
            double lhs = a * g[mlp.neuronOffset()] - g[mlp.neuronOffset() + 1];
            assertEquals(lambda * a * a, lhs, 1e-9 * Math.max(1, Math.abs(g[mlp.neuronOffset()])));
        }
    }

    @Test
    void caseA1HasThePaperLossAndEscapeSlope() {
        ReferenceMlp mlp = new ReferenceMlp(2, List.of(2), "relu", "skip-exp",
                MarginLossFunction.parse("cubic-hinge"), 0.01);
        mlp.reduction("sum", 3);
        // W = 0, c = (-1, -1), v = (1, 1), d = 2√2 - 3; a = 0, b = 0, w = (1, 0)
        double[] theta = {0, 0, 0, 0, -1, -1, 1, 1, 2 * Math.sqrt(2) - 3, 0, 0, 1, 0};
        double[] g = new double[theta.length];
        ReferenceMlp.Figures fig = new ReferenceMlp.Figures();
        double loss = mlp.evaluate(CASE_A, theta, g, fig);
        assertEquals(48 - 32 * Math.sqrt(2), loss, 1e-12);
        assertEquals(loss, fig.networkOnlyLoss, 1e-12);
        double expected = (36 - 24 * Math.sqrt(2)) * Math.pow(Math.sqrt(Math.E) - 1, 2);
        assertEquals(expected, g[9], 1e-12);
        assertEquals(0.866455, g[9], 1e-6);
        for (int k = 0; k < 9; k++) {
            assertEquals(0.0, g[k], 1e-12, "A1 is stationary for the network, component " + k);
        }
    }

    private static Dataset random(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextBoolean() ? 1 : -1;
        }
        return new Dataset("random", x, y, d, java.util.Collections.nCopies(d, "f"), List.of("-1", "+1"));
    }
}
