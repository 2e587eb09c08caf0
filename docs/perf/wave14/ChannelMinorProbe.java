package org.oneneuron.linalg;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * W5's conv2 weight gradient (8×12×12 input, 16 filters 5×5, 64 samples, float32) both ways,
 * thread CPU per sample, minimum over rounds (a throwaway harness, not a test):
 * channels in lanes (δy transposed per sample, then ConvKernels.bcast) against runs in lanes
 * (x transposed to channel-minor per sample, then ConvKernels.runs per kernel row), and the bits
 * of both against each other. Usage, from oneneuron-core after a build:
 * javac --add-modules jdk.incubator.vector -d OUT -cp target/classes ChannelMinorProbe.java;
 * java --add-modules jdk.incubator.vector -XX:+UseSerialGC -cp OUT:target/classes:JACKSON
 * org.oneneuron.linalg.ChannelMinorProbe [rounds]
 */
public final class ChannelMinorProbe {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
        int rows = 64, c = 8, h = 12, w = 12, f = 16, k = 5, oh = 8, ow = 8, p = 64, taps = c * k * k;
        int lanes = ConvKernels.lanes(true);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] x = new float[rows * c * h * w];
        float[] dy = new float[rows * f * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = (float) rnd.nextDouble(-1, 1);
        }
        float[] xt = new float[rows * c * h * w + 3 * lanes];
        float[] dt = new float[rows * p * f];
        int[] forward = new int[taps];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    forward[(ch * k + i) * k + j] = (ch * h + i) * w + j;
                }
            }
        }
        int[] positions = new int[p];
        int[] index = new int[p];
        int[] runStarts = new int[p];
        for (int q = 0; q < p; q++) {
            positions[q] = (q / ow) * w + q % ow;
            index[q] = q;
            runStarts[q] = positions[q] * c;
        }
        int[] filterRows = new int[f];
        int[] filterTaps = new int[f];
        for (int q = 0; q < f; q++) {
            filterRows[q] = q * p;
            filterTaps[q] = q * taps;
        }
        int[] runTaps = new int[k * c];
        for (int j = 0; j < k; j++) {
            for (int ch = 0; ch < c; ch++) {
                runTaps[j * c + ch] = ch * k * k + j;
            }
        }
        float[] lanesGrad = new float[f * taps];
        float[] runsGrad = new float[f * taps];
        double bestLanes = Double.MAX_VALUE;
        double bestRuns = Double.MAX_VALUE;
        double bestTransposes = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long t0 = MX.getCurrentThreadCpuTime();
            for (int r = 0; r < rows; r++) {
                ConvKernels.transpose(dy, r * f * p, f, p, dt, r * p * f);
            }
            ConvKernels.bcast(taps, p, f, forward, positions, dt, 0, f, p * f, x, 0, c * h * w, rows, true, false,
                    lanesGrad, 0, taps);
            long t1 = MX.getCurrentThreadCpuTime();
            for (int r = 0; r < rows; r++) {
                ConvKernels.transpose(x, r * c * h * w, c, h * w, xt, r * c * h * w);
            }
            long t2 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < k; i++) {
                ConvKernels.runs(f, p, k * c, filterRows, index, runStarts, xt, i * w * c, c * h * w, dy, 0, f * p, rows,
                        false, runsGrad, i * k, filterTaps, runTaps);
            }
            long t3 = MX.getCurrentThreadCpuTime();
            bestLanes = Math.min(bestLanes, (t1 - t0) * 1e-3 / rows);
            bestTransposes = Math.min(bestTransposes, (t2 - t1) * 1e-3 / rows);
            bestRuns = Math.min(bestRuns, (t3 - t1) * 1e-3 / rows);
        }
        int differ = 0;
        for (int i = 0; i < lanesGrad.length; i++) {
            if (Float.floatToRawIntBits(lanesGrad[i]) != Float.floatToRawIntBits(runsGrad[i])) {
                differ++;
            }
        }
        System.out.printf(Locale.ROOT, "lanes %d: channels in lanes %.2f µs/sample; runs %.2f (of it the transposes %.2f); %d of %d outputs differ in bits%n",
                lanes, bestLanes, bestRuns, bestTransposes, differ, lanesGrad.length);
    }
}
