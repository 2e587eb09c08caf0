package org.oneneuron.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oneneuron.landscape.Slice;

/**
 * Pictures of a loss slice: filled contours of the loss over a plane's (s, t) grid (log colour
 * scale) with its named points marked and the escape direction drawn as an arrow from "plain" to
 * "escape"; or the curves along a line, the named points marked on the loss, the network-only loss
 * beside it and the neuron's contribution in a panel below. Written as PNG, SVG, PDF, JSON and CSV.
 */
public final class SlicePlot {

    private SlicePlot() {
    }

    /**
     * Writes DIR/ID.png, .svg, .pdf, .json and .csv of a figure.
     *
     * @return the PNG's path
     */
    public static Path write(FigureData figure, Path dir) {
        FigureFiles.write(figure, dir);
        return dir.resolve(figure.id() + ".png");
    }

    /**
     * A plane as filled contours: anchors become marks, "plain" → "escape" an arrow named
     * "escape direction"; {@code paths} are drawn on top.
     */
    public static FigureData figure(String id, String title, String xLabel, String yLabel, Slice slice,
                                    String valueLabel, String caption, List<FigureData.Series> paths) {
        List<FigureData.Mark> marks = new ArrayList<>();
        Slice.Anchor plain = null;
        Slice.Anchor escape = null;
        for (Slice.Anchor a : slice.anchors()) {
            if (a.name().equals("escape")) {
                escape = a;
            } else {
                marks.add(FigureData.Mark.point(a.name(), a.s(), a.t()));
            }
            if (a.name().equals("plain")) {
                plain = a;
            }
        }
        if (escape != null) {
            marks.add(plain != null ? FigureData.Mark.arrow("escape direction", plain.s(), plain.t(), escape.s(), escape.t())
                    : FigureData.Mark.point("escape", escape.s(), escape.t()));
        }
        FigureData.Grid grid = new FigureData.Grid(slice.s(), slice.t(), slice.loss(), positive(slice.loss()), valueLabel);
        return new FigureData(id, title, xLabel, yLabel, "contour", false, false, caption, paths, grid, marks,
                List.of());
    }

    /**
     * A line: the loss, with the network-only loss beside it when given, and the neuron's largest
     * contribution max_i |a·E_i| in a panel below (its scale is another: a loss dip of 0.006 must
     * not be flattened by it); the named points are marked on the loss curve and their losses
     * noted. The loss axis is logarithmic only when the loss spans two decades or more.
     */
    public static FigureData line(String id, String title, Slice slice, double[] networkOnly,
                                  double[] contribution, String caption) {
        List<FigureData.Series> series = new ArrayList<>();
        double[] s = slice.s();
        double[] loss = slice.loss();
        series.add(new FigureData.Series("loss L~", s, loss, List.of()));
        if (networkOnly.length > 0) {
            series.add(new FigureData.Series("network-only loss", s, networkOnly, List.of()));
        }
        if (contribution.length > 0) {
            series.add(new FigureData.Series("neuron's max|a·E|", s, contribution, List.of(), new int[0], 1));
        }
        double[] upper = series.stream().filter(q -> q.panel() == 0)
                .flatMapToDouble(q -> java.util.Arrays.stream(q.y())).toArray();
        boolean log = positive(upper) && spread(upper) >= 100;
        List<FigureData.Mark> marks = new ArrayList<>();
        double[] at = slice.anchors().stream().mapToDouble(a -> interpolate(s, loss, a.s())).toArray();
        List<String> values = Axis.significant(at, 4);
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < at.length; k++) {
            Slice.Anchor a = slice.anchors().get(k);
            if (Double.isFinite(at[k])) {
                marks.add(FigureData.Mark.point(a.name(), a.s(), at[k]));
            }
            notes.add(a.name() + " at s\u00a0=\u00a0" + Axis.round(a.s()) + ", loss\u00a0" + values.get(k));
        }
        return new FigureData(id, title, "s", log ? "loss (log scale)" : "loss", "line", false, log, caption,
                series, null, marks, notes.isEmpty() ? List.of() : List.of("Marked: " + String.join("; ", notes) + "."));
    }

    /** The value at x of the piecewise linear function through (xs, ys) (xs increasing), NaN outside. */
    static double interpolate(double[] xs, double[] ys, double x) {
        for (int i = 0; i + 1 < xs.length; i++) {
            if (x >= xs[i] && x <= xs[i + 1]) {
                double w = xs[i + 1] == xs[i] ? 0 : (x - xs[i]) / (xs[i + 1] - xs[i]);
                return w == 0 ? ys[i] : w == 1 ? ys[i + 1] : ys[i] + w * (ys[i + 1] - ys[i]);
            }
        }
        return xs.length == 1 && xs[0] == x ? ys[0] : Double.NaN;
    }

    /** Largest over smallest finite value (of positive values). */
    private static double spread(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi / lo;
    }

    /** True when every finite value is positive and at least one is (a log scale is possible). */
    static boolean positive(double[] values) {
        boolean any = false;
        for (double v : values) {
            if (Double.isFinite(v)) {
                if (v <= 0) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
