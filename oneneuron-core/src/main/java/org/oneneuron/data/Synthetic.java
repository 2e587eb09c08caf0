package org.oneneuron.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data sets in the plane (blobs in any dimension) with labels -1/+1, and the
 * inputs of PAPER §6's constructions. Gaussian noise is drawn by Box–Muller from the seed's
 * {@link SplittableRandom}, so the same arguments give the same numbers on every JDK.
 * Samples of the -1 class come first (floor(n/2) of them), then the +1 class.
 */
public final class Synthetic {
    private static final List<String> PLANE = List.of("x1", "x2");
    private static final List<String> SIGNS = List.of("-1", "1");

    private Synthetic() {
    }

    /**
     * XOR: corners (±1, ±1) plus N(0, noise²) per coordinate; +1 where the corner's signs differ.
     * Sample i sits at corner i mod 4, so the classes alternate.
     */
    public static Dataset xor(int n, double noise, long seed) {
        check(n, noise);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        double[][] corners = {{1, 1}, {1, -1}, {-1, -1}, {-1, 1}};
        for (int i = 0; i < n; i++) {
            double[] c = corners[i % 4];
            x[2 * i] = c[0] + noise * gaussian(rng);
            x[2 * i + 1] = c[1] + noise * gaussian(rng);
            y[i] = c[0] * c[1] < 0 ? 1 : -1;
        }
        return new Dataset("xor", x, y, 2, PLANE, SIGNS);
    }

    /**
     * Two interleaved half circles (as scikit-learn's make_moons): -1 on (cos t, sin t), +1 on
     * (1 - cos t, 1/2 - sin t), t evenly spaced over [0, π], plus N(0, noise²) per coordinate.
     */
    public static Dataset moons(int n, double noise, long seed) {
        check(n, noise);
        SplittableRandom rng = new SplittableRandom(seed);
        int nNeg = n / 2;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean neg = i < nNeg;
            int k = neg ? i : i - nNeg;
            int m = neg ? nNeg : n - nNeg;
            double t = m == 1 ? 0 : Math.PI * k / (m - 1);
            x[2 * i] = (neg ? Math.cos(t) : 1 - Math.cos(t)) + noise * gaussian(rng);
            x[2 * i + 1] = (neg ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * gaussian(rng);
            y[i] = neg ? -1 : 1;
        }
        return new Dataset("moons", x, y, 2, PLANE, SIGNS);
    }

    /**
     * Two concentric circles: -1 on radius 1, +1 on radius {@code factor}, angles evenly spaced,
     * plus N(0, noise²) per coordinate.
     */
    public static Dataset circles(int n, double noise, double factor, long seed) {
        check(n, noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int nNeg = n / 2;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean neg = i < nNeg;
            int k = neg ? i : i - nNeg;
            int m = neg ? nNeg : n - nNeg;
            double t = 2 * Math.PI * k / m;
            double r = neg ? 1 : factor;
            x[2 * i] = r * Math.cos(t) + noise * gaussian(rng);
            x[2 * i + 1] = r * Math.sin(t) + noise * gaussian(rng);
            y[i] = neg ? -1 : 1;
        }
        return new Dataset("circles", x, y, 2, PLANE, SIGNS);
    }

    /** Two Gaussian blobs in d dimensions: -1 around (-1, …, -1), +1 around (1, …, 1), std noise. */
    public static Dataset blobs(int n, int d, double noise, long seed) {
        check(n, noise);
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int nNeg = n / 2;
        double[] x = new double[d * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i < nNeg ? -1 : 1;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = y[i] + noise * gaussian(rng);
            }
        }
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "x" + (j + 1);
        }
        return new Dataset("blobs", x, y, d, List.of(names), SIGNS);
    }

    /** PAPER §6 case A: x = (1, 0), (0, 1), (1/2, 1/2) with labels y = (-1, -1, +1). */
    public static Dataset constructionA() {
        return new Dataset("construction-a", constructionInputs(), new double[] {-1, -1, 1}, 2, PLANE, SIGNS);
    }

    /** PAPER §6 case B: the same inputs with real targets t = (0, 0, 1) (no labels). */
    public static Dataset constructionB() {
        return new Dataset("construction-b", constructionInputs(), new double[] {0, 0, 1}, 2, PLANE, List.of());
    }

    private static double[] constructionInputs() {
        return new double[] {1, 0, 0, 1, 0.5, 0.5};
    }

    private static void check(int n, double noise) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2 (both classes), got " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
