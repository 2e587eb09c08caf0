package org.oneneuron.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.oneneuron.linalg.Backends;
import org.oneneuron.linalg.Blas;

/**
 * GEMM throughput per CPU-second of the calling thread, robust to other processes' load:
 * {@code java --add-modules jdk.incubator.vector -cp oneneuron-cli/target/oneneuron.jar
 * org.oneneuron.cli.bench.KernelCpuTime M N K LAYOUT BACKEND [SAMPLES]}, e.g. {@code 569 64 30 nt vector}.
 * Prints one GFLOP/s figure per 100 ms of CPU time; the first ones include JIT warm-up.
 */
public final class KernelCpuTime {

    private KernelCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int m = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int k = Integer.parseInt(args[2]);
        boolean ta = args[3].charAt(0) == 't';
        boolean tb = args[3].charAt(1) == 't';
        Blas blas = Backends.create(args[4]);
        int samples = args.length > 5 ? Integer.parseInt(args[5]) : 25;
        SplittableRandom rnd = new SplittableRandom(1);
        double[] a = rnd.doubles((long) m * k, 0, 1).toArray();
        double[] b = rnd.doubles((long) k * n, 0, 1).toArray();
        double[] c = new double[m * n];
        StringBuilder line = new StringBuilder();
        for (int rep = 0; rep < samples; rep++) {
            long c0 = mx.getCurrentThreadCpuTime();
            int calls = 0;
            while (mx.getCurrentThreadCpuTime() - c0 < 100_000_000L) {
                blas.dgemm(ta, tb, m, n, k, 1.0, a, 0, ta ? m : k, b, 0, tb ? k : n, 0.0, c, 0, n);
                calls++;
            }
            double nanos = mx.getCurrentThreadCpuTime() - c0;
            line.append(String.format(Locale.ROOT, "%.1f ", 2.0 * m * n * k * calls / nanos));
        }
        System.out.println(line.toString().trim() + " GFLOP/s per CPU-second, " + blas.name());
    }
}
