package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.NeuronSnapshot;

/**
 * {@link Float32NetworkObjective#adoptFullPass}: an objective that differs in λ alone serves the
 * adopted pass's θ with the bits of a pass of its own (value, gradient, neuron figures), without
 * a pass (proved by spoiling the shared float32 rows after the hand-over), and declines objectives
 * that differ in more than λ.
 */
class Float32FullPassAdoptionTest {

    private static final NetworkSpec SPEC = new NetworkSpec(5, List.of(7, 4), Activation.parse("tanh"),
            NeuronKind.SKIP_EXP);

    private static Dataset data() {
        SplittableRandom rnd = new SplittableRandom(41);
        int n = 150;
        double[] x = new double[n * 5];
        double[] y = new double[n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextBoolean() ? 1 : -1;
        }
        return new Dataset("adoption", x, y, 5, Collections.nCopies(5, "f"), List.of("-1", "+1"));
    }

    private static NetworkObjective reference(Dataset data, double lambda, OutputLoss loss, int threads) {
        return NetworkObjective.builder(SPEC, data).loss(loss).reduction(Reduction.MEAN).lambda(lambda)
                .threads(threads).build();
    }

    private static double[] theta(int dimension, int aOffset) {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] t = new double[dimension];
        for (int k = 0; k < t.length; k++) {
            t[k] = rnd.nextDouble(-0.8, 0.8);
        }
        t[aOffset] = 0.7; // the penalty and its gradient matter
        return t;
    }

    @Test
    void anotherLambdaIsServedTheAdoptedPassWithItsOwnPenaltyBitForBit() {
        Dataset data = data();
        Float32Rows rows = new Float32Rows(data);
        Float32NetworkObjective round = Float32NetworkObjective.over(reference(data, 0.01, Losses.CUBIC_HINGE, 1), rows);
        double[] theta = theta(round.dimension(), round.layout().neuronAOffset());
        double[] scratch = new double[theta.length];
        round.valueAndGradient(theta, scratch);

        Float32NetworkObjective fresh = Float32NetworkObjective.over(reference(data, 0.1, Losses.CUBIC_HINGE, 1), rows);
        double[] wantGradient = new double[theta.length];
        double want = fresh.valueAndGradient(theta, wantGradient);
        NeuronSnapshot wantNeuron = fresh.neuron(theta).orElseThrow();

        Float32NetworkObjective next = Float32NetworkObjective.over(reference(data, 0.1, Losses.CUBIC_HINGE, 1), rows);
        assertTrue(next.adoptFullPass(round));
        Arrays.fill(rows.x(), Float.NaN); // a pass of its own would now fail
        double[] gradient = new double[theta.length];
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(next.valueAndGradient(theta, gradient)));
        assertArrayEquals(wantGradient, gradient);
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(next.value(theta)));
        assertEquals(wantNeuron, next.neuron(theta).orElseThrow());
        assertNotEquals(wantGradient[round.layout().neuronAOffset()], scratch[round.layout().neuronAOffset()],
                "the two λ give different ∂/∂a");
    }

    @Test
    void objectivesThatDifferInMoreThanLambdaAreDeclined() {
        Dataset data = data();
        Float32Rows rows = new Float32Rows(data);
        Float32NetworkObjective round = Float32NetworkObjective.over(reference(data, 0.01, Losses.CUBIC_HINGE, 1), rows);
        double[] theta = theta(round.dimension(), round.layout().neuronAOffset());
        round.valueAndGradient(theta, new double[theta.length]);
        assertFalse(Float32NetworkObjective.over(reference(data, 0.1, Losses.LOGISTIC, 1), rows).adoptFullPass(round),
                "another loss");
        assertFalse(Float32NetworkObjective.over(reference(data, 0.1, Losses.CUBIC_HINGE, 2), rows).adoptFullPass(round),
                "another thread count (another sum order)");
        assertFalse(Float32NetworkObjective.over(reference(data, 0.1, Losses.CUBIC_HINGE, 1)).adoptFullPass(round),
                "rows of their own");
    }
}
