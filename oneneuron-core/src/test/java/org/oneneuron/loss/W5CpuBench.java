package org.oneneuron.loss;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * W5's two timed parts measured in CPU time of the calling thread (not a test; run by hand): on
 * a shared, oversubscribed machine the wall clock counts other processes' time, the thread's CPU
 * time does not. One thread only (the objective's chunks run on the caller). Prints float32
 * minibatch samples per CPU-second (batch 64 gradients, no optimizer) and float64 HVPs per
 * CPU-second on 256 samples (fresh: θ alternates, reused: same θ). Usage:
 * {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.loss.W5CpuBench [seconds] [train|hvp]}
 */
public final class W5CpuBench {

    static final String ARCH = "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1";
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private W5CpuBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        String what = args.length > 1 ? args[1] : "both";
        int n = 6000;
        int d = 784;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i * d + 300] + x[i * d + 400] >= 0 ? 1 : -1;
        }
        NetworkSpec spec = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(ARCH), NeuronKind.SKIP_EXP);
        Dataset data = new Dataset("w5", x, y, d, Collections.nCopies(d, "p"), List.of("-1", "+1"));
        NetworkObjective f64 = NetworkObjective.builder(spec, data).reduction(Reduction.MEAN).lambda(1e-2).build();
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(f64.layout(), 1L);
        System.out.println("blas=" + Backends.active().name() + " java=" + Runtime.version());
        if (!what.equals("hvp")) {
            train(Float32NetworkObjective.over(f64), theta, seconds);
        }
        if (!what.equals("train")) {
            double[] hx = java.util.Arrays.copyOf(x, 256 * d);
            double[] hy = java.util.Arrays.copyOf(y, 256);
            Dataset small = new Dataset("w5-hvp", hx, hy, d, Collections.nCopies(d, "p"), List.of("-1", "+1"));
            NetworkObjective h = NetworkObjective.builder(spec, small).reduction(Reduction.MEAN).lambda(1e-2).build();
            hvp(h, theta, seconds);
        }
    }

    private static void train(Float32NetworkObjective f32, double[] theta, double seconds) {
        int[] perm = new int[6000];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = (int) ((i * 2654435761L) % 6000);
        }
        double[] g = new double[theta.length];
        for (int round = 0; round < 4; round++) {
            long c0 = cpu();
            long w0 = System.nanoTime();
            long samples = 0;
            int at = 0;
            while (cpu() - c0 < seconds * 1e9 / 2) {
                f32.batchValueAndGradient(theta, perm, at, at + 64, g);
                samples += 64;
                at = (at + 64) % (6000 - 64);
            }
            double cs = (cpu() - c0) * 1e-9;
            double ws = (System.nanoTime() - w0) * 1e-9;
            System.out.printf(Locale.ROOT, "train float32 batch 64: %.0f samples/cpu-s (%.0f samples/wall-s)%n",
                    samples / cs, samples / ws);
        }
    }

    private static void hvp(NetworkObjective h, double[] theta, double seconds) {
        double[] v = new double[theta.length];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        double[][] points = {theta, theta.clone()};
        points[1][h.layout().neuronBOffset()] = Math.nextUp(points[1][h.layout().neuronBOffset()]);
        double[] out = new double[theta.length];
        for (int round = 0; round < 4; round++) {
            for (int mode = 0; mode < 2; mode++) {
                long c0 = cpu();
                int k = 0;
                while (cpu() - c0 < seconds * 1e9 / 4) {
                    h.hessianVector(points[mode == 0 ? k & 1 : 0], v, out);
                    k++;
                }
                double cs = (cpu() - c0) * 1e-9;
                System.out.printf(Locale.ROOT, "hvp float64 256 samples %s: %.2f HVPs/cpu-s%n",
                        mode == 0 ? "fresh " : "reused", k / cs);
            }
        }
    }

    static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }
}
