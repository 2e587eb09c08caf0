package org.oneneuron.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oneneuron.landscape.Slice;

/**
 * Pictures of a loss slice: filled contours of the loss over a plane's (s, t) grid (log colour
 * scale) with its named points marked and the escape direction drawn as an arrow from "plain" to
 * "escape"; or the curves along a line, where the network-only loss and the neuron's contribution
 * are drawn beside the loss. Written as PNG, SVG, PDF, JSON and CSV.
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
     * A line: the loss, and beside it the network-only loss and the neuron's largest contribution
     * max_i |a·E_i| when given (same length as the slice's s, else empty).
     */
    public static FigureData line(String id, String title, Slice slice, double[] networkOnly,
                                  double[] contribution, String caption) {
        List<FigureData.Series> series = new ArrayList<>();
        series.add(new FigureData.Series("loss L~", slice.s(), slice.loss(), List.of()));
        if (networkOnly.length > 0) {
            series.add(new FigureData.Series("network-only loss", slice.s(), networkOnly, List.of()));
        }
        if (contribution.length > 0) {
            series.add(new FigureData.Series("neuron's contribution max|a·E|", slice.s(), contribution, List.of()));
        }
        boolean log = series.stream().allMatch(s -> positive(s.y()));
        List<FigureData.Mark> none = List.of();
        List<String> notes = new ArrayList<>();
        for (Slice.Anchor a : slice.anchors()) {
            notes.add(a.name() + " at s = " + Axis.round(a.s()));
        }
        return new FigureData(id, title, "s", log ? "value (log scale)" : "value", "line", false, log, caption,
                series, null, none, notes.isEmpty() ? List.of() : List.of("Points: " + String.join(", ", notes) + "."));
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
