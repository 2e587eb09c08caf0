package org.oneneuron.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.model.LayerSpec;

/**
 * CPU time per sample of each product of a convolution in each layout, for tuning
 * {@link ShiftPlan}'s choice (not a test; run by hand). W5's two convolutions by default, or one
 * given as {@code C H W F K PAD}; float32 on 64 rows or float64 on 256. Interleaved rounds,
 * minima reported, so a loaded machine's drift hits every variant alike. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.engine.ConvPieceTimes float|double [C H W F K PAD]}
 */
public final class ConvPieceTimes {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ConvPieceTimes() {
    }

    public static void main(String[] args) {
        boolean single = args.length == 0 || !args[0].equals("double");
        int[][] layers = args.length >= 7
                ? new int[][] {{Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6])}}
                : new int[][] {{1, 28, 28, 8, 5, 0}, {8, 12, 12, 16, 5, 0}};
        for (int[] l : layers) {
            time(single, new Shape(l[0], l[1], l[2]), new LayerSpec.Conv(l[3], l[4], l[4], 1, l[5]));
        }
    }

    private static void time(boolean single, Shape in, LayerSpec.Conv spec) {
        PlaneArith ar = single ? new F32Arith(Backends.create("vector")) : new F64Arith(Backends.create("vector"));
        int weights = spec.filters() * spec.kernelSize(in);
        ShiftPlan g = new ShiftPlan(in, spec, 0, weights);
        int rows = single ? 64 : 256;
        SplittableRandom rnd = new SplittableRandom(1);
        Buf theta = fill(ar.alloc(weights + spec.filters()), rnd);
        Buf x = fill(ar.alloc(rows * in.size()), rnd);
        Buf dy = fill(ar.alloc(rows * g.out.size()), rnd);
        Buf grad = ar.alloc(weights + spec.filters());
        Buf y = ar.alloc(rows * g.out.size());
        Buf dx = ar.alloc(rows * in.size());
        ShiftConv conv = new ShiftConv(in, spec, 0, weights);
        String[] names = {"value rows", "value lanes", "vjp dots+correlate", "vjp lanes+gather", "vjp dots+gather",
            "vjp lanes+correlate", "vjp runs+gather", "vjp runs+correlate", "pooled dy: runs+gather dense",
            "pooled dy: runs+gather sparse", "pooled dy: gradient dense", "pooled dy: gradient sparse"};
        ShiftConv.State[] states = new ShiftConv.State[names.length];
        ShiftPlan.Gradient dots = ShiftPlan.Gradient.DOTS;
        ShiftPlan.Gradient lanes = ShiftPlan.Gradient.LANES;
        ShiftPlan.Gradient runs = ShiftPlan.Gradient.RUNS;
        states[0] = new ShiftConv.State(ar, conv.g, rows, false, dots, false, false);
        states[1] = new ShiftConv.State(ar, conv.g, rows, true, dots, false, false);
        states[2] = new ShiftConv.State(ar, conv.g, rows, false, dots, false, false);
        states[3] = new ShiftConv.State(ar, conv.g, rows, false, lanes, true, false);
        states[4] = new ShiftConv.State(ar, conv.g, rows, false, dots, true, false);
        states[5] = new ShiftConv.State(ar, conv.g, rows, false, lanes, false, false);
        states[6] = new ShiftConv.State(ar, conv.g, rows, false, runs, true, false);
        states[7] = new ShiftConv.State(ar, conv.g, rows, false, runs, false, false);
        states[8] = new ShiftConv.State(ar, conv.g, rows, false, runs, true, false);
        states[9] = new ShiftConv.State(ar, conv.g, rows, false, runs, true, true);
        states[10] = states[8];
        states[11] = states[9];
        Buf pooled = pooled(ar, dy, rows, g.out, rnd);
        Pass p = new Pass(ar);
        p.theta.d = theta.d;
        p.theta.f = theta.f;
        p.rows = rows;
        p.kind = PassKind.GRADIENT;
        p.out = grad;
        double[] best = new double[names.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < 12; round++) {
            for (int k = 0; k < names.length; k++) {
                long c0 = now();
                for (int rep = 0; rep < 5; rep++) {
                    if (k < 2) {
                        conv.value(p, x, 0, y, states[k]);
                    } else if (k >= 8) {
                        conv.vjp(p, x, 0, pooled, k >= 10 ? null : dx, states[k]);
                    } else {
                        conv.vjp(p, x, 0, dy, dx, states[k]);
                    }
                }
                best[k] = Math.min(best[k], (now() - c0) * 1e-3 / (5.0 * rows));
            }
        }
        ShiftConv.State chosen = conv.newState(ar, rows);
        System.out.printf(Locale.ROOT, "%s %s %s (lanes %d; plan: forward %s, gradient %s, input adjoint %s)%n",
                ar.precision(), in, spec.word(), ar.lanes(), chosen.lanesForward ? "lanes" : "rows",
                chosen.gradient.name().toLowerCase(Locale.ROOT), chosen.gather ? "gather" : "correlate");
        for (int k = 0; k < names.length; k++) {
            System.out.printf(Locale.ROOT, "  %-22s %7.2f µs/sample%n", names[k], best[k]);
        }
    }

    /**
     * δy as a 2×2 max pooling and a ReLU leave it: in each window one position (drawn) keeps its
     * value with probability 1/2, the rest are zero (~1/8 of the entries nonzero); with
     * {@code -Ddensity=q}, each entry kept with probability q instead.
     */
    private static Buf pooled(PlaneArith ar, Buf dy, int rows, Shape out, SplittableRandom rnd) {
        Buf b = ar.alloc(dy.length());
        String density = System.getProperty("density");
        if (density != null) {
            double keep = Double.parseDouble(density);
            for (int i = 0; i < b.length(); i++) {
                b.set(i, rnd.nextDouble() < keep ? dy.get(i) : 0);
            }
            return b;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < out.channels(); c++) {
                for (int i = 0; i + 1 < out.height(); i += 2) {
                    for (int j = 0; j + 1 < out.width(); j += 2) {
                        int at = ((r * out.channels() + c) * out.height() + i + rnd.nextInt(2)) * out.width() + j
                                + rnd.nextInt(2);
                        b.set(at, rnd.nextBoolean() ? dy.get(at) : 0);
                    }
                }
            }
        }
        return b;
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
