/*
 * W2's five step products (X·W1ᵀ, H1·W2ᵀ, δ2ᵀ·H1, δ2·W2, δ1ᵀ·X at batch 128) in sequence, 100
 * steps per round, alternating the float GEMM of 11318f5 (old) and this build's (new); prints
 * GFLOP/s of each. VSA is 11318f5's VectorSgemm renamed:
 *
 *   git show 11318f5:oneneuron-core/src/main/java/org/oneneuron/linalg/VectorSgemm.java \
 *     | sed 's/final class VectorSgemm/public final class VSA/; s/VectorSgemm(/VSA(/; s/    static void gemm(/    public static void gemm(/' > VSA.java
 *   javac --add-modules jdk.incubator.vector -cp CORE -d old VSA.java   (CORE: this build's core classes)
 *   javac -cp old:CORE:DEPS -d . Step5.java
 *   java [-XX:+UseSerialGC] --add-modules jdk.incubator.vector -cp .:old:CORE:DEPS Step5 FILLER
 *
 * FILLER: longs allocated first (shifts where the buffers land). DEPS: the core module's classpath.
 */
import org.oneneuron.linalg.*;
public class Step5 {
  static float[] rnd(int n, java.util.Random r) { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = r.nextFloat() - 0.5f; return a; }
  interface G { void gemm(boolean ta, boolean tb, int m, int n, int k, float al, float[] a, int ao, int lda, float[] b, int bo, int ldb, float be, float[] c, int co, int ldc); }
  public static void main(String[] x) {
    Object keep = new long[Integer.parseInt(x[0])];
    Blas blas = Backends.create("vector");
    G[] gs = {VSA::gemm, blas::sgemm};
    java.util.Random r = new java.util.Random(1);
    int B = 128, D = 784, H = 256;
    float[] X = rnd(12000 * D, r), W1 = rnd(H * D, r), W2 = rnd(H * H, r), H1 = rnd(B * H, r), H2 = rnd(B * H, r), d2 = rnd(B * H, r), d1 = rnd(B * H, r), g1 = new float[H * D], g2 = new float[H * H], dh = new float[B * H];
    int[] off = new int[200]; for (int i = 0; i < off.length; i++) off[i] = r.nextInt(12000 - B) * D;
    double[] tot = new double[2]; int rounds = 60;
    for (int round = 0; round < rounds; round++) {
      for (int q = 0; q < 2; q++) {
        int g = (round & 1) == 0 ? q : 1 - q;
        long t0 = System.nanoTime();
        for (int s = 0; s < 100; s++) {
          int xo = off[s];
          gs[g].gemm(false, true, B, H, D, 1f, X, xo, D, W1, 0, D, 0f, H1, 0, H);
          gs[g].gemm(false, true, B, H, H, 1f, H1, 0, H, W2, 0, H, 0f, H2, 0, H);
          gs[g].gemm(true, false, H, H, B, 1f, d2, 0, H, H1, 0, H, 0f, g2, 0, H);
          gs[g].gemm(false, false, B, H, H, 1f, d2, 0, H, W2, 0, H, 0f, dh, 0, H);
          gs[g].gemm(true, false, H, D, B, 1f, d1, 0, H, X, xo, D, 0f, g1, 0, D);
        }
        double dt = (System.nanoTime() - t0) * 1e-9;
        if (round >= 10) tot[g] += dt;
      }
    }
    double fl = 2.0 * (B*H*D + B*H*H + H*H*B + B*H*H + H*D*B) * 100 * (rounds - 10);
    System.out.printf(x[0] + " old %.1f GF/s  new %.1f GF/s%n", fl / tot[0] * 1e-9, fl / tot[1] * 1e-9);
  }
}
