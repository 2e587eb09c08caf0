package org.oneneuron.cli.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.Problem;
import org.oneneuron.train.TrainConfig;

/**
 * How much of W5's speed belongs to the process (not a test; run by hand, several times): W5's
 * data and its 2-epoch SGD loop, timed after warm-up in three generations, each with a freshly
 * built problem (new objective, new buffers, a new copy of the data), followed by a fixed scalar
 * loop that touches 4 KB. A process whose loop is slow in every generation while the scalar loop
 * runs at its usual speed is slow in its memory system, not in its code or its core. Usage:
 * {@code java -XX:+UseSerialGC -Xms32m --add-modules jdk.incubator.vector -cp
 * oneneuron-cli/target/test-classes:oneneuron-cli/target/oneneuron.jar
 * org.oneneuron.cli.bench.W5ProcessState [rounds per generation]}.
 */
public final class W5ProcessState {

    private static double sink;

    private W5ProcessState() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int n = ConvWorkload.N;
        int d = ConvWorkload.D;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = ConvWorkload.images(n, rnd);
        double[] y = W1Setup.teacherLabels(x, n, d, 16, rnd);
        long steps = (long) ConvWorkload.EPOCHS * ((n + ConvWorkload.BATCH - 1) / ConvWorkload.BATCH);
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD)
                .learningRate(ConvWorkload.LR).batchSize(ConvWorkload.BATCH).momentum(0).maxSteps(steps)
                .gradientTolerance(0).lossTolerance(0).historyStride((int) steps).seed(0).threads(1).build();
        StringBuilder line = new StringBuilder();
        for (int generation = 0; generation < 3; generation++) {
            Problem problem = Problem.builder(ConvWorkload.spec(), W1Setup.dataset("w5", x.clone(), y, d))
                    .loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN).lambda(ConvWorkload.LAMBDA).threads(1)
                    .precision(Precision.FLOAT32).seed(1).build();
            double[] theta0 = problem.initialPoint();
            Float32NetworkObjective objective = (Float32NetworkObjective) problem.descendedObjective();
            for (int round = 0; round < rounds; round++) {
                Optimizer optimizer = config.newOptimizer(objective);
                double[] theta = theta0.clone();
                long t0 = System.nanoTime();
                optimizer.start(theta);
                for (long k = 0; k < steps; k++) {
                    optimizer.step(theta);
                }
                if (round >= rounds - 2) {
                    line.append(String.format(Locale.ROOT, "%.3f ", (System.nanoTime() - t0) * 1e-9));
                }
            }
            line.append(String.format(Locale.ROOT, "[scalar loop %.3f] | ", scalarLoop()));
        }
        System.out.println("loop seconds per generation: " + line);
    }

    /** Seconds of a fixed chain of float multiply-adds over a 4 KB array (no memory traffic to speak of). */
    private static double scalarLoop() {
        float[] a = new float[1024];
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 1e-3f;
        }
        long t0 = System.nanoTime();
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int r = 0; r < 200_000; r++) {
            for (int i = 0; i < a.length; i += 4) {
                s0 = s0 * 0.999f + a[i];
                s1 = s1 * 0.999f + a[i + 1];
                s2 = s2 * 0.999f + a[i + 2];
                s3 = s3 * 0.999f + a[i + 3];
            }
        }
        sink += s0 + s1 + s2 + s3;
        return (System.nanoTime() - t0) * 1e-9;
    }
}
