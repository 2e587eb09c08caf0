package org.oneneuron.cli.report;

import java.util.List;
import java.util.Objects;

/**
 * The numbers behind one figure, written as JSON and CSV next to its PNG and SVG.
 *
 * @param id       file stem, snake_case
 * @param title    chart title
 * @param xLabel   x-axis label
 * @param yLabel   y-axis label
 * @param kind     "line", "step" (an ECDF), "bar" or "heatmap" (series j is the row at
 *                 t_j, named "t=VALUE", x the s grid, y the values)
 * @param logY     logarithmic y axis
 * @param logX     logarithmic x axis
 * @param caption  what it shows and the command that regenerates it
 * @param series   the series
 */
public record FigureData(String id, String title, String xLabel, String yLabel, String kind,
                         boolean logX, boolean logY, String caption, List<Series> series) {

    /**
     * One named series of (x, y) points; for bar figures x holds 0, 1, ... and names the
     * categories in {@code categories}.
     *
     * @param name       legend name
     * @param x          x values
     * @param y          y values, same length
     * @param categories bar labels (bar figures only), else empty
     */
    public record Series(String name, double[] x, double[] y, List<String> categories) {

        public Series {
            Objects.requireNonNull(name, "name");
            x = x.clone();
            y = y.clone();
            categories = List.copyOf(categories);
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values, "
                        + y.length + " y values");
            }
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    public FigureData {
        Objects.requireNonNull(id, "id");
        series = List.copyOf(series);
        if (!List.of("line", "step", "bar", "heatmap").contains(kind)) {
            throw new IllegalArgumentException("figure kind must be line, step, bar or heatmap, got '"
                    + kind + "'");
        }
    }

    /** True when no series has a point. */
    public boolean empty() {
        return series.stream().allMatch(s -> s.x().length == 0);
    }
}
