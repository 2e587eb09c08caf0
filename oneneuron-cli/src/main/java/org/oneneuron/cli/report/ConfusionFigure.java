package org.oneneuron.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A classifier's confusion matrix as a figure: DIR/confusion.png, .svg, .pdf (cells shaded by
 * their share of the actual class, counts written in), .json (the numbers and names) and .csv
 * (rows: actual class, columns: predicted), written by {@code train --figures} and
 * {@code evaluate --figures}.
 */
public final class ConfusionFigure {

    /** The file stem of every file the figure writes. */
    public static final String ID = "confusion";

    private ConfusionFigure() {
    }

    /**
     * The figure of {@code confusion} (rows: actual class, columns: predicted; K × K counts).
     *
     * @param title   the chart's title, e.g. "MNIST, held-out part: 9,823 of 10,000 right"
     * @param caption what it shows and the command that draws it again
     * @throws IllegalArgumentException when the matrix is not K × K for the K names, or a count is negative
     */
    public static FigureData of(long[][] confusion, List<String> classes, String title, String caption) {
        int k = classes.size();
        if (k < 2 || confusion.length != k) {
            throw new IllegalArgumentException("a confusion matrix needs K x K counts for K >= 2 classes; got "
                    + confusion.length + " rows for " + k + " classes");
        }
        double[] index = new double[k];
        double[] value = new double[k * k];
        for (int r = 0; r < k; r++) {
            index[r] = r;
            if (confusion[r].length != k) {
                throw new IllegalArgumentException("confusion row " + r + " has " + confusion[r].length
                        + " counts; expected " + k);
            }
            for (int c = 0; c < k; c++) {
                if (confusion[r][c] < 0) {
                    throw new IllegalArgumentException("confusion count (" + r + ", " + c + ") is negative");
                }
                value[c * k + r] = confusion[r][c];
            }
        }
        FigureData.Grid grid = new FigureData.Grid(index, index, value, false, "samples");
        FigureData.Series names = new FigureData.Series("classes", index, index, new ArrayList<>(classes));
        return new FigureData(ID, title, "predicted class", "actual class", "matrix", false, false, caption,
                List.of(names), grid, List.of(), List.of("Numbers: samples; colour: share of the actual class"
                        + " (its row), so the diagonal is each class's recall."));
    }

    /** Writes the figure's files into {@code dir} (created when missing); returns the PNG's path. */
    public static Path write(FigureData figure, Path dir) {
        FigureFiles.write(figure, dir);
        return dir.resolve(figure.id() + ".png");
    }

    /** "N of M right (A%)" for a title. */
    public static String score(long[][] confusion) {
        long right = 0;
        long all = 0;
        for (int r = 0; r < confusion.length; r++) {
            for (int c = 0; c < confusion[r].length; c++) {
                all += confusion[r][c];
                right += r == c ? confusion[r][c] : 0;
            }
        }
        return String.format(Locale.ROOT, "%,d of %,d right (%.2f%%)", right, all, all == 0 ? 0.0 : 100.0 * right / all);
    }
}
