package org.oneneuron.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.oneneuron.linalg.PlainBlas;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

class GraphTest {

    @Test
    void blockedScoresEqualOneBigPassRowByRow() {
        NetworkSpec spec = new NetworkSpec(3, List.of(16), Activation.TANH, NeuronKind.SKIP_EXP);
        Graph net = new Graph(spec, PlainBlas.INSTANCE);
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(spec.layout(), 1);
        theta[spec.layout().neuronAOffset()] = 0.5;
        int n = 2500;
        SplittableRandom rng = new SplittableRandom(2);
        double[] x = new double[n * 3];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        double[] blocked = new double[n];
        net.scores(theta, x, n, blocked);
        Workspace ws = net.newWorkspace(Precision.FLOAT64, n);
        net.load(ws, theta, null, null, null);
        net.forward(ws, theta, Buf.of(x), 0, n, PassKind.VALUE);
        for (int i = 0; i < n; i++) {
            assertEquals(ws.scores()[i], blocked[i], 0.0, "row " + i);
        }
        double[] plain = new double[n];
        net.networkScores(theta, x, n, plain);
        assertEquals(ws.networkScores()[n - 1], plain[n - 1], 0.0);
        assertThrows(IllegalArgumentException.class, () -> net.scores(theta, x, n, new double[3]));
    }

    @Test
    void tinyNetworksRunOnThePlainLoops() {
        assertSame(PlainBlas.INSTANCE, new Graph(new NetworkSpec(2, List.of(2), Activation.TANH,
                NeuronKind.SKIP_EXP)).blas());
    }
}
