package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.model.ParameterLayout;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.testing.GoldenCase;

/**
 * Replays workload W1 (bench/w1-golden, written by bench/peers/w1_fullbatch.py --dump): 30-64-64-1
 * tanh + skip-exp, mean cubic hinge, λ = 1e-2, plain GD lr 1e-2, 2000 steps; PyTorch ends at loss
 * 0.016986811608448178 with a = -0.25084830695693944.
 */
@Tag("slow")
class W1GoldenReplayTest {

    private static final double GOLDEN_LOSS = 0.016986811608448178;
    private static final double GOLDEN_A = -0.25084830695693944;

    /** The repository's copy of the dump (tests run in the module folder). */
    static Path golden() {
        return Path.of("..", "bench", "w1-golden");
    }

    private static double[] numbers(Path file) throws IOException {
        return GoldenCase.numbers(file);
    }

    @Test
    void gradientDescentLandsOnPyTorchsFinalLoss() throws IOException {
        Path dir = golden();
        assertTrue(Files.isRegularFile(dir.resolve("X.csv")), "bench/w1-golden is missing from the repository");
        double[] x = numbers(dir.resolve("X.csv"));
        double[] y = numbers(dir.resolve("y.csv"));
        Dataset data = new Dataset("w1", x, y, 30, Collections.nCopies(30, "x"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(30, List.of(64, 64), Activation.TANH, NeuronKind.SKIP_EXP);
        ParameterLayout layout = spec.layout();
        double[] theta = new double[layout.dimension()];
        String[][] blocks = {{"W1", "init_W1"}, {"b1", "init_b1"}, {"W2", "init_W2"}, {"b2", "init_b2"},
            {"W_out", "init_W3"}, {"b_out", "init_b3"}, {"w", "init_w"}, {"a", "init_a"}, {"b", "init_b"}};
        int filled = 0;
        for (String[] block : blocks) {
            double[] values = numbers(dir.resolve(block[1] + ".csv"));
            System.arraycopy(values, 0, theta, layout.offsetOf(block[0]), values.length);
            filled += values.length;
        }
        assertEquals(layout.dimension(), filled);
        NetworkObjective objective = NetworkObjective.of(spec, data, Losses.CUBIC_HINGE,
                Reduction.MEAN, 1e-2);
        assertEquals(0.9714286605672776, objective.value(theta), 1e-9 * 0.9714286605672776);
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.GD)
                .learningRate(1e-2).maxSteps(2000).gradientTolerance(0).historyStride(100).build();
        TrainingResult result = Trainer.train(objective, theta, config);
        assertEquals(2000, result.steps());
        assertEquals(GOLDEN_LOSS, result.finalLoss(), 1e-9 * GOLDEN_LOSS, result.toString());
        assertEquals(GOLDEN_A, result.theta()[layout.neuronAOffset()], 1e-7);
    }
}
