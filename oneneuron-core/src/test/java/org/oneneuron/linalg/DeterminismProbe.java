package org.oneneuron.linalg;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small fixed computation whose result bits are hashed into one line: ArrayMath tanh/exp/sigmoid
 * (double and float) and VectorBlas ddot/sdot over a few array lengths. {@link JitDeterminismTest}
 * runs {@link #main} in a child JVM with -Xint and compares the line with the JIT-compiled one.
 */
public final class DeterminismProbe {

    private static final int[] LENGTHS = {1, 7, 33, 100};

    private DeterminismProbe() {
    }

    /** Prints {@link #fingerprint()} to standard output. */
    public static void main(String[] args) {
        System.out.println(fingerprint());
    }

    static String fingerprint() {
        Blas vector = new VectorBlas();
        long tanhD = 17;
        long expD = 17;
        long sigD = 17;
        long tanhF = 17;
        long expF = 17;
        long sigF = 17;
        long dots = 17;
        for (int n : LENGTHS) {
            SplittableRandom rnd = new SplittableRandom(n);
            double[] x = new double[n];
            float[] xf = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble(-30, 30);
                xf[i] = (float) rnd.nextDouble(-12, 12);
            }
            double[] out = new double[n];
            float[] outF = new float[n];
            ArrayMath.tanh(x, 0, out, 0, n);
            tanhD = hash(tanhD, out);
            dots = dots * 31 + Double.doubleToLongBits(vector.ddot(n, x, 0, out, 0));
            ArrayMath.exp(x, 0, out, 0, n);
            expD = hash(expD, out);
            ArrayMath.sigmoid(x, 0, out, 0, n);
            sigD = hash(sigD, out);
            ArrayMath.tanh(xf, 0, outF, 0, n);
            tanhF = hash(tanhF, outF);
            dots = dots * 31 + Float.floatToIntBits(vector.sdot(n, xf, 0, outF, 0));
            ArrayMath.exp(xf, 0, outF, 0, n);
            expF = hash(expF, outF);
            ArrayMath.sigmoid(xf, 0, outF, 0, n);
            sigF = hash(sigF, outF);
        }
        return String.format(Locale.ROOT, "%s tanh=%x exp=%x sigmoid=%x tanh_f=%x exp_f=%x sigmoid_f=%x dot=%x",
                ArrayMath.implementation(), tanhD, expD, sigD, tanhF, expF, sigF, dots);
    }

    private static long hash(long h, double[] v) {
        for (double d : v) {
            h = h * 31 + Double.doubleToLongBits(d);
        }
        return h;
    }

    private static long hash(long h, float[] v) {
        for (float f : v) {
            h = h * 31 + Float.floatToIntBits(f);
        }
        return h;
    }
}
