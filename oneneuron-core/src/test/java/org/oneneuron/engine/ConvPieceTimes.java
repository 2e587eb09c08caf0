package org.oneneuron.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.linalg.Backends;
import org.oneneuron.model.LayerSpec;
import org.oneneuron.model.Shape;

/**
 * CPU time per sample of each product of W5's second convolution (8×12×12 → 16×8×8) in float32
 * and float64 (not a test; run by hand), interleaved and as minima over rounds, so that a loaded
 * machine's drift hits every piece alike.
 */
public final class ConvPieceTimes {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ConvPieceTimes() {
    }

    public static void main(String[] args) {
        boolean single = args.length == 0 || !args[0].equals("double");
        Arith ar = single ? new F32Arith(Backends.create("vector")) : new F64Arith(Backends.create("vector"));
        Shape in = new Shape(8, 12, 12);
        LayerSpec.Conv spec = new LayerSpec.Conv(16, 5, 5, 1, 0);
        ShiftPlan g = new ShiftPlan(in, spec, 0, 3200);
        int rows = 64;
        SplittableRandom rnd = new SplittableRandom(1);
        Buf theta = fill(ar.alloc(3216), rnd);
        Buf x = fill(ar.alloc(rows * in.size()), rnd);
        Buf dy = fill(ar.alloc(rows * g.out.size()), rnd);
        Buf grad = ar.alloc(3216);
        Buf dt = ar.alloc(rows * g.positions * g.filters);
        Buf cols = ar.alloc(g.columnsLength(ar.lanes()));
        Buf dx = ar.alloc(rows * in.size());
        Buf kt = ar.alloc(g.taps * g.filters);
        Buf y = ar.alloc(rows * g.out.size());
        String[] names = {"transpose δy", "lane gradient", "columns Kᵀδy", "col2im", "bias sums", "lane forward"};
        double[] best = new double[names.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < 25; round++) {
            long[] t = new long[names.length];
            for (int rep = 0; rep < 30; rep++) {
                long c0 = now();
                g.transposeAdjoints(ar, dy, 0, rows, dt);
                long c1 = now();
                g.laneGradient(ar, dt, x, 0, rows, false, grad);
                long c2 = now();
                for (int r = 0; r < rows; r++) {
                    g.columns(ar, theta, dy, r, false, cols);
                }
                long c3 = now();
                for (int r = 0; r < rows; r++) {
                    g.gather(ar, cols, dx, r);
                }
                long c4 = now();
                g.biasSums(ar, dy, 0, rows, false, grad);
                long c5 = now();
                ar.transpose(theta, 0, g.filters, g.taps, kt, 0);
                for (int r = 0; r < rows; r++) {
                    g.laneForward(ar, kt, x, r * in.size(), y, r * g.out.size());
                }
                long c6 = now();
                t[0] += c1 - c0;
                t[1] += c2 - c1;
                t[2] += c3 - c2;
                t[3] += c4 - c3;
                t[4] += c5 - c4;
                t[5] += c6 - c5;
            }
            for (int k = 0; k < names.length; k++) {
                best[k] = Math.min(best[k], t[k] * 1e-3 / (30.0 * rows));
            }
        }
        System.out.println(ar.precision() + " lanes=" + ar.lanes());
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "  %-14s %7.2f µs/sample%n", names[k], best[k]);
        }
    }

    private static Buf fill(Buf b, SplittableRandom rnd) {
        for (int i = 0; i < b.length(); i++) {
            b.set(i, rnd.nextDouble(-1, 1));
        }
        return b;
    }

    private static long now() {
        return MX.getCurrentThreadCpuTime();
    }
}
