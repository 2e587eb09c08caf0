package org.oneneuron.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.Optimizer;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;

/**
 * Where W5's float32 training time goes (not a test; run by hand): the same 2 epochs of batch-64
 * SGD on W5's network and data shape, measured three ways in one JVM, each in process CPU time
 * (every thread: the collector's and the JIT compiler's too) and the calling thread's CPU time,
 * with the collections and the bytes allocated on the calling thread:
 * <ol>
 * <li>{@code gradients}: batchValueAndGradient over a reshuffled order (no optimizer);</li>
 * <li>{@code optimizer}: the SGD optimizer's steps (shuffle, gradient, the update);</li>
 * <li>{@code fit}: the run floor's {@code Fit.from} (the Trainer with its monitoring).</li>
 * </ol>
 * Rounds alternate the three after a warm-up, so JIT warm-up and load drift hit them alike.
 * Usage: {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.run.W5StepCost [rounds] [threads]}
 */
public final class W5StepCost {

    static final String ARCH = "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1";
    static final int N = 6000;
    static final int D = 784;
    static final int BATCH = 64;
    static final int EPOCHS = 2;

    private W5StepCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[N * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = x[i * D + 300] + x[i * D + 400] >= 0 ? 1 : -1;
        }
        NetworkSpec spec = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(ARCH), NeuronKind.SKIP_EXP);
        Dataset data = new Dataset("w5", x, y, D, Collections.nCopies(D, "p"), List.of("-1", "+1"));
        Problem problem = Problem.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                .lambda(1e-2).threads(threads).precision(Precision.FLOAT32).seed(1).build();
        double[] theta0 = problem.initialPoint();
        Float32NetworkObjective f32 = (Float32NetworkObjective) problem.descendedObjective();
        long steps = (long) EPOCHS * ((N + BATCH - 1) / BATCH);
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(1e-2)
                .batchSize(BATCH).momentum(0).maxSteps(steps).gradientTolerance(0).lossTolerance(0)
                .historyStride((int) steps).seed(0).threads(threads).build();
        System.out.println("java=" + Runtime.version() + " threads=" + threads + " steps=" + steps);
        for (int round = -2; round < rounds; round++) {
            String tag = round < 0 ? "warm-up " : "round " + round;
            measure(tag, "gradients", () -> gradients(f32, theta0, steps));
            measure(tag, "optimizer", () -> optimizer(config, f32, theta0, steps));
            measure(tag, "fit", () -> Fit.from(problem, theta0, config).training());
        }
    }

    private static void gradients(Float32NetworkObjective f32, double[] theta0, long steps) {
        int[] order = new int[N];
        for (int i = 0; i < N; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(5);
        double[] g = new double[theta0.length];
        int cursor = N;
        for (long k = 0; k < steps; k++) {
            if (cursor >= N) {
                for (int i = N - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                cursor = 0;
            }
            int to = Math.min(N, cursor + BATCH);
            f32.batchValueAndGradient(theta0, order, cursor, to, g);
            cursor = to;
        }
    }

    private static void optimizer(TrainConfig config, Float32NetworkObjective f32, double[] theta0, long steps) {
        Optimizer opt = config.newOptimizer(f32);
        double[] theta = theta0.clone();
        opt.start(theta);
        for (long k = 0; k < steps; k++) {
            opt.step(theta);
        }
    }

    private static void measure(String tag, String what, Runnable body) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long gc0 = gcCount();
        long gct0 = gcMillis();
        long a0 = mx.getThreadAllocatedBytes(tid);
        long p0 = os.getProcessCpuTime();
        long t0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        body.run();
        double wall = (System.nanoTime() - w0) * 1e-9;
        double thread = (mx.getCurrentThreadCpuTime() - t0) * 1e-9;
        double process = (os.getProcessCpuTime() - p0) * 1e-9;
        long alloc = mx.getThreadAllocatedBytes(tid) - a0;
        double samples = EPOCHS * N;
        System.out.printf(Locale.ROOT,
                "%s %-9s samples/process-cpu-s %7.0f  /thread-cpu-s %7.0f  /wall-s %7.0f  process %.3f s thread %.3f s"
                        + "  gc %d (%d ms)  allocated %.1f MB%n",
                tag, what, samples / process, samples / thread, samples / wall, process, thread,
                gcCount() - gc0, gcMillis() - gct0, alloc / 1e6);
    }

    private static long gcCount() {
        long c = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            c += Math.max(0, b.getCollectionCount());
        }
        return c;
    }

    private static long gcMillis() {
        long c = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            c += Math.max(0, b.getCollectionTime());
        }
        return c;
    }
}
