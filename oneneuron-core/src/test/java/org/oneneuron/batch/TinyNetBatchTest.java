package org.oneneuron.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/** The batched tiny-net evaluator gives the general objective's numbers, run by run. */
class TinyNetBatchTest {

    private static final double[] X = {-1, -1, -1, 1, 1, -1, 1, 1, 0.3, -0.7};
    private static final double[] Y = {-1, 1, 1, -1, 1};
    private static final double LAMBDA = 1e-2;

    private static NetworkObjective objective(int h) {
        Dataset data = new Dataset("t", X, Y, 2, List.of("x0", "x1"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(2, List.of(h), Activation.parse("tanh"), NeuronKind.SKIP_EXP);
        return NetworkObjective.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(LAMBDA).build();
    }

    private static double[][] rows(int runs, int p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] rows = new double[runs][p];
        for (double[] row : rows) {
            for (int i = 0; i < p; i++) {
                row[i] = rnd.nextDouble(-1, 1);
            }
        }
        return rows;
    }

    @Test
    void lossAndGradientMatchTheGeneralObjective() {
        for (int h : new int[] {2, 3}) {
            NetworkObjective objective = objective(h);
            int p = TinyNetBatch.parameterCount(2, h);
            assertEquals(objective.dimension(), p, "same layout size");
            double[][] rows = rows(37, p, 5 + h);
            TinyNetBatch batch = new TinyNetBatch(2, h, X, Y, LAMBDA, rows);
            double[] losses = batch.losses();
            for (int r = 0; r < rows.length; r++) {
                double[] g = new double[p];
                double value = objective.valueAndGradient(rows[r], g);
                assertEquals(value, losses[r], 1e-12 * Math.abs(value), "loss of run " + r);
                double[] ours = batch.gradient(r);
                for (int i = 0; i < p; i++) {
                    assertEquals(g[i], ours[i], 1e-12 * (1 + Math.abs(g[i])), "h=" + h + " run " + r + " dθ" + i);
                }
            }
        }
    }

    @Test
    void descentMatchesStepByStepDescentOnTheObjective() {
        NetworkObjective objective = objective(2);
        double[][] rows = rows(5, 13, 9);
        TinyNetBatch batch = new TinyNetBatch(2, 2, X, Y, LAMBDA, rows);
        batch.descend(50, 0.05);
        assertEquals(50, batch.steps());
        for (int r = 0; r < rows.length; r++) {
            double[] theta = rows[r].clone();
            double[] g = new double[13];
            for (int s = 0; s < 50; s++) {
                objective.valueAndGradient(theta, g);
                for (int i = 0; i < 13; i++) {
                    theta[i] -= 0.05 * g[i];
                }
            }
            double[] ours = batch.parameters(r);
            for (int i = 0; i < 13; i++) {
                assertEquals(theta[i], ours[i], 1e-10, "run " + r + " θ" + i);
            }
        }
        for (int s : batch.firstNonFiniteStep()) {
            assertEquals(-1, s);
        }
    }

    @Test
    void overflowingRunsAreFrozenAndReported() {
        double[][] rows = rows(3, 13, 1);
        rows[1][9] = 400;
        rows[1][11] = 1;
        TinyNetBatch batch = new TinyNetBatch(2, 2, X, Y, LAMBDA, rows);
        batch.descend(3, 0.05);
        int[] bad = batch.firstNonFiniteStep();
        assertEquals(-1, bad[0]);
        assertEquals(0, bad[1]);
        for (double v : batch.parameters(1)) {
            assertTrue(Double.isFinite(v), "a frozen run keeps its last finite θ");
        }
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TinyNetBatch(2, 2, X, Y, LAMBDA, rows(2, 12, 1)));
        assertThrows(IllegalArgumentException.class, () -> new TinyNetBatch(3, 2, X, Y, LAMBDA, rows(2, 15, 1)));
        assertThrows(IllegalArgumentException.class, () -> new TinyNetBatch(2, 2, X, Y, -1, rows(2, 13, 1)));
    }
}
