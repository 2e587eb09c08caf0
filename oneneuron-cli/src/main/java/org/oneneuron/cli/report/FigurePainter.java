package org.oneneuron.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link FigureData} on any Graphics2D (a bitmap, VectorGraphics2D's SVG, PDFBox's PDF):
 * title, frame, readable ticks, axis labels, the series, and a panel on the right with the legend
 * (or the colour bar) and the figure's notes. Text is drawn as text, so the SVG and PDF keep it
 * editable. Sizes and fonts come from {@link PaperStyle}.
 */
final class FigurePainter {

    static final int LEFT = 74;
    static final int TOP = 40;
    static final int BOTTOM = 52;
    static final int PANEL = 176;
    /** Space kept free at the canvas' right edge (viewers' fonts may run a little wider). */
    static final int MARGIN = 12;

    /** A string as drawn, and the box it occupies on the canvas. */
    record Placed(String text, Rectangle2D box) {
    }

    final Graphics2D g;
    final FigureData f;
    final Rectangle2D plot;
    private final List<Placed> placed;

    private FigurePainter(Graphics2D g, FigureData f) {
        this(g, f, new Rectangle2D.Double(LEFT, TOP, PaperStyle.WIDTH - LEFT - PANEL - 14,
                PaperStyle.HEIGHT - TOP - BOTTOM), new ArrayList<>());
    }

    private FigurePainter(Graphics2D g, FigureData f, Rectangle2D plot, List<Placed> placed) {
        this.g = g;
        this.f = f;
        this.plot = plot;
        this.placed = placed;
    }

    /** Paints the figure on a scratch bitmap and returns every string drawn with its box. */
    static List<Placed> layout(FigureData figure) {
        Graphics2D g = new java.awt.image.BufferedImage(PaperStyle.WIDTH, PaperStyle.HEIGHT,
                java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return List.copyOf(paint(g, figure).placed);
        } finally {
            g.dispose();
        }
    }

    /**
     * Paints the whole figure on a canvas of {@link PaperStyle#WIDTH} × {@link PaperStyle#HEIGHT};
     * text is measured with fractional metrics, as SVG and PDF viewers set it.
     */
    static FigurePainter paint(Graphics2D g, FigureData figure) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, PaperStyle.WIDTH, PaperStyle.HEIGHT));
        FigurePainter p = new FigurePainter(g, figure);
        p.text(figure.title(), PaperStyle.TITLE, LEFT, 24, 0);
        switch (figure.kind()) {
            case "contour" -> ContourPainter.paint(p);
            case "matrix" -> MatrixPainter.paint(p);
            case "bar", "box" -> CategoryPainter.paint(p);
            default -> p.paintXY();
        }
        return p;
    }

    /**
     * Lines or ECDFs on one panel; when some series belong to panel 1, those on a second panel
     * under the first (a third of the height, its own y axis, the x axis shared). Marks are drawn
     * on the first panel.
     */
    private void paintXY() {
        List<FigureData.Series> lower = f.series().stream().filter(s -> s.panel() == 1).toList();
        Axis x = Axis.covering(values(f.series(), true), f.logX(), !f.logX());
        if (lower.isEmpty()) {
            panel(x, 0, f.logY(), true, f.yLabel());
        } else {
            double gap = 12;
            double upper = Math.round((plot.getHeight() - gap) * 0.64);
            new FigurePainter(g, f, new Rectangle2D.Double(plot.getX(), plot.getY(), plot.getWidth(), upper), placed)
                    .panel(x, 0, f.logY(), false, f.yLabel());
            boolean log = f.logY() && SlicePlot.positive(values(lower, false));
            new FigurePainter(g, f, new Rectangle2D.Double(plot.getX(), plot.getY() + upper + gap, plot.getWidth(),
                    plot.getHeight() - upper - gap), placed)
                    .panel(x, 1, log, true, String.join(", ", lower.stream().map(FigureData.Series::name).toList()));
        }
        legend(f.series().stream().map(FigureData.Series::name).toList(), false, TOP);
    }

    /** The x (or y) values of the series. */
    private static double[] values(List<FigureData.Series> series, boolean x) {
        return series.stream().flatMapToDouble(s -> java.util.Arrays.stream(x ? s.x() : s.y())).toArray();
    }

    /** One panel: the series of panel {@code which} (each in its figure-wide colour) and its axes. */
    private void panel(Axis x, int which, boolean logY, boolean xLabels, String yLabel) {
        List<FigureData.Series> mine = f.series().stream().filter(s -> s.panel() == which).toList();
        double[] ys = values(mine, false);
        if (which == 0) {
            ys = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(ys),
                    f.marks().stream().mapToDouble(FigureData.Mark::y)).toArray();
        }
        Axis y = f.kind().equals("step") ? Axis.between(-0.02, 1.02) : Axis.covering(ys, logY, true);
        axes(x, y, true, true, xLabels, yLabel);
        Shape clip = g.getClip();
        g.clip(plot);
        for (int k = 0; k < f.series().size(); k++) {
            FigureData.Series s = f.series().get(k);
            if (s.panel() == which) {
                g.setColor(PaperStyle.series(k));
                g.setStroke(PaperStyle.line(k));
                g.draw(polyline(x, y, s.x(), s.y(), f.kind().equals("step")));
            }
        }
        g.setClip(clip);
        if (which == 0) {
            for (FigureData.Mark m : f.marks()) {
                ContourPainter.mark(this, x, y, m);
            }
        }
    }

    /** The points as a path, broken where a value cannot be drawn; an ECDF as a staircase. */
    Path2D polyline(Axis x, Axis y, double[] xs, double[] ys, boolean stairs) {
        Path2D path = new Path2D.Double();
        boolean open = false;
        double lastY = 0;
        for (int i = 0; i < xs.length; i++) {
            double px = px(x, xs[i]);
            double py = py(y, ys[i]);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                open = false;
                continue;
            }
            if (!open) {
                path.moveTo(px, stairs ? py(y, 0) : py);
                if (stairs) {
                    path.lineTo(px, py);
                }
                open = true;
            } else {
                if (stairs) {
                    path.lineTo(px, lastY);
                }
                path.lineTo(px, py);
            }
            lastY = py;
        }
        return path;
    }

    double px(Axis x, double v) {
        return plot.getX() + x.fraction(v) * plot.getWidth();
    }

    double py(Axis y, double v) {
        return plot.getMaxY() - y.fraction(v) * plot.getHeight();
    }

    /** Grid lines, frame, ticks and labels of both axes (x ticks only when numeric). */
    void axes(Axis x, Axis y, boolean xTicks) {
        axes(x, y, xTicks, true);
    }

    /** The same, without grid lines when {@code gridLines} is false (over filled contours). */
    void axes(Axis x, Axis y, boolean xTicks, boolean gridLines) {
        axes(x, y, xTicks, gridLines, true, f.yLabel());
    }

    /**
     * The same, the x tick labels and x label only when {@code xLabels} (a panel above another
     * has none), the y axis labelled {@code yLabel}.
     */
    private void axes(Axis x, Axis y, boolean xTicks, boolean gridLines, boolean xLabels, String yLabel) {
        g.setStroke(new BasicStroke(0.8f));
        FontMetrics tm = g.getFontMetrics(PaperStyle.TICK);
        for (Axis.Tick t : y.ticks()) {
            double py = py(y, t.value());
            g.setColor(gridLines ? PaperStyle.GRID : PaperStyle.FRAME);
            g.draw(gridLines ? new Line2D.Double(plot.getX(), py, plot.getMaxX(), py)
                    : new Line2D.Double(plot.getX() - 4, py, plot.getX(), py));
            text(t.label(), PaperStyle.TICK, plot.getX() - 6 - tm.stringWidth(t.label()), py + tm.getAscent() / 2.0 - 1, 0);
        }
        if (xTicks) {
            double lastRight = Double.NEGATIVE_INFINITY;
            for (Axis.Tick t : x.ticks()) {
                double px = px(x, t.value());
                g.setColor(gridLines ? PaperStyle.GRID : PaperStyle.FRAME);
                g.draw(gridLines ? new Line2D.Double(px, plot.getY(), px, plot.getMaxY())
                        : new Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() + 4));
                double w = tm.stringWidth(t.label());
                if (xLabels && px - w / 2 > lastRight + 6) {
                    text(t.label(), PaperStyle.TICK, px - w / 2, plot.getMaxY() + 6 + tm.getAscent(), 0);
                    lastRight = px + w / 2;
                }
            }
        }
        g.setColor(PaperStyle.FRAME);
        g.draw(plot);
        FontMetrics lm = g.getFontMetrics(PaperStyle.LABEL);
        if (xLabels) {
            text(f.xLabel(), PaperStyle.LABEL, plot.getCenterX() - lm.stringWidth(f.xLabel()) / 2.0,
                    PaperStyle.HEIGHT - 12, 0);
        }
        text(yLabel, PaperStyle.LABEL, 18, plot.getCenterY() + lm.stringWidth(yLabel) / 2.0, -Math.PI / 2);
    }

    /**
     * The legend in the right panel from {@code top}: a sample line (or a dot for points) and the
     * name of each series, wrapped to the panel (long words broken), then the notes, wrapped.
     */
    double legend(List<String> names, boolean dots, double top) {
        double x = plot.getMaxX() + 14;
        double y = top + 4;
        FontMetrics m = g.getFontMetrics(PaperStyle.LEGEND);
        for (int k = 0; k < names.size(); k++) {
            List<String> lines = wrap(names.get(k), PaperStyle.LEGEND, PaperStyle.WIDTH - MARGIN - x - 24);
            g.setColor(PaperStyle.series(k));
            if (dots) {
                g.fill(new java.awt.geom.Ellipse2D.Double(x + 5, y + 3, 8, 8));
            } else {
                g.setStroke(PaperStyle.line(k));
                g.draw(new Line2D.Double(x, y + 7, x + 18, y + 7));
            }
            for (String line : lines) {
                text(line, PaperStyle.LEGEND, x + 24, y + m.getAscent() - 1, 0);
                y += m.getHeight();
            }
            y += 3;
        }
        return notes(y + 6);
    }

    /**
     * The figure's notes, wrapped, from y; returns the y below them. Lines that would run off the
     * canvas' foot are left out, the last one shown ending in "…".
     */
    double notes(double y) {
        FontMetrics n = g.getFontMetrics(PaperStyle.NOTE);
        double x = plot.getMaxX() + 14;
        double width = PaperStyle.WIDTH - MARGIN - x;
        List<String> lines = new ArrayList<>();
        for (String note : f.notes()) {
            lines.addAll(wrap(note, PaperStyle.NOTE, width));
            lines.add("");
        }
        int fit = 0;
        double bottom = y;
        for (String line : lines) {
            double next = bottom + (line.isEmpty() ? 4 : n.getHeight());
            if (next > PaperStyle.HEIGHT - 6) {
                break;
            }
            bottom = next;
            fit++;
        }
        for (int i = 0; i < fit; i++) {
            String line = lines.get(i);
            if (i == fit - 1 && fit < lines.size() && lines.subList(fit, lines.size()).stream().anyMatch(l -> !l.isEmpty())) {
                while (!line.isEmpty() && width(line + " …", PaperStyle.NOTE) > width) {
                    line = line.substring(0, line.length() - 1);
                }
                line = line + " …";
            }
            text(line, PaperStyle.NOTE, x, y + n.getAscent(), 0);
            y += line.isEmpty() ? 4 : n.getHeight();
        }
        return y;
    }

    /** Text at (x, y) (baseline), rotated by angle around that point, in the ink colour. */
    void text(String s, Font font, double x, double y, double angle) {
        if (s == null || s.isEmpty()) {
            return;
        }
        AffineTransform saved = g.getTransform();
        g.setFont(font);
        g.setColor(PaperStyle.INK);
        g.translate(x, y);
        if (angle != 0) {
            g.rotate(angle);
        }
        g.drawString(s, 0f, 0f);
        g.setTransform(saved);
        FontMetrics m = g.getFontMetrics(font);
        Rectangle2D box = new Rectangle2D.Double(0, -m.getAscent(), width(s, font), m.getAscent() + m.getDescent());
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.rotate(angle);
        placed.add(new Placed(s, at.createTransformedShape(box).getBounds2D()));
    }

    /** Width of s in pixels, fractional. */
    double width(String s, Font font) {
        return g.getFontMetrics(font).getStringBounds(s, g).getWidth();
    }

    /** Words of s in lines no wider than width pixels; a longer word is broken after a hyphen or anywhere. */
    List<String> wrap(String s, Font font, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (width(next, font) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
            while (width(line.toString(), font) > width && line.length() > 1) {
                String l = line.toString();
                int cut = l.length() - 1;
                while (cut > 1 && width(l.substring(0, cut), font) > width) {
                    cut--;
                }
                int hyphen = l.lastIndexOf('-', cut - 1);
                if (hyphen > 0) {
                    cut = hyphen + 1;
                }
                lines.add(l.substring(0, cut));
                line = new StringBuilder(l.substring(cut));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
