package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Filled contours of a grid by marching triangles: each grid cell is split along its diagonal
 * into two triangles, the values are linear on each, and a triangle's part in the band
 * [level_k, level_k+1] is the triangle clipped by two half-planes (Sutherland–Hodgman), a convex
 * polygon. Cells whose corners share one band are whole rectangles, merged along a row; cells
 * with a non-finite corner are "missing". The same cut gives the contour lines as segments.
 * report.js repeats this algorithm for the interactive chart (same levels, same colours).
 */
final class ContourBands {

    /**
     * The result: per band its polygons (x0, y0, x1, y1, … in grid coordinates), the missing
     * cells, and per inner level its line segments (x0, y0, x1, y1).
     */
    record Bands(double[] levels, List<List<double[]>> polygons, List<double[]> missing,
                 List<List<double[]>> lines) {
    }

    private ContourBands() {
    }

    /**
     * Levels 1, 2 or 5 × 10^k apart (about ten bands) covering the finite values of f, which are
     * already transformed (log10 for a log colour scale).
     */
    static double[] levels(double[] f) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : f) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            return new double[] {lo - 0.5, hi + 0.5};
        }
        double step = Axis.niceStep((hi - lo) / 10);
        double first = Math.floor(lo / step + 1e-9) * step;
        int count = (int) Math.ceil((hi - first) / step - 1e-9) + 1;
        double[] levels = new double[Math.max(2, count)];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = first + k * step;
        }
        return levels;
    }

    /** The grid's colour values: log10 of the value (floored at 1e-300) or the value. */
    static double[] transformed(FigureData.Grid grid) {
        double[] v = grid.value();
        for (int i = 0; i < v.length; i++) {
            v[i] = !Double.isFinite(v[i]) ? Double.NaN : grid.log() ? Math.log10(Math.max(v[i], 1e-300)) : v[i];
        }
        return v;
    }

    /** Bands of f (row-major over s, f[i·|t| + j]) between the levels. */
    static Bands of(double[] s, double[] t, double[] f, double[] levels) {
        int bands = levels.length - 1;
        List<List<double[]>> polygons = new ArrayList<>();
        List<List<double[]>> lines = new ArrayList<>();
        for (int k = 0; k < bands; k++) {
            polygons.add(new ArrayList<>());
        }
        for (int k = 0; k + 1 < levels.length; k++) {
            lines.add(new ArrayList<>());
        }
        List<double[]> missing = new ArrayList<>();
        int m = t.length;
        for (int j = 0; j + 1 < m; j++) {
            int runBand = -1;
            int runStart = 0;
            for (int i = 0; i + 1 < s.length; i++) {
                double a = f[i * m + j];
                double b = f[(i + 1) * m + j];
                double c = f[(i + 1) * m + j + 1];
                double d = f[i * m + j + 1];
                int band = -2;
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    missing.add(new double[] {s[i], t[j], s[i + 1], t[j], s[i + 1], t[j + 1], s[i], t[j + 1]});
                } else {
                    int ba = band(levels, a);
                    if (ba == band(levels, b) && ba == band(levels, c) && ba == band(levels, d)) {
                        band = ba;
                    } else {
                        cut(new double[] {s[i], t[j], a, s[i + 1], t[j], b, s[i + 1], t[j + 1], c}, levels, polygons, lines);
                        cut(new double[] {s[i], t[j], a, s[i + 1], t[j + 1], c, s[i], t[j + 1], d}, levels, polygons, lines);
                    }
                }
                if (band != runBand) {
                    close(polygons, runBand, s[runStart], s[i], t[j], t[j + 1]);
                    runBand = band;
                    runStart = i;
                }
            }
            close(polygons, runBand, s[runStart], s[s.length - 1], t[j], t[j + 1]);
        }
        return new Bands(levels.clone(), polygons, missing, lines);
    }

    private static void close(List<List<double[]>> polygons, int band, double x0, double x1, double y0, double y1) {
        if (band >= 0) {
            polygons.get(band).add(new double[] {x0, y0, x1, y0, x1, y1, x0, y1});
        }
    }

    /** Band of v: k with levels[k] <= v < levels[k+1], clamped to the first and last. */
    static int band(double[] levels, double v) {
        int k = 0;
        while (k + 2 < levels.length && v >= levels[k + 1]) {
            k++;
        }
        return k;
    }

    /** One triangle (x, y, f per corner): its band polygons and its contour segments. */
    private static void cut(double[] tri, double[] levels, List<List<double[]>> polygons, List<List<double[]>> lines) {
        double lo = Math.min(tri[2], Math.min(tri[5], tri[8]));
        double hi = Math.max(tri[2], Math.max(tri[5], tri[8]));
        int first = band(levels, lo);
        int last = band(levels, hi);
        for (int k = first; k <= last; k++) {
            double[] poly = tri;
            if (k > 0) {
                poly = clip(poly, levels[k], true);
            }
            if (k + 2 < levels.length) {
                poly = clip(poly, levels[k + 1], false);
            }
            if (poly.length >= 9) {
                double[] xy = new double[poly.length / 3 * 2];
                for (int p = 0; p < poly.length / 3; p++) {
                    xy[2 * p] = poly[3 * p];
                    xy[2 * p + 1] = poly[3 * p + 1];
                }
                polygons.get(k).add(xy);
            }
        }
        for (int l = 1; l + 1 < levels.length; l++) {
            double level = levels[l];
            if (level <= lo || level >= hi) {
                continue;
            }
            double[] seg = new double[4];
            int found = 0;
            for (int e = 0; e < 3 && found < 2; e++) {
                int p = 3 * e;
                int q = 3 * ((e + 1) % 3);
                double fp = tri[p + 2];
                double fq = tri[q + 2];
                if ((fp < level) != (fq < level)) {
                    double w = (level - fp) / (fq - fp);
                    seg[2 * found] = tri[p] + w * (tri[q] - tri[p]);
                    seg[2 * found + 1] = tri[p + 1] + w * (tri[q + 1] - tri[p + 1]);
                    found++;
                }
            }
            if (found == 2) {
                lines.get(l).add(seg);
            }
        }
    }

    /** The polygon (x, y, f per vertex) clipped to f >= level (keepAbove) or f <= level. */
    private static double[] clip(double[] poly, double level, boolean keepAbove) {
        int n = poly.length / 3;
        double[] out = new double[3 * (2 * n)];
        int o = 0;
        for (int p = 0; p < n; p++) {
            int q = (p + 1) % n;
            double fp = poly[3 * p + 2];
            double fq = poly[3 * q + 2];
            boolean inP = keepAbove ? fp >= level : fp <= level;
            boolean inQ = keepAbove ? fq >= level : fq <= level;
            if (inP) {
                System.arraycopy(poly, 3 * p, out, o, 3);
                o += 3;
            }
            if (inP != inQ) {
                double w = (level - fp) / (fq - fp);
                out[o++] = poly[3 * p] + w * (poly[3 * q] - poly[3 * p]);
                out[o++] = poly[3 * p + 1] + w * (poly[3 * q + 1] - poly[3 * p + 1]);
                out[o++] = level;
            }
        }
        return java.util.Arrays.copyOf(out, o);
    }
}
