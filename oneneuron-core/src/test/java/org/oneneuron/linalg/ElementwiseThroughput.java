package org.oneneuron.linalg;

import java.util.Locale;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Throughput (elements/s, best of several rounds) of the deterministic vector kernels against the
 * Vector API's SVML-backed TANH/EXP on 64K arrays; a measurement main, not a test. Run with
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes
 * org.oneneuron.linalg.ElementwiseThroughput}.
 */
public final class ElementwiseThroughput {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int N = 1 << 16;

    private ElementwiseThroughput() {
    }

    private interface Kernel {
        void run();
    }

    /** Prints one line per kernel. */
    public static void main(String[] args) {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] x = rnd.doubles(N, -3, 3).toArray();
        double[] y = new double[N];
        float[] xf = new float[N];
        float[] yf = new float[N];
        for (int i = 0; i < N; i++) {
            xf[i] = (float) x[i];
        }
        VectorElementwise det = new VectorElementwise();
        report("tanh  double svml         ", () -> svml(x, y, VectorOperators.TANH));
        report("tanh  double deterministic", () -> det.tanh(x, 0, y, 0, N));
        report("tanh  double Math.tanh    ", () -> {
            for (int i = 0; i < N; i++) {
                y[i] = Math.tanh(x[i]);
            }
        });
        report("exp   double svml         ", () -> svml(x, y, VectorOperators.EXP));
        report("exp   double deterministic", () -> det.exp(x, 0, y, 0, N));
        report("sigm  double deterministic", () -> det.sigmoid(x, 0, y, 0, N));
        report("tanh  float  svml         ", () -> svml(xf, yf, VectorOperators.TANH));
        report("tanh  float  deterministic", () -> det.tanh(xf, 0, yf, 0, N));
        report("exp   float  svml         ", () -> svml(xf, yf, VectorOperators.EXP));
        report("exp   float  deterministic", () -> det.exp(xf, 0, yf, 0, N));
    }

    private static void svml(double[] x, double[] y, VectorOperators.Unary op) {
        for (int i = 0; i < N; i += D.length()) {
            DoubleVector.fromArray(D, x, i).lanewise(op).intoArray(y, i);
        }
    }

    private static void svml(float[] x, float[] y, VectorOperators.Unary op) {
        for (int i = 0; i < N; i += F.length()) {
            FloatVector.fromArray(F, x, i).lanewise(op).intoArray(y, i);
        }
    }

    private static void report(String name, Kernel kernel) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            for (int rep = 0; rep < 50; rep++) {
                kernel.run();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 50.0);
        }
        System.out.println(String.format(Locale.ROOT, "%s %8.1f M elements/s", name, N / best * 1e3));
    }
}
