package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * The split of a pass across threads follows the cost model of {@link SamplePasses}: a pass
 * whose forward work is under R = 128 multiply-adds per parameter and chunk stays on one chunk
 * (W6's 128-row minibatch), larger ones split (its 1024-row HVPs, W1's full batch, W5's
 * minibatch); a minibatch kept whole gives the one-thread bits.
 */
class ThreadSplitTest {

    @Test
    void chunksFollowTheWorkPerParameter() {
        NetworkSpec w6 = NetworkSpec.mlp(784, List.of(128), Activation.RELU, NeuronKind.SKIP_EXP, 10);
        NetworkObjective two = objective(w6, data(1100, 784, 10, null), 2);
        assertEquals(1, two.chunksFor(128), "W6 minibatch: 128·w/P ≈ 128 < 2·128");
        assertEquals(2, two.chunksFor(1024), "W6 HVP rows");
        assertEquals(1, objective(w6, data(1100, 784, 10, null), 1).chunksFor(1024), "one thread");
        NetworkSpec w1 = new NetworkSpec(30, List.of(70, 70), Activation.TANH, NeuronKind.SKIP_EXP);
        assertEquals(2, objective(w1, data(569, 30, 2, null), 2).chunksFor(569), "W1 full batch");
        assertEquals(1, objective(w1, data(569, 30, 2, null), 2).chunksFor(200), "200 rows of a dense net");
        Shape image = new Shape(1, 28, 28);
        NetworkSpec w5 = new NetworkSpec(image, Architecture.parse(
                "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1"), NeuronKind.SKIP_EXP);
        assertEquals(2, objective(w5, data(70, 784, 2, image), 2).chunksFor(64), "W5 minibatch (weights reused per position)");
    }

    @Test
    void aMinibatchKeptWholeGivesTheOneThreadBits() {
        NetworkSpec spec = NetworkSpec.mlp(300, List.of(64), Activation.RELU, NeuronKind.SKIP_EXP, 4);
        Dataset data = data(400, 300, 4, null);
        Float32NetworkObjective one = Float32NetworkObjective.over(objective(spec, data, 1));
        Float32NetworkObjective two = Float32NetworkObjective.over(objective(spec, data, 2));
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 9);
        int[] idx = new int[400];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = (i * 37) % 400;
        }
        double[] g1 = new double[theta.length];
        double[] g2 = new double[theta.length];
        assertEquals(1, two.chunksFor(64));
        assertEquals(one.batchValueAndGradient(theta, idx, 10, 74, g1), two.batchValueAndGradient(theta, idx, 10, 74, g2), 0.0);
        assertArrayEquals(g1, g2, 0.0, "64 rows on one chunk at two threads");
    }

    private static NetworkObjective objective(NetworkSpec spec, Dataset data, int threads) {
        return NetworkObjective.builder(spec, data).loss(spec.outputs() > 1 ? Losses.SOFTMAX_CE : Losses.LOGISTIC)
                .lambda(0.01).threads(threads).build();
    }

    private static Dataset data(int n, int d, int classes, Shape shape) {
        SplittableRandom rnd = new SplittableRandom(n + d);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        double[] y = new double[n];
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add(classes == 2 ? (c == 0 ? "-1" : "+1") : Integer.toString(c));
        }
        for (int i = 0; i < n; i++) {
            y[i] = classes == 2 ? (x[i * d] > 0 ? 1 : -1) : rnd.nextInt(classes);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        Dataset ds = new Dataset("split", x, y, d, names, labels);
        return shape == null ? ds : ds.withShape(shape);
    }
}
