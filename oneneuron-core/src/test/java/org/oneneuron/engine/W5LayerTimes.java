package org.oneneuron.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Precision;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;

/**
 * CPU time per sample of each W5 body layer's passes (not a test; run by hand): value and VJP
 * in float32 on blocks of 64 rows, then value, tangent and R-VJP in float64 on 256 rows. For
 * finding where a W5 step spends its time on a machine too loaded for wall-clock timings. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.engine.W5LayerTimes [seconds]}
 */
public final class W5LayerTimes {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    static final String ARCH = "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1";

    private W5LayerTimes() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        NetworkSpec spec = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(ARCH), NeuronKind.SKIP_EXP);
        Graph g = new Graph(spec);
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(g.layout(), 1L);
        System.out.println("blas=" + Backends.active().name());
        run(g, theta, Precision.FLOAT32, 64, false, seconds);
        run(g, theta, Precision.FLOAT64, 256, true, seconds);
    }

    private static void run(Graph g, double[] theta, Precision precision, int rows, boolean hessian, double seconds) {
        Workspace ws = g.newWorkspace(precision, rows);
        float[] t32 = new float[theta.length];
        double[] v = new double[theta.length];
        float[] v32 = new float[theta.length];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < theta.length; i++) {
            t32[i] = (float) theta[i];
            v[i] = rnd.nextGaussian();
            v32[i] = (float) v[i];
        }
        g.load(ws, theta, t32, v, v32);
        Pass p = ws.pass;
        p.rows = rows;
        p.kind = hessian ? PassKind.HESSIAN : PassKind.GRADIENT;
        p.out = p.ar.alloc(theta.length);
        Sequence seq = g.body;
        Sequence.Memory m = ws.body;
        Buf x = p.ar.alloc(rows * 784);
        for (int i = 0; i < rows * 784; i++) {
            x.set(i, rnd.nextGaussian());
        }
        int n = seq.layers.length;
        for (int i = 0; i < n; i++) {
            m.ry[i] = p.ar.alloc(m.y[i].length());
            m.dy[i] = p.ar.alloc(m.y[i].length());
            m.rdy[i] = p.ar.alloc(m.y[i].length());
            for (int k = 0; k < m.dy[i].length(); k++) {
                m.dy[i].set(k, rnd.nextGaussian());
                m.rdy[i].set(k, rnd.nextGaussian());
            }
        }
        String[] names = {"value", "tangent", "vjp", "rvjp"};
        double[][] best = new double[n][4];
        for (double[] bRow : best) {
            java.util.Arrays.fill(bRow, Double.MAX_VALUE);
        }
        int rounds = 6;
        for (int round = 0; round < rounds; round++) {
            long[][] cpu = new long[n][4];
            long reps = 0;
            long start = now();
            while (now() - start < seconds * 1e9) {
                for (int i = 0; i < n; i++) {
                    long t0 = now();
                    seq.layers[i].value(p, i == 0 ? x : m.y[i - 1], 0, m.y[i], m.states[i]);
                    cpu[i][0] += now() - t0;
                }
                if (hessian) {
                    for (int i = 0; i < n; i++) {
                        long t0 = now();
                        seq.layers[i].tangent(p, i == 0 ? x : m.y[i - 1], 0, i == 0 ? null : m.ry[i - 1], m.ry[i], m.states[i]);
                        cpu[i][1] += now() - t0;
                    }
                }
                for (int i = n - 1; i >= 0; i--) {
                    Buf in = i == 0 ? x : m.y[i - 1];
                    Buf dx = i == 0 ? null : m.dy[i - 1];
                    long t0 = now();
                    if (hessian) {
                        p.accumulate = false;
                        seq.layers[i].rvjp(p, in, 0, i == 0 ? null : m.ry[i - 1], m.dy[i], m.rdy[i], dx,
                                i == 0 ? null : m.rdy[i - 1], m.states[i]);
                        cpu[i][3] += now() - t0;
                    } else {
                        seq.layers[i].vjp(p, in, 0, m.dy[i], dx, m.states[i]);
                        cpu[i][2] += now() - t0;
                    }
                }
                reps++;
            }
            for (int i = 0; i < n && round > 0; i++) {
                for (int k = 0; k < 4; k++) {
                    best[i][k] = Math.min(best[i][k], cpu[i][k] * 1e-3 / (reps * rows));
                }
            }
        }
        double total = 0;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                if (best[i][k] > 0 && best[i][k] < Double.MAX_VALUE) {
                    total += best[i][k];
                    s.append(String.format(Locale.ROOT, "  %-28s %-7s %8.2f µs/sample%n",
                            seq.layers[i].getClass().getSimpleName() + " " + seq.layers[i].out, names[k], best[i][k]));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s rows=%d: %.2f µs/sample in the body (sum of per-pass minima over %d rounds)%n%s",
                p.ar.precision(), rows, total, rounds - 1, s);
    }

    private static long now() {
        return MX.getCurrentThreadCpuTime();
    }
}
