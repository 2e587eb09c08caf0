package org.oneneuron.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * Two builds of the engine side by side in one JVM (not a test; run by hand): each build's
 * classes in a class loader of their own, W5's float32 body (value, then VJP, 64 rows) timed in
 * alternating short rounds, thread CPU per sample. Both builds see the same host state, which
 * moves a whole process by up to 45% on this machine between runs a minute apart; the figure is
 * the median of the paired per-round ratios B/A, after a quarter of the rounds as warm-up. Usage:
 * {@code java -XX:+UseSerialGC --add-modules jdk.incubator.vector -cp TEST_CLASSES
 * org.oneneuron.engine.W5BodyAB CLASSES_A CLASSES_B [rounds] [seconds per round] [whole]}, where
 * {@code whole} times the body's value and reverse passes as the engine runs them ({@link Sequence})
 * instead of layer by layer, and CLASSES_A
 * and CLASSES_B are copies of {@code oneneuron-core/target/classes} of the two builds.
 */
public final class W5BodyAB {

    private W5BodyAB() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 0.25;
        boolean whole = args.length > 4 && args[4].equals("whole");
        URL self = W5BodyAB.class.getProtectionDomain().getCodeSource().getLocation();
        Method[] round = new Method[2];
        String[] names = null;
        for (int v = 0; v < 2; v++) {
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[v]).toUri().toURL(), self},
                    ClassLoader.getPlatformClassLoader());
            Class<?> body = loader.loadClass(Body.class.getName());
            names = (String[]) body.getMethod("init", String.class).invoke(null, W5LayerTimes.ARCH);
            round[v] = body.getMethod(whole ? "wholeRound" : "round", double.class);
            names = whole ? new String[] {"Sequence value + vjp"} : names;
        }
        double[][][] t = new double[2][rounds][];
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < 2; v++) {
                t[v][r] = (double[]) round[v].invoke(null, seconds);
            }
        }
        int warm = rounds / 4;
        int kept = rounds - warm;
        double[] ratio = new double[kept];
        double[][] total = new double[2][kept];
        for (int r = warm; r < rounds; r++) {
            total[0][r - warm] = Arrays.stream(t[0][r]).sum();
            total[1][r - warm] = Arrays.stream(t[1][r]).sum();
            ratio[r - warm] = total[1][r - warm] / total[0][r - warm];
        }
        for (int k = 0; k < names.length; k++) {
            double a = Double.MAX_VALUE;
            double b = Double.MAX_VALUE;
            for (int r = warm; r < rounds; r++) {
                a = Math.min(a, t[0][r][k]);
                b = Math.min(b, t[1][r][k]);
            }
            System.out.printf(Locale.ROOT, "%-34s A %6.2f  B %6.2f µs/sample (minima)%n", names[k], a, b);
        }
        Arrays.sort(ratio);
        Arrays.sort(total[0]);
        Arrays.sort(total[1]);
        System.out.printf(Locale.ROOT, "body: median A %.2f, B %.2f µs/sample; B/A paired median %.3f (%.3f … %.3f)%n",
                total[0][kept / 2], total[1][kept / 2], ratio[kept / 2], ratio[0], ratio[kept - 1]);
    }

    /** One build's W5 body, loaded by that build's class loader. */
    public static final class Body {

        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        private static final int ROWS = 64;
        private static Sequence seq;
        private static Sequence.Memory m;
        private static Pass p;
        private static Buf x;

        private Body() {
        }

        /** Builds the body at a fixed θ and input; returns the names of its passes. */
        public static String[] init(String arch) {
            NetworkSpec spec = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(arch), NeuronKind.SKIP_EXP);
            Graph g = new Graph(spec);
            double[] theta = Initializer.FAN_IN_UNIFORM.initialize(g.layout(), 1L);
            Workspace ws = g.newWorkspace(Precision.FLOAT32, ROWS);
            float[] t32 = new float[theta.length];
            SplittableRandom rnd = new SplittableRandom(5);
            for (int i = 0; i < theta.length; i++) {
                t32[i] = (float) theta[i];
            }
            g.load(ws, theta, t32, new double[theta.length], new float[theta.length]);
            p = ws.pass;
            p.rows = ROWS;
            p.kind = PassKind.GRADIENT;
            p.out = p.ar.alloc(theta.length);
            seq = g.body;
            m = ws.body;
            x = p.ar.alloc(ROWS * 784);
            for (int i = 0; i < ROWS * 784; i++) {
                x.set(i, rnd.nextGaussian());
            }
            int n = seq.layers.length;
            String[] names = new String[2 * n];
            for (int i = 0; i < n; i++) {
                m.dy[i] = p.ar.alloc(m.y[i].length());
                for (int k = 0; k < m.dy[i].length(); k++) {
                    m.dy[i].set(k, rnd.nextGaussian());
                }
                String layer = seq.layers[i].getClass().getSimpleName() + " " + seq.layers[i].out;
                names[2 * i] = layer + " value";
                names[2 * i + 1] = layer + " vjp";
            }
            return names;
        }

        /** Sequence value and VJP for about {@code seconds} of thread CPU; CPU µs per sample. */
        public static double[] wholeRound(double seconds) {
            int n = seq.layers.length;
            long reps = 0;
            long start = MX.getCurrentThreadCpuTime();
            while (MX.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                seq.value(p, x, 0, m);
                seq.vjp(p, x, 0, m.dy[n - 1], null, m);
                reps++;
            }
            return new double[] {(MX.getCurrentThreadCpuTime() - start) * 1e-3 / (reps * ROWS)};
        }

        /** Value and VJP passes for about {@code seconds} of thread CPU; CPU µs per sample per pass. */
        public static double[] round(double seconds) {
            int n = seq.layers.length;
            long[] cpu = new long[2 * n];
            long reps = 0;
            long start = MX.getCurrentThreadCpuTime();
            while (MX.getCurrentThreadCpuTime() - start < seconds * 1e9) {
                for (int i = 0; i < n; i++) {
                    long t0 = MX.getCurrentThreadCpuTime();
                    seq.layers[i].value(p, i == 0 ? x : m.y[i - 1], 0, m.y[i], m.states[i]);
                    cpu[2 * i] += MX.getCurrentThreadCpuTime() - t0;
                }
                for (int i = n - 1; i >= 0; i--) {
                    long t0 = MX.getCurrentThreadCpuTime();
                    seq.layers[i].vjp(p, i == 0 ? x : m.y[i - 1], 0, m.dy[i], i == 0 ? null : m.dy[i - 1],
                            m.states[i]);
                    cpu[2 * i + 1] += MX.getCurrentThreadCpuTime() - t0;
                }
                reps++;
            }
            double[] us = new double[2 * n];
            for (int k = 0; k < 2 * n; k++) {
                us[k] = cpu[k] * 1e-3 / (reps * ROWS);
            }
            return us;
        }
    }
}
