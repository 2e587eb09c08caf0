package org.oneneuron.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * W1, W3 and W4-shaped work through the engine with a plain GD loop: correctness is asserted
 * (W1 lands on PyTorch's end point), throughput is only logged (no timed assertions). Set
 * {@code -Doneneuron.threads.engine=N} to run the objective with N chunks.
 */
@Tag("slow")
class EngineThroughputTest {

    private static final System.Logger LOG = System.getLogger(EngineThroughputTest.class.getName());
    private static final double W1_FINAL_LOSS = 0.01698681160844817;
    private static final int THREADS = Integer.getInteger("oneneuron.threads.engine", 1);

    /** CPU time of the calling thread: on a shared, oversubscribed machine a fairer clock than the wall. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void w1GradientDescentReachesPyTorchEndPointAndHvpsAreFinite() throws Exception {
        W1Golden g = W1GoldenTest.golden();
        NetworkObjective obj = NetworkObjective.builder(W1Golden.SPEC, g.data).reduction(Reduction.MEAN)
                .lambda(1e-2).threads(THREADS).build();
        double[] theta = g.theta.clone();
        double[] grad = new double[obj.dimension()];
        int steps = 2000;
        long t0 = System.nanoTime();
        long c0 = cpu();
        for (int s = 0; s < steps; s++) {
            obj.valueAndGradient(theta, grad);
            for (int k = 0; k < theta.length; k++) {
                theta[k] -= 1e-2 * grad[k];
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double cpuSeconds = (cpu() - c0) * 1e-9;
        double last = obj.value(theta);
        assertEquals(W1_FINAL_LOSS, last, 1e-9 * W1_FINAL_LOSS);
        double[] v = new double[obj.dimension()];
        double[] hv = new double[obj.dimension()];
        SplittableRandom rng = new SplittableRandom(3);
        int hvps = 200;
        long t1 = System.nanoTime();
        long c1 = cpu();
        for (int i = 0; i < hvps; i++) {
            v[i % v.length] = rng.nextDouble(-1, 1);
            obj.hessianVector(theta, v, hv);
        }
        double hvpSeconds = (System.nanoTime() - t1) * 1e-9;
        double hvpCpu = (cpu() - c1) * 1e-9;
        assertTrue(Double.isFinite(DerivativePropertiesTest.dot(v, hv)));
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "W1 engine (%s, %d chunk(s)): %.0f steps/s wall, %.0f per CPU-second of the calling thread "
                        + "(value+gradient+update); W3: %.0f HVP/s wall, %.0f per CPU-second",
                obj.network().blas().name(), THREADS, steps / seconds, steps / cpuSeconds, hvps / hvpSeconds,
                hvps / hvpCpu));
    }

    @Test
    void w4TinyRunsOnXorTrain() {
        double[] x = {-1, -1, -1, 1, 1, -1, 1, 1};
        double[] y = {-1, 1, 1, -1};
        Dataset xor = new Dataset("xor", x, y, 2, List.of("x1", "x2"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(2, List.of(2), Activation.TANH, NeuronKind.SKIP_EXP);
        NetworkObjective obj = NetworkObjective.of(spec, xor, Losses.CUBIC_HINGE, Reduction.MEAN, 1e-2);
        SplittableRandom rng = new SplittableRandom(0);
        double bound = 1 / Math.sqrt(2);
        int runs = 1000;
        double[] theta = new double[obj.dimension()];
        double[] grad = new double[obj.dimension()];
        double initial = 0;
        double fin = 0;
        long t0 = System.nanoTime();
        long c0 = cpu();
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < 11; k++) {
                theta[k] = rng.nextDouble(-bound, bound);
            }
            theta[11] = 0;
            theta[12] = 0;
            initial += obj.value(theta);
            for (int s = 0; s < 500; s++) {
                obj.valueAndGradient(theta, grad);
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= 0.05 * grad[k];
                }
            }
            fin += obj.value(theta);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double cpuSeconds = (cpu() - c0) * 1e-9;
        assertTrue(fin < initial, "mean final loss " + fin / runs + " below mean initial " + initial / runs);
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "W4 engine (%s): %.0f runs/s wall, %.0f per CPU-second (500 GD steps each, one objective "
                        + "reused); mean final loss %.4g",
                obj.network().blas().name(), runs / seconds, runs / cpuSeconds, fin / runs));
    }
}
