package org.oneneuron.loss;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.objective.SampledObjective;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.Backends;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.Trainer;
import org.oneneuron.train.TrainingResult;

/**
 * W2 through the public API (not a test; run by hand): n = 12000, d = 784, 784-256-256-1 ReLU +
 * skip-exp, cubic hinge MEAN, λ = 1e-2, SGD lr 1e-2 batch 128, 3 epochs, via {@link Trainer}.
 * Prints samples/s for float32 (and float64 with argument {@code both}). Usage:
 * {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.loss.Float32W2Bench [both] [reps]}
 */
public final class Float32W2Bench {

    private Float32W2Bench() {
    }

    public static void main(String[] args) {
        boolean both = args.length > 0 && args[0].equals("both");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = 12000;
        int d = 784;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        double[] u = new double[d * 16];
        for (int i = 0; i < u.length; i++) {
            u[i] = rnd.nextGaussian() / Math.sqrt(d);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < 16; j++) {
                double t = 0;
                for (int k = 0; k < d; k++) {
                    t += x[i * d + k] * u[k * 16 + j];
                }
                s += Math.tanh(t) * (j % 2 == 0 ? 1 : -1);
            }
            y[i] = s >= 0 ? 1 : -1;
        }
        Dataset data = new Dataset("w2", x, y, d, Collections.nCopies(d, "f"), List.of("-1", "+1"));
        NetworkSpec spec = new NetworkSpec(d, List.of(256, 256), Activation.RELU, NeuronKind.SKIP_EXP);
        NetworkObjective f64 = NetworkObjective.builder(spec, data).reduction(Reduction.MEAN).lambda(1e-2).build();
        Float32NetworkObjective f32 = Float32NetworkObjective.over(f64);
        double[] theta0 = Initializer.parse("fan-in-uniform").initialize(f64.layout(), 1L);
        System.out.println("blas=" + Backends.active().name() + " threads=" + Backends.threads());
        for (int rep = 0; rep < reps; rep++) {
            run("float32", f32, theta0);
            if (both) {
                run("float64", f64, theta0);
            }
        }
        rawLoop(f32, theta0);
        double[] g = new double[theta0.length];
        double[] t = theta0.clone();
        for (int rep = 0; rep < 3; rep++) {
            t[0] += 1e-3;
            long c0 = cpu();
            f32.valueAndGradient(t, g);
            System.out.printf(Locale.ROOT, "full-data valueAndGradient (12000 samples): cpu %.3f s%n", (cpu() - c0) * 1e-9);
        }
    }

    /** CPU time of this thread (fairer than the wall on the shared machine; BLAS runs on this thread). */
    static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void run(String dtype, SampledObjective obj, double[] theta0) {
        int steps = 3 * ((12000 + 127) / 128);
        TrainConfig config = TrainConfig.defaults().toBuilder().optimizer(OptimizerKind.SGD).learningRate(1e-2)
                .batchSize(128).momentum(0).maxSteps(steps).gradientTolerance(0).lossTolerance(0)
                .historyStride(steps).seed(0).build();
        long t0 = System.nanoTime();
        long c0 = cpu();
        TrainingResult r = Trainer.train(obj, theta0, config);
        double s = (System.nanoTime() - t0) * 1e-9;
        double c = (cpu() - c0) * 1e-9;
        System.out.printf(Locale.ROOT, "%s Trainer.train: steps=%d wall=%.3f s (%.0f samples/s) cpu=%.3f s (%.0f samples/s);"
                + " loop only (TrainingResult.seconds, incl. the step-0 full evaluation) %.3f s (%.0f samples/s);"
                + " loss=%.6f%n", dtype, r.steps(), s, 36000 / s, c, 36000 / c, r.seconds(), 36000 / r.seconds(),
                r.finalLoss());
    }

    /** The objective alone: batchValueAndGradient plus a plain SGD update, no Trainer. */
    private static void rawLoop(SampledObjective obj, double[] theta0) {
        double[] theta = theta0.clone();
        double[] g = new double[theta.length];
        int[] idx = new int[12000];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = (i * 7919) % 12000;
        }
        int steps = 282;
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            for (int s = 0; s < steps; s++) {
                int from = (s % 93) * 128;
                obj.batchValueAndGradient(theta, idx, from, from + 128, g);
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= 1e-2 * g[k];
                }
            }
            double sec = (System.nanoTime() - t0) * 1e-9;
            double c = (cpu() - c0) * 1e-9;
            System.out.printf(Locale.ROOT, "objective + SGD update loop: wall %.0f samples/s (%.3f ms/step),"
                    + " cpu %.0f samples/s (%.3f ms/step)%n", steps * 128 / sec, sec / steps * 1e3,
                    steps * 128 / c, c / steps * 1e3);
        }
    }
}
