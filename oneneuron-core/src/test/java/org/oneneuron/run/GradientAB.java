package org.oneneuron.run;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.Reduction;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.Objective;

/**
 * Two builds' loss-and-gradient side by side in one JVM (not a test; run by hand), like
 * {@code W5BodyAB} for a whole objective: each build's classes in a class loader of their own,
 * the same data and θ, timed in alternating short rounds of thread CPU; the figure is the median
 * of the paired per-round ratios B/A after a quarter of the rounds as warm-up. Workloads: {@code w1}
 * (W1's shape: 569 × 30, MLP 30-64-64-1 tanh + the skip exponential neuron, float64, full batch)
 * and {@code w2} (W2's: 784-256-256-1 relu, float32, 128-row minibatches of 12,000 rows). Usage:
 * {@code java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp TEST_CLASSES:CORE_DEPS
 * org.oneneuron.run.GradientAB CLASSES_A CLASSES_B w1|w2 [rounds] [seconds per round]}.
 */
public final class GradientAB {

    private GradientAB() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 0.25;
        URL self = GradientAB.class.getProtectionDomain().getCodeSource().getLocation();
        List<URL> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            URL url = Path.of(entry).toUri().toURL();
            if (!url.equals(self)) {
                rest.add(url);
            }
        }
        Method[] round = new Method[2];
        for (int v = 0; v < 2; v++) {
            List<URL> urls = new ArrayList<>();
            urls.add(Path.of(args[v]).toUri().toURL());
            urls.add(self);
            urls.addAll(rest);
            URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> body = loader.loadClass(Step.class.getName());
            body.getMethod("init", String.class).invoke(null, workload);
            round[v] = body.getMethod("round", double.class);
        }
        double[][] t = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < 2; v++) {
                t[v][r] = (double) round[v].invoke(null, seconds);
            }
        }
        int warm = rounds / 4;
        int kept = rounds - warm;
        double[] ratio = new double[kept];
        double[] a = Arrays.copyOfRange(t[0], warm, rounds);
        double[] b = Arrays.copyOfRange(t[1], warm, rounds);
        for (int r = 0; r < kept; r++) {
            ratio[r] = b[r] / a[r];
        }
        Arrays.sort(ratio);
        Arrays.sort(a);
        Arrays.sort(b);
        System.out.printf(Locale.ROOT, "%s: median A %.1f, B %.1f µs per gradient (minima %.1f, %.1f); "
                + "B/A paired median %.3f (%.3f … %.3f)%n", workload, a[kept / 2], b[kept / 2], a[0], b[0],
                ratio[kept / 2], ratio[0], ratio[kept - 1]);
    }

    /** One build's objective, loaded by that build's class loader. */
    public static final class Step {

        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        private static Objective objective;
        private static double[] theta;
        private static double[] gradient;
        private static int[] order;
        private static int batch;
        private static int cursor;

        private Step() {
        }

        /** Builds the workload's objective at its initial point. */
        public static void init(String workload) {
            boolean w1 = workload.equals("w1");
            int n = w1 ? 569 : 12000;
            int d = w1 ? 30 : 784;
            int h = w1 ? 64 : 256;
            SplittableRandom rnd = new SplittableRandom(7);
            double[] x = new double[n * d];
            for (int i = 0; i < x.length; i++) {
                x[i] = w1 ? rnd.nextGaussian() : (float) rnd.nextGaussian();
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[i * d] + x[i * d + 1] * x[i * d + 2] >= 0 ? 1 : -1;
            }
            NetworkSpec spec = new NetworkSpec(d, List.of(h, h), Activation.parse(w1 ? "tanh" : "relu"),
                    NeuronKind.SKIP_EXP);
            Dataset data = new Dataset("ab", x, y, d, Collections.nCopies(d, "x"), List.of("-1", "+1"));
            Problem problem = Problem.builder(spec, data).loss(Losses.CUBIC_HINGE).reduction(Reduction.MEAN)
                    .lambda(1e-2).precision(w1 ? Precision.FLOAT64 : Precision.FLOAT32).seed(1).build();
            objective = problem.descendedObjective();
            theta = problem.initialPoint();
            gradient = new double[theta.length];
            batch = w1 ? 0 : 128;
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }

        /** Gradients for about {@code seconds} of thread CPU; CPU µs per gradient. */
        public static double round(double seconds) {
            long reps = 0;
            long start = MX.getCurrentThreadCpuTime();
            long used;
            do {
                if (batch == 0) {
                    objective.valueAndGradient(theta, gradient);
                } else {
                    if (cursor + batch > order.length) {
                        cursor = 0;
                    }
                    ((org.oneneuron.objective.SampledObjective) objective).batchValueAndGradient(theta, order, cursor,
                            cursor + batch, gradient);
                    cursor += batch;
                }
                reps++;
                used = MX.getCurrentThreadCpuTime() - start;
            } while (used < seconds * 1e9);
            return used * 1e-3 / reps;
        }
    }
}
