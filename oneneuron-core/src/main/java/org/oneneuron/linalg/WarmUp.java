package org.oneneuron.linalg;

/**
 * Runs every kernel path (all four GEMM layouts, both tails, β = 0 and β ≠ 0, level 1 and 2, the
 * element-wise functions) a few hundred times on small operands, so that the JIT compiles them
 * before timed or long work starts. Matters for the Vector API: until C2 compiles a kernel, its
 * vector operations run unintrinsified, orders of magnitude slower. Costs well under a second.
 */
final class WarmUp {

    private static final int ROUNDS = 160;

    private WarmUp() {
    }

    static void run(Blas blas) {
        int m = 13;
        int n = 37;
        int k = 29;
        double[] a = filled(m * k + k * k);
        double[] b = filled(k * n + n * k);
        double[] c = new double[Math.max(m, k) * Math.max(n, k)];
        float[] af = new float[a.length];
        float[] bf = new float[b.length];
        float[] cf = new float[c.length];
        for (int i = 0; i < a.length; i++) {
            af[i] = (float) a[i];
        }
        for (int i = 0; i < b.length; i++) {
            bf[i] = (float) b[i];
        }
        double[] t = new double[97];
        float[] tf = new float[97];
        for (int round = 0; round < ROUNDS; round++) {
            boolean ta = (round & 1) != 0;
            boolean tb = (round & 2) != 0;
            double beta = (round & 4) != 0 ? 0.5 : 0.0;
            int lda = ta ? m : k;
            int ldb = tb ? k : n;
            blas.dgemm(ta, tb, m, n, k, 0.5, a, 0, lda, b, 0, ldb, beta, c, 0, n);
            blas.sgemm(ta, tb, m, n, k, 0.5f, af, 0, lda, bf, 0, ldb, (float) beta, cf, 0, n);
            blas.dgemm(ta, tb, 24, 32, k, 0.5, a, 0, ta ? 24 : k, b, 0, tb ? k : 32, beta, c, 0, 32);
            blas.sgemm(ta, tb, 24, 32, k, 0.5f, af, 0, ta ? 24 : k, bf, 0, tb ? k : 32, (float) beta, cf, 0, 32);
            blas.dgemv(ta, m, k, 1.0, a, 0, k, b, 0, beta, c, 0);
            blas.sgemv(ta, m, k, 1.0f, af, 0, k, bf, 0, (float) beta, cf, 0);
            blas.daxpy(97, 1e-3, a, 0, t, 0);
            blas.saxpy(97, 1e-3f, af, 0, tf, 0);
            blas.dscal(97, 0.5, t, 0);
            blas.sscal(97, 0.5f, tf, 0);
            c[0] += blas.ddot(97, a, 0, b, 0) + blas.sdot(97, af, 0, bf, 0);
            ArrayMath.tanh(a, 0, t, 0, 97);
            ArrayMath.exp(a, 0, t, 0, 97);
            ArrayMath.sigmoid(a, 0, t, 0, 97);
            ArrayMath.tanh(af, 0, tf, 0, 97);
            ArrayMath.exp(af, 0, tf, 0, 97);
            ArrayMath.sigmoid(af, 0, tf, 0, 97);
        }
    }

    private static double[] filled(int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = ((i * 37) % 101) / 101.0 - 0.5;
        }
        return v;
    }
}
