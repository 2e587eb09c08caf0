package org.oneneuron.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oneneuron.landscape.Slice;

/**
 * Pictures of a loss slice: a heat map of log10 L over a plane's (s, t) grid, or the curve of L
 * along a line, written as PNG, SVG, JSON and CSV.
 */
public final class SlicePlot {

    private SlicePlot() {
    }

    /**
     * Writes DIR/ID.png, .svg, .json and .csv of the slice.
     *
     * @return the PNG's path
     */
    public static Path write(Slice slice, Path dir, String id, String title, String caption) {
        FigureData figure = slice.isPlane()
                ? figure(id, title, "s", "t", slice, caption)
                : new FigureData(id, title, "s", "loss", "line", false, positive(slice), caption,
                        List.of(new FigureData.Series("loss", slice.s(), slice.loss(), List.of())));
        FigureFiles.write(figure, dir);
        return dir.resolve(id + ".png");
    }

    /** A plane's heat map: one series per t, x = s, y = log10 of the loss (floored at 1e-12). */
    static FigureData figure(String id, String title, String xLabel, String yLabel, Slice slice,
                             String caption) {
        double[] s = slice.s();
        double[] t = slice.t();
        List<FigureData.Series> rows = new ArrayList<>();
        for (int j = 0; j < t.length; j++) {
            double[] y = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                y[i] = Math.log10(Math.max(slice.at(i, j), StudyFigures.LOG_FLOOR));
            }
            rows.add(new FigureData.Series(String.format(Locale.ROOT, "t=%.17g", t[j]), s, y, List.of()));
        }
        return new FigureData(id, title, xLabel, yLabel, "heatmap", false, false, caption, rows);
    }

    private static boolean positive(Slice slice) {
        for (double v : slice.loss()) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}
