package org.oneneuron.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.io.WriteFailedException;

/**
 * Writes a figure as DIR/ID.png, ID.svg, ID.pdf (for papers), ID.json (the data, also what the
 * interactive report draws) and ID.csv, each through {@link AtomicFiles}: a failed write leaves
 * the old file whole (and the files written before it new).
 */
final class FigureFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FigureFiles() {
    }

    /** Writes every file of the figure (identical series merged first). */
    static void write(FigureData figure, Path dir) {
        FigureData f = figure.mergeIdentical();
        try {
            AtomicFiles.write(dir.resolve(f.id() + ".png"), VectorFiles.png(f));
            AtomicFiles.write(dir.resolve(f.id() + ".svg"), VectorFiles.svg(f));
            AtomicFiles.write(dir.resolve(f.id() + ".pdf"), VectorFiles.pdf(f));
            AtomicFiles.writeString(dir.resolve(f.id() + ".json"), PRETTY.writeValueAsString(tree(f)) + "\n");
            AtomicFiles.writeString(dir.resolve(f.id() + ".csv"), csv(f));
        } catch (IOException e) { // drawing or serializing; a failed write says so itself (WriteFailedException)
            throw new UncheckedIOException("cannot write figure " + f.id() + " to " + dir + ": "
                    + WriteFailedException.reason(e), e);
        }
    }

    /**
     * The figure as JSON: its fields in snake_case, NaN as null; a contour figure also carries
     * its levels and band colours so that the interactive chart matches the static one.
     */
    static ObjectNode tree(FigureData f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", f.id());
        node.put("title", f.title());
        node.put("x_label", f.xLabel());
        node.put("y_label", f.yLabel());
        node.put("kind", f.kind());
        node.put("log_x", f.logX());
        node.put("log_y", f.logY());
        node.put("caption", f.caption());
        ArrayNode series = node.putArray("series");
        for (FigureData.Series s : f.series()) {
            ObjectNode sn = series.addObject();
            sn.put("name", s.name());
            numbers(sn.putArray("x"), s.x());
            numbers(sn.putArray("y"), s.y());
            if (!s.categories().isEmpty()) {
                ArrayNode c = sn.putArray("categories");
                s.categories().forEach(c::add);
            }
            if (s.runs().length > 0) {
                ArrayNode r = sn.putArray("runs");
                for (int run : s.runs()) {
                    r.add(run);
                }
            }
            if (s.panel() != 0) {
                sn.put("panel", s.panel());
            }
        }
        if (f.grid() != null) {
            FigureData.Grid g = f.grid();
            ObjectNode gn = node.putObject("grid");
            numbers(gn.putArray("s"), g.s());
            numbers(gn.putArray("t"), g.t());
            numbers(gn.putArray("value"), g.value());
            gn.put("log", g.log());
            gn.put("value_label", g.valueLabel());
            if (f.kind().equals("contour")) {
                contourLevels(gn, g);
            }
        }
        ArrayNode marks = node.putArray("marks");
        for (FigureData.Mark m : f.marks()) {
            ObjectNode mn = marks.addObject();
            mn.put("name", m.name());
            number(mn, "x", m.x());
            number(mn, "y", m.y());
            mn.put("arrow", m.arrow());
            number(mn, "x2", m.x2());
            number(mn, "y2", m.y2());
        }
        ArrayNode notes = node.putArray("notes");
        f.notes().forEach(notes::add);
        ArrayNode colours = node.putArray("series_colours");
        for (int k = 0; k < f.series().size(); k++) {
            colours.add(PaperStyle.hex(PaperStyle.series(k)));
        }
        return node;
    }

    /** The contour levels and the colour of each band, so that the interactive chart matches the static one. */
    private static void contourLevels(ObjectNode gn, FigureData.Grid g) {
        double[] levels = ContourBands.levels(ContourBands.transformed(g));
        numbers(gn.putArray("levels"), levels);
        ArrayNode colours = gn.putArray("colours");
        for (int k = 0; k + 1 < levels.length; k++) {
            colours.add(PaperStyle.hex(ContourPainter.colour(k, levels.length - 1)));
        }
    }

    /** The JSON on one line (for inlining in report.html). */
    static String compact(FigureData f) throws IOException {
        return JSON.writeValueAsString(tree(f.mergeIdentical()));
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    static String csv(FigureData f) {
        StringBuilder out = new StringBuilder();
        if (f.kind().equals("matrix")) {
            return matrixCsv(f);
        }
        if (f.grid() != null) {
            out.append("s,t,value\n");
            FigureData.Grid g = f.grid();
            double[] s = g.s();
            double[] t = g.t();
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < t.length; j++) {
                    out.append(String.format(Locale.ROOT, "%.17g,%.17g,%s%n", s[i], t[j], value(g.at(i, j))));
                }
            }
            return out.toString();
        }
        out.append("series,x,y,category,run\n");
        for (FigureData.Series s : f.series()) {
            double[] x = s.x();
            double[] y = s.y();
            int[] runs = s.runs();
            for (int i = 0; i < x.length; i++) {
                String category = s.categories().isEmpty() ? "" : s.categories().get(i);
                out.append(quote(s.name())).append(',').append(value(x[i])).append(',').append(value(y[i]))
                        .append(',').append(quote(category)).append(',')
                        .append(runs.length == 0 ? "" : Integer.toString(runs[i])).append('\n');
            }
        }
        return out.toString();
    }

    /** A matrix as "row\\column,c1,..,cK" and one line per row, the cells as whole numbers. */
    private static String matrixCsv(FigureData f) {
        List<String> names = f.series().get(0).categories();
        FigureData.Grid g = f.grid();
        StringBuilder out = new StringBuilder(quote(f.yLabel() + "\\" + f.xLabel()));
        for (String name : names) {
            out.append(',').append(quote(name));
        }
        out.append('\n');
        for (int r = 0; r < names.size(); r++) {
            out.append(quote(names.get(r)));
            for (int c = 0; c < names.size(); c++) {
                out.append(',').append(String.format(Locale.ROOT, "%.0f", g.at(c, r)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String value(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.17g", v) : "nan";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
