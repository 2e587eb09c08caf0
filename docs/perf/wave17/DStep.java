/*
 * W1's five products (X·W1ᵀ, H1·W2ᵀ, δ2ᵀ·H1, δ2·W2, δ1ᵀ·X at 569 rows, 30-64-64) in sequence, 200
 * steps per round, alternating the double GEMM of a827d3b (VDA: its VectorDgemm renamed, as for
 * Step5.java's VSA) and a copy with the 6 x 4L block (VDB: what ea4ce40 put into VectorDgemm and
 * VectorDgemmKernels); prints GFLOP/s of each and whether their C bits agree.
 *   java [-XX:+UseSerialGC | -XX:+UseG1GC] --add-modules jdk.incubator.vector -cp .:VDA-VDB:CORE:DEPS DStep
 * Serial: old 58.2 new 68.5 | 57.8 68.0 | 77.2 80.3 | 78.3 81.2 | 75.1 79.8 | 78.0 81.0 | 74.1 77.7 | 78.7 82.8
 * G1:     old 71.3 new 78.8 | 72.9 80.8   (same=true in every run)
 */
import org.oneneuron.linalg.*;
public class DStep {
  interface G { void gemm(boolean ta, boolean tb, int m, int n, int k, double al, double[] a, int ao, int lda, double[] b, int bo, int ldb, double be, double[] c, int co, int ldc); }
  static double[] rnd(int n, java.util.Random r) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() - 0.5; return a; }
  public static void main(String[] x) {
    G[] gs = {VDA::gemm, VDB::gemm};
    java.util.Random r = new java.util.Random(1);
    int N = 569, D = 30, H = 64;
    double[] X = rnd(N * D, r), W1 = rnd(H * D, r), W2 = rnd(H * H, r), H1 = rnd(N * H, r), H2 = rnd(N * H, r), d2 = rnd(N * H, r), d1 = rnd(N * H, r), g1 = new double[H * D], g2 = new double[H * H], dh = new double[N * H];
    double[][] C1 = {new double[N*H], new double[N*H]};
    double[] tot = new double[2]; int rounds = 60;
    for (int round = 0; round < rounds; round++) {
      for (int q = 0; q < 2; q++) {
        int g = (round & 1) == 0 ? q : 1 - q;
        long t0 = System.nanoTime();
        for (int s = 0; s < 200; s++) {
          gs[g].gemm(false, true, N, H, D, 1, X, 0, D, W1, 0, D, 0, H1, 0, H);
          gs[g].gemm(false, true, N, H, H, 1, H1, 0, H, W2, 0, H, 0, C1[g], 0, H);
          gs[g].gemm(true, false, H, H, N, 1, d2, 0, H, H1, 0, H, 0, g2, 0, H);
          gs[g].gemm(false, false, N, H, H, 1, d2, 0, H, W2, 0, H, 0, dh, 0, H);
          gs[g].gemm(true, false, H, D, N, 1, d1, 0, H, X, 0, D, 0, g1, 0, D);
        }
        double dt = (System.nanoTime() - t0) * 1e-9;
        if (round >= 10) tot[g] += dt;
      }
    }
    double fl = 2.0 * ((double) N*H*D + N*H*H + H*H*N + N*H*H + H*D*N) * 200 * (rounds - 10);
    System.out.printf("old %.1f GF/s  new %.1f GF/s  same=%b%n", fl / tot[0] * 1e-9, fl / tot[1] * 1e-9, java.util.Arrays.equals(C1[0], C1[1]));
  }
}
