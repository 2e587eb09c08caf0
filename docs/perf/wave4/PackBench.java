// Throw-away harness (issue 19, fourth session): the transposing B pack of VectorSgemm, four ways.
// java --add-modules jdk.incubator.vector docs/perf/wave4/PackBench.java 256 784 flush
import jdk.incubator.vector.*;
public class PackBench {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length(), NRW = 2 * L;
    static void colwise(int n, int k, float[] b, int ldb, float[] bp) {
        for (int jp = 0; jp < n / NRW; jp++) { int j0 = jp * NRW, base = jp * k * NRW;
            for (int j = 0; j < NRW; j++) { int src = (j0 + j) * ldb;
                for (int p = 0; p < k; p++) bp[base + p * NRW + j] = b[src + p]; } }
    }
    static void rowwise(int n, int k, float[] b, int ldb, float[] bp) {
        for (int jp = 0; jp < n / NRW; jp++) { int j0 = jp * NRW, base = jp * k * NRW, src0 = j0 * ldb;
            for (int p = 0; p < k; p++) { int dst = base + p * NRW, src = src0 + p;
                for (int j = 0; j < NRW; j++) bp[dst + j] = b[src + j * ldb]; } }
    }
    static void gather(int n, int k, float[] b, int ldb, float[] bp, int[] map) {
        for (int jp = 0; jp < n / NRW; jp++) { int j0 = jp * NRW, base = jp * k * NRW, src0 = j0 * ldb;
            for (int p = 0; p < k; p++) { int dst = base + p * NRW;
                FloatVector.fromArray(S, b, src0 + p, map, 0).intoArray(bp, dst);
                FloatVector.fromArray(S, b, src0 + p, map, L).intoArray(bp, dst + L); } }
    }
    static void blocked(int n, int k, float[] b, int ldb, float[] bp, int pb) {
        for (int jp = 0; jp < n / NRW; jp++) { int j0 = jp * NRW, base = jp * k * NRW;
            for (int p0 = 0; p0 < k; p0 += pb) { int pe = Math.min(k, p0 + pb);
                for (int j = 0; j < NRW; j++) { int src = (j0 + j) * ldb;
                    for (int p = p0; p < pe; p++) bp[base + p * NRW + j] = b[src + p]; } } }
    }
    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]), k = Integer.parseInt(a[1]); boolean flush = a.length > 2;
        float[] b = new float[n * k]; for (int i = 0; i < b.length; i++) b[i] = i * 0.5f;
        float[] bp = new float[n * k], ref = new float[n * k];
        int[] map = new int[NRW]; for (int j = 0; j < NRW; j++) map[j] = j * k;
        double[] junk = new double[1 << 20]; // 8 MB, as the θ passes of a W2 step
        colwise(n, k, b, k, ref);
        long[] t = new long[5]; var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 4000; round++) {
            for (int v = 0; v < 5; v++) {
                if (flush) { for (int i = 0; i < junk.length; i += 8) junk[i] += 1; for (int i = 0; i < b.length; i += 16) b[i] += 0f; }
                long s = bean.getCurrentThreadCpuTime();
                if (v == 0) colwise(n, k, b, k, bp); else if (v == 1) rowwise(n, k, b, k, bp); else if (v == 2) gather(n, k, b, k, bp, map); else blocked(n, k, b, k, bp, v == 3 ? 16 : 64);
                if (round >= 1000) t[v] += bean.getCurrentThreadCpuTime() - s;
            }
            if (round == 0 && !java.util.Arrays.equals(ref, bp)) throw new AssertionError();
        }
        System.out.printf("n=%d k=%d flush=%b us/pack: colwise %.1f rowwise %.1f gather %.1f blocked16 %.1f blocked64 %.1f%n", n, k, flush, t[0] / 3000e3, t[1] / 3000e3, t[2] / 3000e3, t[3] / 3000e3, t[4] / 3000e3);
    }
}
