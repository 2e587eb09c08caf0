package org.oneneuron.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A contour figure: filled bands of the grid's values (log10 for a log colour scale) in viridis,
 * thin contour lines, non-finite cells in grey, the series as paths on top, the marks as labelled
 * points and arrows, and a colour bar whose labels are round values (10ⁿ on a log scale).
 */
final class ContourPainter {

    private ContourPainter() {
    }

    static void paint(FigurePainter p) {
        FigureData f = p.f;
        FigureData.Grid grid = f.grid();
        double[] s = grid.s();
        double[] t = grid.t();
        Axis x = Axis.between(s[0], s[s.length - 1]);
        Axis y = Axis.between(t[0], t[t.length - 1]);
        double[] values = ContourBands.transformed(grid);
        double[] levels = ContourBands.levels(values);
        ContourBands.Bands bands = ContourBands.of(s, t, values, levels);
        Shape clip = p.g.getClip();
        p.g.clip(p.plot);
        int count = levels.length - 1;
        for (int k = 0; k < count; k++) {
            p.g.setColor(colour(k, count));
            p.g.fill(polygons(p, x, y, bands.polygons().get(k)));
        }
        p.g.setColor(PaperStyle.MISSING);
        p.g.fill(polygons(p, x, y, bands.missing()));
        p.g.setColor(new Color(0, 0, 0, 70));
        p.g.setStroke(new BasicStroke(0.6f));
        for (List<double[]> level : bands.lines()) {
            Path2D path = new Path2D.Double();
            for (double[] seg : level) {
                path.moveTo(p.px(x, seg[0]), p.py(y, seg[1]));
                path.lineTo(p.px(x, seg[2]), p.py(y, seg[3]));
            }
            p.g.draw(path);
        }
        for (int k = 0; k < f.series().size(); k++) {
            FigureData.Series path = f.series().get(k);
            Path2D line = p.polyline(x, y, path.x(), path.y(), false);
            p.g.setColor(Color.WHITE);
            p.g.setStroke(new BasicStroke(3.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            p.g.draw(line);
            p.g.setColor(PaperStyle.series(k));
            p.g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            p.g.draw(line);
            double[] xs = path.x();
            double[] ys = path.y();
            for (int i = 0; i < xs.length; i++) {
                p.g.fill(new Ellipse2D.Double(p.px(x, xs[i]) - 2, p.py(y, ys[i]) - 2, 4, 4));
            }
        }
        for (FigureData.Mark m : f.marks()) {
            mark(p, x, y, m);
        }
        p.g.setClip(clip);
        p.axes(x, y, true, false);
        double below = colourBar(p, levels, grid);
        p.legend(f.series().stream().map(FigureData.Series::name).toList(), false, below);
    }

    static Color colour(int band, int bands) {
        return PaperStyle.viridis(bands == 1 ? 0.5 : (double) band / (bands - 1));
    }

    private static Path2D polygons(FigurePainter p, Axis x, Axis y, List<double[]> polys) {
        Path2D path = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (double[] xy : polys) {
            boolean ccw = orientation(xy) > 0;
            int n = xy.length / 2;
            for (int q = 0; q < n; q++) {
                int v = ccw ? q : n - 1 - q;
                double px = p.px(x, xy[2 * v]);
                double py = p.py(y, xy[2 * v + 1]);
                if (q == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
            }
            path.closePath();
        }
        return path;
    }

    /** Twice the signed area: all pieces are wound the same way so a band fills without seams. */
    private static double orientation(double[] xy) {
        double a = 0;
        int n = xy.length / 2;
        for (int q = 0; q < n; q++) {
            int r = (q + 1) % n;
            a += xy[2 * q] * xy[2 * r + 1] - xy[2 * r] * xy[2 * q + 1];
        }
        return a;
    }

    /** A labelled point (white dot, dark ring) or arrow, the label kept inside the plot. */
    static void mark(FigurePainter p, Axis x, Axis y, FigureData.Mark m) {
        double px = p.px(x, m.x());
        double py = p.py(y, m.y());
        FontMetrics fm = p.g.getFontMetrics(PaperStyle.LEGEND);
        double lx = px + 8;
        double ly = py - 6;
        if (m.arrow()) {
            double hx = p.px(x, m.x2());
            double hy = p.py(y, m.y2());
            p.g.setColor(Color.WHITE);
            p.g.setStroke(new BasicStroke(3.5f));
            p.g.draw(new Line2D.Double(px, py, hx, hy));
            p.g.setColor(new Color(0xD5, 0x5E, 0x00));
            p.g.setStroke(new BasicStroke(1.8f));
            p.g.draw(new Line2D.Double(px, py, hx, hy));
            double angle = Math.atan2(hy - py, hx - px);
            Path2D head = new Path2D.Double();
            head.moveTo(hx, hy);
            head.lineTo(hx - 10 * Math.cos(angle - 0.4), hy - 10 * Math.sin(angle - 0.4));
            head.lineTo(hx - 10 * Math.cos(angle + 0.4), hy - 10 * Math.sin(angle + 0.4));
            head.closePath();
            p.g.fill(head);
            lx = hx + 6;
            ly = hy + 14;
        } else {
            Ellipse2D dot = new Ellipse2D.Double(px - 5, py - 5, 10, 10);
            p.g.setColor(Color.WHITE);
            p.g.fill(dot);
            p.g.setColor(PaperStyle.INK);
            p.g.setStroke(new BasicStroke(1.6f));
            p.g.draw(dot);
        }
        double w = fm.stringWidth(m.name());
        if (lx + w > p.plot.getMaxX() - 2) {
            lx = Math.max(p.plot.getX() + 2, (m.arrow() ? p.px(x, m.x2()) : px) - 8 - w);
        }
        ly = Math.max(p.plot.getY() + fm.getAscent() + 2, Math.min(ly, p.plot.getMaxY() - 4));
        p.g.setColor(new Color(255, 255, 255, 210));
        p.g.fill(new Rectangle2D.Double(lx - 2, ly - fm.getAscent(), w + 4, fm.getHeight()));
        p.text(m.name(), PaperStyle.LEGEND, lx, ly, 0);
    }

    /** The colour bar at the top of the right panel; returns the y below it. */
    private static double colourBar(FigurePainter p, double[] levels, FigureData.Grid grid) {
        double x = p.plot.getMaxX() + 14;
        double top = p.plot.getY() + 18;
        double height = Math.min(180, p.plot.getHeight() * 0.55);
        int count = levels.length - 1;
        p.text(grid.valueLabel() + (grid.log() ? " (log)" : ""), PaperStyle.LEGEND, x, top - 6, 0);
        for (int k = 0; k < count; k++) {
            double y0 = top + height - (k + 1) * height / count;
            p.g.setColor(colour(k, count));
            p.g.fill(new Rectangle2D.Double(x, y0, 16, height / count + 0.5));
        }
        p.g.setColor(PaperStyle.FRAME);
        p.g.setStroke(new BasicStroke(0.8f));
        p.g.draw(new Rectangle2D.Double(x, top, 16, height));
        FontMetrics fm = p.g.getFontMetrics(PaperStyle.TICK);
        double span = levels[levels.length - 1] - levels[0];
        for (Axis.Tick tick : barTicks(levels, grid.log())) {
            double y = top + height - (tick.value() - levels[0]) / span * height;
            p.g.setColor(PaperStyle.FRAME);
            p.g.draw(new Line2D.Double(x + 16, y, x + 20, y));
            p.text(tick.label(), PaperStyle.TICK, x + 23, y + fm.getAscent() / 2.0 - 1, 0);
        }
        return top + height + 14;
    }

    /**
     * The colour bar's labelled levels (values as the levels hold them, log10 on a log scale):
     * whole decades as 10ⁿ when the log scale spans two or more, else about seven levels labelled
     * with the digits that tell them apart (the spacing's on a linear scale, two or more
     * significant ones on a log scale).
     */
    static List<Axis.Tick> barTicks(double[] levels, boolean log) {
        List<Axis.Tick> ticks = new java.util.ArrayList<>();
        double span = levels[levels.length - 1] - levels[0];
        if (log && span >= 2) {
            int everyDecade = Math.max(1, (int) Math.ceil(span / 7.0));
            for (double v : levels) {
                if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.floorMod((long) Math.rint(v), everyDecade) == 0) {
                    ticks.add(new Axis.Tick(v, Axis.power((int) Math.rint(v))));
                }
            }
            return ticks;
        }
        int every = Math.max(1, (int) Math.ceil(levels.length / 7.0));
        double step = levels[1] - levels[0];
        List<Double> shown = new java.util.ArrayList<>();
        for (int k = 0; k < levels.length; k += every) {
            shown.add(Math.abs(levels[k]) < step * 1e-9 ? 0 : levels[k]);
        }
        double[] values = shown.stream().mapToDouble(v -> log ? Math.pow(10, v) : v).toArray();
        List<String> labels = log ? Axis.significant(values, 2) : Axis.labels(values);
        for (int i = 0; i < values.length; i++) {
            ticks.add(new Axis.Tick(shown.get(i), labels.get(i)));
        }
        return ticks;
    }
}
