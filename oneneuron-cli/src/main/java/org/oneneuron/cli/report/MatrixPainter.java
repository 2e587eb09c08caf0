package org.oneneuron.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * A matrix figure (a confusion matrix): square cells, row r (actual class r, top to bottom) and
 * column c (predicted class c), each filled by its share of the row, value(r, c) / Σ_c' value(r, c'),
 * on a white-to-blue scale, with the count written in the cell when it fits; class names along
 * both axes, and the colour scale and the notes in the right panel. The grid holds value(r, c) at
 * (s_c, t_r); the names are the categories of the figure's one series.
 */
final class MatrixPainter {

    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08, 0x30, 0x6b);

    private MatrixPainter() {
    }

    static void paint(FigurePainter p) {
        FigureData.Grid grid = p.f.grid();
        int k = grid.s().length;
        List<String> names = p.f.series().get(0).categories();
        FontMetrics tm = p.g.getFontMetrics(PaperStyle.TICK);
        int widest = names.stream().mapToInt(tm::stringWidth).max().orElse(0);
        double labelSpace = Math.min(widest + 8, 90);
        double side = Math.min(p.plot.getWidth() - labelSpace, p.plot.getHeight() - labelSpace);
        double cell = side / k;
        double left = p.plot.getX() + labelSpace;
        double top = p.plot.getY();
        for (int r = 0; r < k; r++) {
            double total = 0;
            for (int c = 0; c < k; c++) {
                total += grid.at(c, r);
            }
            for (int c = 0; c < k; c++) {
                double v = grid.at(c, r);
                double share = total > 0 ? v / total : 0;
                Rectangle2D box = new Rectangle2D.Double(left + c * cell, top + r * cell, cell, cell);
                p.g.setColor(shade(share));
                p.g.fill(box);
                String count = String.format(Locale.ROOT, "%.0f", v);
                if (tm.stringWidth(count) + 4 <= cell && tm.getHeight() <= cell) {
                    p.g.setFont(PaperStyle.TICK);
                    p.g.setColor(share > 0.5 ? Color.WHITE : PaperStyle.INK);
                    p.g.drawString(count, (float) (box.getCenterX() - tm.stringWidth(count) / 2.0),
                            (float) (box.getCenterY() + tm.getAscent() / 2.0 - 1));
                }
            }
        }
        p.g.setColor(PaperStyle.FRAME);
        p.g.setStroke(new BasicStroke(0.8f));
        p.g.draw(new Rectangle2D.Double(left, top, side, side));
        if (tm.getHeight() <= cell * 1.5) {
            for (int i = 0; i < k; i++) {
                String name = fit(names.get(i), tm, labelSpace - 8);
                p.text(name, PaperStyle.TICK, left - 6 - tm.stringWidth(name),
                        top + (i + 0.5) * cell + tm.getAscent() / 2.0 - 1, 0);
                String column = fit(names.get(i), tm, tm.stringWidth(names.get(i)) <= cell ? cell : labelSpace - 8);
                if (tm.stringWidth(column) <= cell) {
                    p.text(column, PaperStyle.TICK, left + (i + 0.5) * cell - tm.stringWidth(column) / 2.0,
                            top + side + 4 + tm.getAscent(), 0);
                } else {
                    p.text(column, PaperStyle.TICK, left + (i + 0.5) * cell + tm.getAscent() / 2.0 - 1,
                            top + side + 6 + tm.stringWidth(column), -Math.PI / 2);
                }
            }
        }
        FontMetrics lm = p.g.getFontMetrics(PaperStyle.LABEL);
        p.text(p.f.xLabel(), PaperStyle.LABEL, left + side / 2 - lm.stringWidth(p.f.xLabel()) / 2.0,
                PaperStyle.HEIGHT - 12, 0);
        p.text(p.f.yLabel(), PaperStyle.LABEL, 18, top + side / 2 + lm.stringWidth(p.f.yLabel()) / 2.0, -Math.PI / 2);
        p.notes(scale(p, Math.max(left + side + 24, p.plot.getMaxX() + 14)));
    }

    /** The colour of a row share in [0, 1]: white to dark blue. */
    static Color shade(double share) {
        double w = Math.max(0, Math.min(1, share));
        return new Color(mix(LOW.getRed(), HIGH.getRed(), w), mix(LOW.getGreen(), HIGH.getGreen(), w),
                mix(LOW.getBlue(), HIGH.getBlue(), w));
    }

    /** The colour scale (share of the row, 0 to 1) at x; returns the y below it. */
    private static double scale(FigurePainter p, double x) {
        double top = FigurePainter.TOP + 4;
        FontMetrics m = p.g.getFontMetrics(PaperStyle.LEGEND);
        p.text("share of the row", PaperStyle.LEGEND, x, top + m.getAscent(), 0);
        double barTop = top + m.getHeight() + 4;
        double height = 120;
        int steps = 40;
        for (int i = 0; i < steps; i++) {
            p.g.setColor(shade(1 - (i + 0.5) / steps));
            p.g.fill(new Rectangle2D.Double(x, barTop + i * height / steps, 14, height / steps + 0.5));
        }
        p.g.setColor(PaperStyle.FRAME);
        p.g.draw(new Rectangle2D.Double(x, barTop, 14, height));
        p.text("1", PaperStyle.TICK, x + 20, barTop + m.getAscent() / 2.0, 0);
        p.text("0.5", PaperStyle.TICK, x + 20, barTop + height / 2 + m.getAscent() / 2.0, 0);
        p.text("0", PaperStyle.TICK, x + 20, barTop + height + m.getAscent() / 2.0 - 2, 0);
        return barTop + height + 16;
    }

    private static String fit(String s, FontMetrics m, double width) {
        if (m.stringWidth(s) <= width) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && m.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round(a * (1 - w) + b * w);
    }
}
