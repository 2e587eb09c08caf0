package org.oneneuron.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.data.Shape;
import org.oneneuron.linalg.Backends;
import org.oneneuron.model.LayerSpec;

/**
 * CPU time per sample of each piece of a stride-1 convolution's reverse pass in float32 on 64 rows
 * (not a test; run by hand), W5's two convolutions: δyᵀ, the channel-lanes weight gradient, the
 * shifted copies and the positions-in-lanes weight gradient, the bias sums, the input adjoint's
 * columns Kᵀ·δy and their col2im gather. Minima over 15 rounds. Usage:
 * {@code java --add-modules jdk.incubator.vector -cp CP org.oneneuron.engine.ConvReversePieces}
 */
public final class ConvReversePieces {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final String[] NAMES = {"transpose δy", "lane gradient", "shifted copies", "dots gradient",
        "bias sums", "columns Kᵀ·δy", "col2im gather"};

    private ConvReversePieces() {
    }

    public static void main(String[] args) {
        time(new Shape(1, 28, 28), new LayerSpec.Conv(8, 5, 5, 1, 0));
        time(new Shape(8, 12, 12), new LayerSpec.Conv(16, 5, 5, 1, 0));
    }

    private static void time(Shape in, LayerSpec.Conv spec) {
        PlaneArith ar = new F32Arith(Backends.create("vector"));
        int weights = spec.filters() * spec.kernelSize(in);
        ShiftPlan g = new ShiftConv(in, spec, 0, weights).g;
        int rows = 64;
        SplittableRandom rnd = new SplittableRandom(1);
        Buf theta = fill(ar.alloc(weights + spec.filters()), rnd);
        Buf x = fill(ar.alloc(rows * in.size()), rnd);
        Buf dy = fill(ar.alloc(rows * g.out.size()), rnd);
        Buf grad = ar.alloc(weights + spec.filters());
        Buf dx = ar.alloc(rows * in.size());
        int group = new ShiftConv.State(ar, g, rows).group;
        Buf dt = ar.alloc(group * g.positions * g.filters);
        Buf copies = ar.alloc(group * g.copiesSize);
        Buf cols = ar.alloc(g.columnsLength(ar.lanes()));
        double[] best = new double[NAMES.length];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < 15; round++) {
            long[] t = new long[NAMES.length];
            for (int r0 = 0; r0 < rows; r0 += group) {
                int count = Math.min(group, rows - r0);
                long c = now();
                g.transposeAdjoints(ar, dy, r0, count, dt);
                t[0] += now() - c;
                c = now();
                g.laneGradient(ar, dt, x, g.paddedOffset(0, r0), count, r0 > 0, grad);
                t[1] += now() - c;
                c = now();
                g.groupCopies(ar, x, 0, r0, count, null, copies);
                t[2] += now() - c;
                c = now();
                g.dotsGradient(ar, dy, r0, copies, count, r0 > 0, grad);
                t[3] += now() - c;
                c = now();
                g.biasSums(ar, dy, r0, count, r0 > 0, grad, new double[count]);
                t[4] += now() - c;
                for (int r = r0; r < r0 + count; r++) {
                    c = now();
                    g.columns(ar, theta, dy, r, false, cols);
                    t[5] += now() - c;
                    c = now();
                    g.gather(ar, cols, dx, r);
                    t[6] += now() - c;
                }
            }
            for (int k = 0; k < NAMES.length; k++) {
                best[k] = Math.min(best[k], t[k] * 1e-3 / rows);
            }
        }
        System.out.printf(Locale.ROOT, "float32 %s %s (group %d)%n", in, spec.word(), group);
        for (int k = 0; k < NAMES.length; k++) {
            System.out.printf(Locale.ROOT, "  %-16s %7.2f µs/sample%n", NAMES[k], best[k]);
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
