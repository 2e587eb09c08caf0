package org.oneneuron.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oneneuron.linalg.Blas;

/**
 * GEMM throughput per CPU-second of the calling thread, robust to other processes' load
 * ({@code oneneuron bench kernel --shape M,N,K,LAYOUT [--dtype D] [--samples S] [--blas B]}): one GFLOP/s
 * figure per 100 ms of CPU time; the first ones include JIT warm-up.
 */
final class KernelCpuTime {

    private KernelCpuTime() {
    }

    /** The shape option M,N,K,LAYOUT (LAYOUT: nn, nt, tn or tt for op(A), op(B)), validated. */
    record Shape(int m, int n, int k, boolean transA, boolean transB) {

        static Shape parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException("'bench kernel' needs --shape M,N,K,LAYOUT, e.g. 569,64,30,nt");
            }
            String[] f = text.split(",");
            if (f.length != 4 || !f[3].matches("[nt][nt]")) {
                throw new IllegalArgumentException("--shape must be M,N,K,LAYOUT with LAYOUT one of nn, nt,"
                        + " tn, tt, e.g. 569,64,30,nt; got '" + text + "'");
            }
            int[] mnk = new int[3];
            for (int i = 0; i < 3; i++) {
                try {
                    mnk[i] = Integer.parseInt(f[i].trim());
                } catch (NumberFormatException e) {
                    mnk[i] = 0;
                }
                if (mnk[i] < 1 || mnk[i] > 8192) {
                    throw new IllegalArgumentException("--shape: '" + f[i] + "' is not a size in 1..8192");
                }
            }
            return new Shape(mnk[0], mnk[1], mnk[2], f[3].charAt(0) == 't', f[3].charAt(1) == 't');
        }
    }

    /**
     * Runs {@code samples} samples of 100 ms CPU time each of dgemm, or sgemm when {@code single},
     * and reports GFLOP/s per sample and their median.
     */
    static Map<String, Object> run(Blas blas, Shape s, int samples, boolean single) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SplittableRandom rnd = new SplittableRandom(1);
        double[] a = rnd.doubles((long) s.m() * s.k(), 0, 1).toArray();
        double[] b = rnd.doubles((long) s.k() * s.n(), 0, 1).toArray();
        double[] c = new double[s.m() * s.n()];
        float[] af = single ? toFloat(a) : null;
        float[] bf = single ? toFloat(b) : null;
        float[] cf = single ? new float[c.length] : null;
        int lda = s.transA() ? s.m() : s.k();
        int ldb = s.transB() ? s.k() : s.n();
        List<Double> gflops = new ArrayList<>();
        for (int rep = 0; rep < samples; rep++) {
            long c0 = mx.getCurrentThreadCpuTime();
            int calls = 0;
            while (mx.getCurrentThreadCpuTime() - c0 < 100_000_000L) {
                if (single) {
                    blas.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1f, af, 0, lda, bf, 0, ldb, 0f,
                            cf, 0, s.n());
                } else {
                    blas.dgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), 1.0, a, 0, lda, b, 0, ldb, 0.0,
                            c, 0, s.n());
                }
                calls++;
            }
            double nanos = mx.getCurrentThreadCpuTime() - c0;
            gflops.add(2.0 * s.m() * s.n() * s.k() * calls / nanos);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", "kernel");
        m.put("blas", blas.name());
        m.put("dtype", single ? "float32" : "float64");
        m.put("m", s.m());
        m.put("n", s.n());
        m.put("k", s.k());
        m.put("layout", (s.transA() ? "t" : "n") + (s.transB() ? "t" : "n"));
        m.put("gflop_per_cpu_s", gflops);
        m.put("gflop_per_cpu_s_median", median(gflops));
        return m;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
    }
}
