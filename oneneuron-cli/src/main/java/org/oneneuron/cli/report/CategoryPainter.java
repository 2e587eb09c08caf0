package org.oneneuron.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figures over categories: bars, or box-and-strip plots that show the spread. A box spans the
 * quartiles with the median as a line, whiskers reach the smallest and largest value, and every
 * value is drawn as a dot, spread sideways by a fixed pattern (no randomness) so ties stay visible.
 */
final class CategoryPainter {

    private CategoryPainter() {
    }

    static void paint(FigurePainter p) {
        FigureData f = p.f;
        List<String> categories = categories(f);
        List<Double> all = new ArrayList<>();
        for (FigureData.Series s : f.series()) {
            for (double v : s.y()) {
                all.add(v);
            }
        }
        double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
        Axis y = f.kind().equals("bar") && !f.logY() ? Axis.between(0, Math.max(1e-12, max(values)) * 1.08)
                : Axis.covering(values, f.logY(), true);
        p.axes(Axis.between(0, 1), y, false);
        double slot = p.plot.getWidth() / Math.max(1, categories.size());
        FontMetrics tm = p.g.getFontMetrics(PaperStyle.TICK);
        for (int c = 0; c < categories.size(); c++) {
            String name = categories.get(c);
            double cx = p.plot.getX() + (c + 0.5) * slot;
            List<String> lines = p.wrap(name, PaperStyle.TICK, slot - 6);
            for (int l = 0; l < Math.min(2, lines.size()); l++) {
                p.text(lines.get(l), PaperStyle.TICK, cx - tm.stringWidth(lines.get(l)) / 2.0,
                        p.plot.getMaxY() + 6 + tm.getAscent() + l * tm.getHeight(), 0);
            }
        }
        int n = f.series().size();
        double group = slot * 0.74;
        double width = group / Math.max(1, n);
        Shape clip = p.g.getClip();
        p.g.clip(p.plot);
        for (int k = 0; k < n; k++) {
            FigureData.Series s = f.series().get(k);
            for (int c = 0; c < categories.size(); c++) {
                double[] v = valuesOf(s, categories.get(c));
                if (v.length == 0) {
                    continue;
                }
                double left = p.plot.getX() + c * slot + (slot - group) / 2 + k * width;
                Color colour = PaperStyle.series(k);
                if (f.kind().equals("bar")) {
                    double top = p.py(y, v[0]);
                    p.g.setColor(colour);
                    p.g.fill(new Rectangle2D.Double(left + width * 0.1, top, width * 0.8, p.plot.getMaxY() - top));
                    String label = Axis.round(v[0]);
                    p.text(label, PaperStyle.TICK, left + width / 2 - tm.stringWidth(label) / 2.0, top - 4, 0);
                } else {
                    box(p, y, v, left + width * 0.15, width * 0.7, colour);
                }
            }
        }
        p.g.setClip(clip);
        p.legend(f.series().stream().map(FigureData.Series::name).toList(), true, FigurePainter.TOP);
    }

    /** The categories in order of first appearance. */
    static List<String> categories(FigureData f) {
        List<String> out = new ArrayList<>();
        for (FigureData.Series s : f.series()) {
            for (String c : s.categories()) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The finite values of a series in one category. */
    static double[] valuesOf(FigureData.Series s, String category) {
        double[] y = s.y();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (s.categories().get(i).equals(category) && Double.isFinite(y[i])) {
                out.add(y[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Quartile q of sorted values, linearly interpolated. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static void box(FigurePainter p, Axis y, double[] values, double left, double width, Color colour) {
        double[] v = values.clone();
        Arrays.sort(v);
        double cx = left + width / 2;
        double q1 = p.py(y, quantile(v, 0.25));
        double med = p.py(y, quantile(v, 0.5));
        double q3 = p.py(y, quantile(v, 0.75));
        double lo = p.py(y, v[0]);
        double hi = p.py(y, v[v.length - 1]);
        p.g.setStroke(new BasicStroke(1.2f));
        p.g.setColor(colour);
        if (Double.isFinite(lo) && Double.isFinite(hi)) {
            p.g.draw(new Line2D.Double(cx, lo, cx, hi));
        }
        if (Double.isFinite(q1) && Double.isFinite(q3)) {
            Rectangle2D rect = new Rectangle2D.Double(left, Math.min(q1, q3), width, Math.abs(q1 - q3));
            p.g.setColor(Color.WHITE);
            p.g.fill(rect);
            p.g.setColor(colour);
            p.g.draw(rect);
            p.g.setStroke(new BasicStroke(2.4f));
            p.g.draw(new Line2D.Double(left, med, left + width, med));
        }
        p.g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        for (int i = 0; i < values.length; i++) {
            double py = p.py(y, values[i]);
            if (!Double.isFinite(py)) {
                continue;
            }
            double jitter = ((i * 0.6180339887) % 1.0 - 0.5) * width * 0.8;
            p.g.fill(new Ellipse2D.Double(cx + jitter - 2.5, py - 2.5, 5, 5));
        }
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.max(m, d);
            }
        }
        return m;
    }
}
