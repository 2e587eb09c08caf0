package org.oneneuron.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oneneuron.objective.Objective;

/**
 * Loss slices: L(θ₀ + s·d1) on a line, L(θ₀ + s·d1 + t·d2) on a plane. Directions are either
 * random and filter-normalized (Li et al., 2018: a Gaussian direction whose every filter — a
 * group of parameters such as one unit's incoming weights — is rescaled to the norm of the same
 * filter of θ₀), or run through given points (d1 = p1 - p0, d2 = p2 - p0, so p0, p1, p2 sit at
 * (0,0), (1,0), (0,1)). Grid rows are evaluated in parallel, each thread with its own
 * {@link Objective#copy()}.
 */
public final class Slices {

    private Slices() {
    }

    /**
     * A random filter-normalized direction.
     *
     * @param filters ranges {offset, length} of θ that form one filter each; parameters in no range
     *                are scaled as one group. A filter of θ₀ that is zero keeps a unit-free
     *                Gaussian direction scaled to 1/√length per entry (so dead units still move).
     */
    public static double[] filterNormalized(double[] theta0, List<int[]> filters, SplittableRandom random) {
        int n = theta0.length;
        double[] d = Vectors.gaussian(n, random);
        boolean[] covered = new boolean[n];
        List<int[]> groups = new ArrayList<>(filters);
        for (int[] f : filters) {
            if (f.length != 2 || f[0] < 0 || f[1] < 1 || f[0] + f[1] > n) {
                throw new IllegalArgumentException("filter range must be {offset, length} inside [0, " + n
                        + "), got " + java.util.Arrays.toString(f));
            }
            for (int i = f[0]; i < f[0] + f[1]; i++) {
                covered[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!covered[i]) {
                groups.add(new int[] {i, 1});
            }
        }
        for (int[] g : groups) {
            double dn = 0.0;
            double tn = 0.0;
            for (int i = g[0]; i < g[0] + g[1]; i++) {
                dn += d[i] * d[i];
                tn += theta0[i] * theta0[i];
            }
            double target = tn > 0.0 ? Math.sqrt(tn) : 1.0;
            double factor = dn > 0.0 ? target / Math.sqrt(dn) : 0.0;
            for (int i = g[0]; i < g[0] + g[1]; i++) {
                d[i] *= factor;
            }
        }
        return d;
    }

    /** L(θ₀ + s·d) for s on [-extent, extent]. */
    public static Slice line(Objective objective, double[] theta0, double[] direction, SliceConfig config) {
        double[] s = grid(-config.extent(), config.extent(), config.grid());
        return evaluate(objective, theta0, direction, null, s, new double[0],
                List.of(new Slice.Anchor("origin", 0.0, 0.0)), config);
    }

    /** The line through p0 (s = 0) and p1 (s = 1). */
    public static Slice lineThrough(Objective objective, double[] p0, double[] p1, String name0,
                                    String name1, SliceConfig config) {
        double[] s = grid(-config.extent(), 1.0 + config.extent(), config.grid());
        return evaluate(objective, p0, minus(p1, p0), null, s, new double[0],
                List.of(new Slice.Anchor(name0, 0, 0), new Slice.Anchor(name1, 1, 0)), config);
    }

    /** L(θ₀ + s·d1 + t·d2) for s, t on [-extent, extent]. */
    public static Slice plane(Objective objective, double[] theta0, double[] d1, double[] d2,
                              SliceConfig config) {
        double[] s = grid(-config.extent(), config.extent(), config.grid());
        return evaluate(objective, theta0, d1, d2, s, s, List.of(new Slice.Anchor("origin", 0, 0)), config);
    }

    /** The plane through p0 (0,0), p1 (1,0) and p2 (0,1); the names label the anchors. */
    public static Slice planeThrough(Objective objective, double[][] points, List<String> names,
                                     SliceConfig config) {
        if (points.length != 3 || names.size() != 3) {
            throw new IllegalArgumentException("a plane needs exactly 3 points and 3 names, got "
                    + points.length + " and " + names.size());
        }
        double[] d1 = minus(points[1], points[0]);
        double[] d2 = minus(points[2], points[0]);
        double c = Vectors.dot(d1, d2) / (Vectors.norm(d1) * Vectors.norm(d2));
        if (!(Math.abs(c) < 1.0 - 1e-9)) {
            throw new IllegalArgumentException("the three points are collinear or coincide (cosine "
                    + c + " between p1 - p0 and p2 - p0): they span no plane");
        }
        double[] s = grid(-config.extent(), 1.0 + config.extent(), config.grid());
        List<Slice.Anchor> anchors = List.of(new Slice.Anchor(names.get(0), 0, 0),
                new Slice.Anchor(names.get(1), 1, 0), new Slice.Anchor(names.get(2), 0, 1));
        return evaluate(objective, points[0], d1, d2, s, s, anchors, config);
    }

    private static double[] minus(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("points have different lengths " + a.length + " and " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double[] grid(double from, double to, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = from + (to - from) * i / (points - 1);
        }
        return g;
    }

    /**
     * L(origin + x·d1 + y·d2) of a trajectory plane ({@link TrajectoryPca}) on a grid covering the
     * path with a margin of a fifth of its extent on each side (each axis at least a tenth of the
     * other's width, so a nearly straight path still shows its valley); anchors "start" (the
     * first recorded point) and "end" (the origin).
     *
     * @param value what to evaluate (all but {@link SliceValue#LOSS} need a neuron)
     */
    public static Slice trajectoryPlane(Objective objective, PcaPlane plane, SliceConfig config,
                                        SliceValue value) {
        double[] x = plane.x();
        double[] y = plane.y();
        double[] xr = range(x);
        double[] yr = range(y);
        double wx = Math.max(xr[1] - xr[0], 0.1 * (yr[1] - yr[0]));
        double wy = Math.max(yr[1] - yr[0], 0.1 * wx);
        double cx = 0.5 * (xr[0] + xr[1]);
        double cy = 0.5 * (yr[0] + yr[1]);
        double[] s = grid(cx - 0.7 * wx, cx + 0.7 * wx, config.grid());
        double[] t = grid(cy - 0.7 * wy, cy + 0.7 * wy, config.grid());
        List<Slice.Anchor> anchors = List.of(new Slice.Anchor("start", x[0], y[0]),
                new Slice.Anchor("end", 0, 0));
        return evaluate(objective, plane.origin(), plane.d1(), plane.d2(), s, t, anchors, config, value);
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return new double[] {lo, hi};
    }

    /** The same grid as {@code slice}, evaluating {@code value} instead (e.g. the network-only loss). */
    public static Slice reevaluate(Objective objective, double[] origin, double[] d1, double[] d2,
                                   Slice slice, SliceConfig config, SliceValue value) {
        return evaluate(objective, origin, d1, slice.isPlane() ? d2 : null, slice.s(), slice.t(),
                slice.anchors(), config, value);
    }

    private static Slice evaluate(Objective objective, double[] origin, double[] d1, double[] d2, double[] s,
                                  double[] t, List<Slice.Anchor> anchors, SliceConfig config) {
        return evaluate(objective, origin, d1, d2, s, t, anchors, config, SliceValue.LOSS);
    }

    private static Slice evaluate(Objective objective, double[] origin, double[] d1, double[] d2, double[] s,
                                  double[] t, List<Slice.Anchor> anchors, SliceConfig config,
                                  SliceValue value) {
        Lanczos.checkPoint(objective, origin);
        if (value != SliceValue.LOSS && objective.neuron(origin).isEmpty()) {
            throw new IllegalArgumentException("the network-only loss and the neuron's contribution need an"
                    + " objective with the special neuron");
        }
        int cols = Math.max(1, t.length);
        double[] loss = new double[s.length * cols];
        int workers = Math.min(config.threads(), s.length);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Objective own = workers == 1 ? objective : objective.copy();
                int first = w;
                futures.add(pool.submit(() -> {
                    double[] point = new double[origin.length];
                    for (int i = first; i < s.length; i += workers) {
                        for (int j = 0; j < cols; j++) {
                            for (int k = 0; k < point.length; k++) {
                                point[k] = origin[k] + s[i] * d1[k] + (d2 == null ? 0.0 : t[j] * d2[k]);
                            }
                            double v;
                            try {
                                v = value.at(own, point);
                            } catch (ArithmeticException overflow) {
                                v = Double.NaN;
                            }
                            loss[i * cols + j] = Double.isFinite(v) ? v : Double.NaN;
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("slice interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("slice evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int nonFinite = 0;
        for (double v : loss) {
            if (Double.isNaN(v)) {
                nonFinite++;
            }
        }
        return new Slice(d2 == null ? "line" : "plane", s, t, loss, anchors, nonFinite);
    }
}
