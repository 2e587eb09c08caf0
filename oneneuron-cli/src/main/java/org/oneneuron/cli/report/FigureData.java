package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The numbers behind one figure, drawn statically (PNG, SVG, PDF) and interactively (report.html)
 * and written as JSON and CSV beside them.
 *
 * @param id      file stem, snake_case
 * @param title   chart title
 * @param xLabel  x-axis label
 * @param yLabel  y-axis label
 * @param kind    "line", "step" (an ECDF), "bar", "box" (box and strip plot: a series' point i
 *                belongs to category {@code categories[i]}), or "contour" (the {@link Grid} filled
 *                by level, series drawn over it as paths), or "matrix" (a confusion matrix: the
 *                {@link Grid} holds value(row r, column c) at (s_c, t_r), and the one series' categories
 *                name the rows and columns)
 * @param logX    logarithmic x axis
 * @param logY    logarithmic y axis
 * @param caption what it shows and the command that regenerates it
 * @param series  the series
 * @param grid    the values of a contour figure, else null
 * @param marks   named points and arrows drawn on top (contour figures; line figures: points on
 *                the first panel)
 * @param notes   remarks shown under the legend (e.g. which series coincide)
 */
public record FigureData(String id, String title, String xLabel, String yLabel, String kind,
                         boolean logX, boolean logY, String caption, List<Series> series, Grid grid,
                         List<Mark> marks, List<String> notes) {

    /** The figure kinds. */
    public static final List<String> KINDS = List.of("line", "step", "bar", "box", "contour", "matrix");

    /**
     * One named series of (x, y) points.
     *
     * @param name       legend name
     * @param x          x values (box and bar figures: the category's index)
     * @param y          y values, same length
     * @param categories per point, its category (box and bar figures), else empty
     * @param runs       per point, the study run it comes from (links it to the runs table), or
     *                   empty
     * @param panel      0, or 1 for a line drawn in a second panel under the first, on its own y
     *                   axis labelled with its series' names (for values of another scale)
     */
    public record Series(String name, double[] x, double[] y, List<String> categories, int[] runs, int panel) {

        public Series {
            Objects.requireNonNull(name, "name");
            x = x.clone();
            y = y.clone();
            categories = List.copyOf(categories);
            runs = runs.clone();
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values, "
                        + y.length + " y values");
            }
            if (runs.length != 0 && runs.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "': " + runs.length
                        + " run indices for " + x.length + " points");
            }
            if (panel != 0 && panel != 1) {
                throw new IllegalArgumentException("series '" + name + "': panel must be 0 or 1, got " + panel);
            }
        }

        /** A series in the first panel. */
        public Series(String name, double[] x, double[] y, List<String> categories, int[] runs) {
            this(name, x, y, categories, runs, 0);
        }

        /** A series without run links. */
        public Series(String name, double[] x, double[] y, List<String> categories) {
            this(name, x, y, categories, new int[0], 0);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public int[] runs() {
            return runs.clone();
        }

        /** Same points (bit for bit) and categories as another series. */
        boolean samePoints(Series o) {
            return Arrays.equals(x, o.x) && Arrays.equals(y, o.y) && categories.equals(o.categories)
                    && panel == o.panel;
        }

        Series renamed(String newName) {
            return new Series(newName, x, y, categories, runs, panel);
        }
    }

    /**
     * Values on an (s, t) grid: value[i·|t| + j] at (s_i, t_j); NaN where not finite.
     *
     * @param s          x grid
     * @param t          y grid
     * @param value      the values, row-major over s
     * @param log        colour by log10 of the value
     * @param valueLabel what the value is, e.g. "loss L~"
     */
    public record Grid(double[] s, double[] t, double[] value, boolean log, String valueLabel) {

        public Grid {
            s = s.clone();
            t = t.clone();
            value = value.clone();
            if (value.length != s.length * t.length) {
                throw new IllegalArgumentException("grid has " + value.length + " values for "
                        + s.length + " x " + t.length + " points");
            }
        }

        @Override
        public double[] s() {
            return s.clone();
        }

        @Override
        public double[] t() {
            return t.clone();
        }

        @Override
        public double[] value() {
            return value.clone();
        }

        /** The value at (s_i, t_j). */
        public double at(int i, int j) {
            return value[i * t.length + j];
        }
    }

    /**
     * A named point, or an arrow from (x, y) to (x2, y2).
     *
     * @param name  label
     * @param x     x
     * @param y     y
     * @param arrow whether it is an arrow
     * @param x2    arrow head x (NaN for a point)
     * @param y2    arrow head y (NaN for a point)
     */
    public record Mark(String name, double x, double y, boolean arrow, double x2, double y2) {

        /** A named point. */
        public static Mark point(String name, double x, double y) {
            return new Mark(name, x, y, false, Double.NaN, Double.NaN);
        }

        /** An arrow. */
        public static Mark arrow(String name, double x, double y, double x2, double y2) {
            return new Mark(name, x, y, true, x2, y2);
        }
    }

    public FigureData {
        Objects.requireNonNull(id, "id");
        series = List.copyOf(series);
        marks = List.copyOf(marks);
        notes = List.copyOf(notes);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("figure kind must be one of " + KINDS + ", got '" + kind + "'");
        }
        boolean gridded = kind.equals("contour") || kind.equals("matrix");
        if (gridded != (grid != null)) {
            throw new IllegalArgumentException("a contour or matrix figure needs a grid, and only they have one");
        }
    }

    /** A figure of series alone. */
    public FigureData(String id, String title, String xLabel, String yLabel, String kind, boolean logX,
                      boolean logY, String caption, List<Series> series) {
        this(id, title, xLabel, yLabel, kind, logX, logY, caption, series, null, List.of(), List.of());
    }

    /** True when nothing would be drawn. */
    public boolean empty() {
        return grid == null && series.stream().allMatch(s -> s.x().length == 0);
    }

    /**
     * The figure with series that have the same points merged into one, named "A = B" (see
     * {@link #joined}), and a note saying so: otherwise the later one hides the earlier without a word.
     */
    public FigureData mergeIdentical() {
        List<Series> kept = new ArrayList<>();
        List<String> merged = new ArrayList<>(notes);
        boolean[] used = new boolean[series.size()];
        for (int i = 0; i < series.size(); i++) {
            if (used[i]) {
                continue;
            }
            Series s = series.get(i);
            List<String> names = new ArrayList<>(List.of(s.name()));
            for (int j = i + 1; j < series.size(); j++) {
                if (!used[j] && series.get(j).x().length > 0 && s.samePoints(series.get(j))) {
                    used[j] = true;
                    names.add(series.get(j).name());
                }
            }
            if (names.size() > 1) {
                String name = joined(names);
                merged.add("'" + name + "': identical here (every point equal), drawn as one.");
                kept.add(s.renamed(name));
            } else {
                kept.add(s);
            }
        }
        return new FigureData(id, title, xLabel, yLabel, kind, logX, logY, caption, kept, grid, marks, merged);
    }

    /**
     * "A = B", a tail after ", " that all names share said once: "skip-exp, creeping (3)" and
     * "per-layer-exp, creeping (3)" become "skip-exp = per-layer-exp, creeping (3)".
     */
    static String joined(List<String> names) {
        String first = names.get(0);
        for (int at = first.indexOf(", "); at > 0; at = first.indexOf(", ", at + 1)) {
            String tail = first.substring(at);
            if (names.stream().allMatch(n -> n.endsWith(tail) && n.length() > tail.length())) {
                return String.join(" = ", names.stream().map(n -> n.substring(0, n.length() - tail.length())).toList())
                        + tail;
            }
        }
        return String.join(" = ", names);
    }
}
