package org.oneneuron.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a figure as DIR/ID.png, ID.svg, ID.json and ID.csv; returns the PNG bytes for inlining. */
final class FigureFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FigureFiles() {
    }

    static byte[] write(FigureData f, Path dir) {
        try {
            Files.createDirectories(dir);
            Chart<?, ?> chart = Charts.of(f);
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            Files.write(dir.resolve(f.id() + ".png"), png);
            VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(f.id()).toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            Files.writeString(dir.resolve(f.id() + ".json"), json(f), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(f.id() + ".csv"), csv(f), StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + f.id() + " to " + dir, e);
        }
    }

    static String json(FigureData f) throws IOException {
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
            ArrayNode x = sn.putArray("x");
            for (double v : s.x()) {
                x.add(v);
            }
            ArrayNode y = sn.putArray("y");
            for (double v : s.y()) {
                y.add(v);
            }
            if (!s.categories().isEmpty()) {
                ArrayNode c = sn.putArray("categories");
                s.categories().forEach(c::add);
            }
        }
        return JSON.writeValueAsString(node) + "\n";
    }

    static String csv(FigureData f) {
        StringBuilder out = new StringBuilder("series,x,y,category\n");
        for (FigureData.Series s : f.series()) {
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                String category = s.categories().isEmpty() ? "" : s.categories().get(i);
                out.append(quote(s.name())).append(',')
                        .append(String.format(Locale.ROOT, "%.17g,%.17g,", x[i], y[i]))
                        .append(quote(category)).append('\n');
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
