package org.oneneuron.loss;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.Backends;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * W6's two timed parts in CPU time of the calling thread (not a test; run by hand, as
 * {@link W5CpuBench}): float32 batch-128 gradients of the 784-128-10 ReLU MLP with a special
 * neuron per output under mean softmax cross-entropy (λ = 1e-2), and float64 HVPs on 1024 samples
 * (fresh: θ alternates, so every product recomputes the forward pass; with {@code -Dw6.cached=true}
 * all at one θ, as Lanczos runs them, reusing the forward pass). Usage:
 * {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.loss.W6CpuBench [seconds] [train|hvp]}
 */
public final class W6CpuBench {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private W6CpuBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        String what = args.length > 1 ? args[1] : "both";
        int n = 12000;
        int d = 784;
        int k = 10;
        SplittableRandom rnd = new SplittableRandom(0);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.floorMod((int) Math.floor(3 * (x[i * d + 300] + x[i * d + 400])), k);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            classes.add(Integer.toString(c));
        }
        NetworkSpec spec = NetworkSpec.mlp(d, List.of(128), Activation.RELU, NeuronKind.SKIP_EXP, k);
        Dataset data = new Dataset("w6", x, y, d, Collections.nCopies(d, "p"), classes);
        NetworkObjective f64 = NetworkObjective.builder(spec, data).loss(Losses.SOFTMAX_CE).reduction(Reduction.MEAN)
                .lambda(1e-2).build();
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(f64.layout(), 1L);
        System.out.println("blas=" + Backends.active().name() + " java=" + Runtime.version());
        if (!what.equals("hvp")) {
            train(Float32NetworkObjective.over(f64), theta, seconds, n);
        }
        if (!what.equals("train")) {
            double[] hx = java.util.Arrays.copyOf(x, 1024 * d);
            double[] hy = java.util.Arrays.copyOf(y, 1024);
            Dataset small = new Dataset("w6-hvp", hx, hy, d, Collections.nCopies(d, "p"), classes);
            NetworkObjective h = NetworkObjective.builder(spec, small).loss(Losses.SOFTMAX_CE)
                    .reduction(Reduction.MEAN).lambda(1e-2).build();
            hvp(h, theta, seconds);
        }
    }

    private static void train(Float32NetworkObjective f32, double[] theta, double seconds, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = (int) ((i * 2654435761L) % n);
        }
        double[] g = new double[theta.length];
        for (int round = 0; round < 4; round++) {
            long c0 = cpu();
            long samples = 0;
            int at = 0;
            while (cpu() - c0 < seconds * 1e9 / 2) {
                f32.batchValueAndGradient(theta, perm, at, at + 128, g);
                samples += 128;
                at = (at + 128) % (n - 128);
            }
            double cs = (cpu() - c0) * 1e-9;
            System.out.printf(Locale.ROOT, "train float32 batch 128: %.0f samples/cpu-s%n", samples / cs);
        }
    }

    private static void hvp(NetworkObjective h, double[] theta, double seconds) {
        double[] v = new double[theta.length];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        double[][] points = {theta, theta.clone()};
        if (!Boolean.getBoolean("w6.cached")) {
            points[1][0] += 1e-3;
        }
        double[] out = new double[theta.length];
        for (int round = 0; round < 4; round++) {
            long c0 = cpu();
            int k = 0;
            while (cpu() - c0 < seconds * 1e9 / 4) {
                h.hessianVector(points[k & 1], v, out);
                k++;
            }
            double cs = (cpu() - c0) * 1e-9;
            System.out.printf(Locale.ROOT, "hvp float64 1024 samples %s: %.2f HVPs/cpu-s%n", Boolean.getBoolean("w6.cached") ? "cached" : "fresh", k / cs);
        }
    }

    static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }
}
