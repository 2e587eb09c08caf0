package org.oneneuron.linalg;

/**
 * Runs every kernel path (all four GEMM layouts, both tails, β = 0 and β ≠ 0, level 1 and 2, the
 * element-wise functions) on small operands until the JIT has compiled them: at least
 * {@link #MIN_ROUNDS} rounds, then until a round is no slower than 1.25× the fastest for
 * {@link #STABLE_ROUNDS} rounds in a row, at most {@link #MAX_NANOS}. Matters for the Vector API:
 * until C2 has compiled a kernel (asynchronously, seconds on a busy machine), its vector
 * operations run unintrinsified, two to three orders of magnitude slower.
 */
final class WarmUp {

    static final int MIN_ROUNDS = 160;
    static final int STABLE_ROUNDS = 40;
    static final long MAX_NANOS = 5_000_000_000L;

    private WarmUp() {
    }

    /** Returns the rounds run. */
    static int run(Blas blas) {
        long start = System.nanoTime();
        long best = Long.MAX_VALUE;
        int stable = 0;
        int rounds = 0;
        Operands operands = new Operands();
        while (System.nanoTime() - start < MAX_NANOS) {
            long t0 = System.nanoTime();
            round(blas, rounds, operands);
            long took = System.nanoTime() - t0;
            rounds++;
            best = Math.min(best, took);
            stable = took <= best + best / 4 ? stable + 1 : 0;
            if (rounds >= MIN_ROUNDS && stable >= STABLE_ROUNDS) {
                break;
            }
        }
        return rounds;
    }

    private static void round(Blas blas, int round, Operands o) {
        int m = 13;
        int n = 37;
        int k = 29;
        boolean ta = (round & 1) != 0;
        boolean tb = (round & 2) != 0;
        double beta = (round & 4) != 0 ? 0.5 : 0.0;
        int lda = ta ? m : k;
        int ldb = tb ? k : n;
        blas.dgemm(ta, tb, m, n, k, 0.5, o.a, 0, lda, o.b, 0, ldb, beta, o.c, 0, n);
        blas.sgemm(ta, tb, m, n, k, 0.5f, o.af, 0, lda, o.bf, 0, ldb, (float) beta, o.cf, 0, n);
        blas.dgemm(ta, tb, 24, 32, k, 0.5, o.a, 0, ta ? 24 : k, o.b, 0, tb ? k : 32, beta, o.c, 0, 32);
        blas.sgemm(ta, tb, 24, 32, k, 0.5f, o.af, 0, ta ? 24 : k, o.bf, 0, tb ? k : 32, (float) beta, o.cf, 0, 32);
        blas.dgemv(ta, m, k, 1.0, o.a, 0, k, o.b, 0, beta, o.c, 0);
        blas.sgemv(ta, m, k, 1.0f, o.af, 0, k, o.bf, 0, (float) beta, o.cf, 0);
        blas.daxpy(97, 1e-3, o.a, 0, o.t, 0);
        blas.saxpy(97, 1e-3f, o.af, 0, o.tf, 0);
        blas.dscal(97, 0.5, o.t, 0);
        blas.sscal(97, 0.5f, o.tf, 0);
        o.c[0] += blas.ddot(97, o.a, 0, o.b, 0) + blas.sdot(97, o.af, 0, o.bf, 0);
        ArrayMath.tanh(o.a, 0, o.t, 0, 97);
        ArrayMath.exp(o.a, 0, o.t, 0, 97);
        ArrayMath.sigmoid(o.a, 0, o.t, 0, 97);
        ArrayMath.tanh(o.af, 0, o.tf, 0, 97);
        ArrayMath.exp(o.af, 0, o.tf, 0, 97);
        ArrayMath.sigmoid(o.af, 0, o.tf, 0, 97);
        if (ConvKernels.available()) {
            convolutions(o);
        }
    }

    /**
     * Every path of {@link ConvKernels} (full and partial tiles, masked last vectors, one and two
     * lane vectors, channel-minor runs, pooling and its adjoint, sums, row copies, transposes) on small operands: a path used once per tile, like
     * the weight gradient's masked last vector, is otherwise interpreted for seconds.
     */
    private static void convolutions(Operands o) {
        int[] off = {0, 1, 2, 30, 31, 32};
        int[] ia = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        ConvKernels.rows(9, 45, 6, off, o.a, 0, 9, o.b, 0, 0, false, o.c, 0, 45, 0, 1);
        ConvKernels.rows(9, 45, 6, off, o.af, 0, 9, o.bf, 0, 0, true, o.cf, 0, 45, 0, 1);
        ConvKernels.dots(9, 45, 6, off, o.a, 0, 45, 0, o.b, 0, 0, 1, false, o.c, 0, 6);
        ConvKernels.dots(9, 45, 6, off, o.af, 0, 45, 0, o.bf, 0, 0, 1, true, o.cf, 0, 6);
        ConvKernels.bcast(18, 6, 20, ia, off, o.a, 0, 20, 0, o.b, 0, 0, 1, true, false, o.c, 0, 18);
        ConvKernels.bcast(18, 6, 20, ia, off, o.af, 0, 20, 0, o.bf, 0, 0, 1, false, true, o.cf, 0, 20);
        ConvKernels.bcast(18, 6, 8, ia, off, o.a, 0, 8, 0, o.b, 0, 0, 1, true, false, o.c, 0, 18);
        ConvKernels.bcast(18, 6, 8, ia, off, o.af, 0, 8, 0, o.bf, 0, 0, 1, false, true, o.cf, 0, 8);
        int[] oa = {0, 20, 40, 60, 80, 100, 120, 140, 160};
        // three samples: the third's runs pass b's end and are read from a padded copy
        ConvKernels.runs(9, 6, 17, ia, off, off, o.b, 0, 1050, o.a, 0, 0, 3, false, o.c, 0, oa, ia);
        ConvKernels.runs(9, 6, 17, ia, off, off, o.bf, 0, 1050, o.af, 0, 0, 3, true, o.cf, 0, oa, ia);
        ConvKernels.col2im(2, 6, 19, 3, 3, 1, 6, 19, o.b, 3, 114, o.c, 0);
        ConvKernels.col2im(2, 6, 19, 3, 3, 1, 6, 19, o.bf, 3, 114, o.cf, 0);
        int[] arg = o.arg;
        ConvKernels.maxPool2x2(o.a, 0, 2, 6, 26, o.t, 0, arg, 0);
        ConvKernels.maxPool2x2(o.af, 0, 2, 6, 26, o.tf, 0, arg, 0);
        ConvKernels.maxPoolAdjoint2x2(o.tf, 0, arg, 0, 2, 6, 26, o.cf, 0);
        int rowVector = Math.max(2, ConvKernels.lanes(true) / 2);
        ConvKernels.maxPool2x2(o.af, 0, 2, 6, rowVector, o.tf, 0, arg, 0);
        ConvKernels.maxPoolAdjoint2x2(o.tf, 0, arg, 0, 2, 6, rowVector, o.cf, 0);
        ConvKernels.sums(o.a, 0, 45, 50, 3, o.c, 1);
        ConvKernels.sums(o.af, 0, 45, 50, 3, o.c, 4);
        ConvKernels.copyRows(o.a, 0, 30, o.t, 0, 24, 3, 21, true, 0.5);
        ConvKernels.copyRows(o.af, 0, 30, o.tf, 0, 24, 3, 21, false, 0f);
        ConvKernels.copyRows(o.af, 0, 30, o.tf, 0, 24, 3, 24, false, 0f);
        ConvKernels.transpose(o.a, 0, 20, 37, o.c, 0);
        ConvKernels.transpose(o.af, 0, 20, 37, o.cf, 0);
        ConvKernels.transpose(o.af, 0, 8, 37, o.cf, 0);
    }

    /** The small operands every round reuses. */
    private static final class Operands {
        final double[] a = filled(13 * 29 + 29 * 29);
        final double[] b = filled(29 * 37 + 37 * 29);
        final double[] c = new double[29 * 37];
        final float[] af = toFloat(a);
        final float[] bf = toFloat(b);
        final float[] cf = new float[c.length];
        final double[] t = new double[97];
        final float[] tf = new float[97];
        final int[] arg = new int[97];
    }

    private static float[] toFloat(double[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) v[i];
        }
        return r;
    }

    private static double[] filled(int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = ((i * 37) % 101) / 101.0 - 0.5;
        }
        return v;
    }
}
