package org.oneneuron.landscape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Writes a {@link Slice} as CSV (columns {@code s,t,loss}, one grid point a row, "nan" for
 * non-finite values) and as JSON (snake_case keys; non-finite values as null), as text for the
 * caller to write (the CLI writes them atomically, {@code org.oneneuron.io.AtomicFiles}; this
 * package does not write files).
 */
public final class SliceWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SliceWriter() {
    }

    /** The CSV text: a header line, then one line per grid point. */
    public static String csv(Slice slice) {
        StringBuilder w = new StringBuilder("s,t,loss\n");
        double[] s = slice.s();
        double[] t = slice.isPlane() ? slice.t() : new double[] {0.0};
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < t.length; j++) {
                double v = slice.at(i, j);
                w.append(String.format(Locale.ROOT, "%.10g,%.10g,%s%n", s[i], t[j],
                        Double.isFinite(v) ? String.format(Locale.ROOT, "%.17g", v) : "nan"));
            }
        }
        return w.toString();
    }

    /** The JSON tree: kind, s, t, loss (rows over s), anchors, non_finite, minimum. */
    public static ObjectNode toJson(Slice slice) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", 1);
        root.put("kind", slice.kind());
        ArrayNode s = root.putArray("s");
        for (double v : slice.s()) {
            s.add(v);
        }
        ArrayNode t = root.putArray("t");
        for (double v : slice.t()) {
            t.add(v);
        }
        ArrayNode loss = root.putArray("loss");
        int cols = slice.isPlane() ? slice.t().length : 1;
        for (int i = 0; i < slice.s().length; i++) {
            ArrayNode target = slice.isPlane() ? loss.addArray() : loss;
            for (int j = 0; j < cols; j++) {
                double v = slice.at(i, j);
                if (Double.isFinite(v)) {
                    target.add(v);
                } else {
                    target.addNull();
                }
            }
        }
        ArrayNode anchors = root.putArray("anchors");
        for (Slice.Anchor a : slice.anchors()) {
            anchors.addObject().put("name", a.name()).put("s", a.s()).put("t", a.t());
        }
        root.put("non_finite", slice.nonFinite());
        double minimum = slice.minimum();
        if (Double.isFinite(minimum)) {
            root.put("minimum", minimum);
        } else {
            root.putNull("minimum");
        }
        return root;
    }

    /** The JSON text of {@link #toJson}, indented. */
    public static String json(Slice slice) throws JsonProcessingException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(slice));
    }
}
