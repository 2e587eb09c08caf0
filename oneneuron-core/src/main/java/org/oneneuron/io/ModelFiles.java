package org.oneneuron.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oneneuron.data.DataException;
import org.oneneuron.train.Provenance;

/**
 * Reads and writes model files (docs/MODEL-FORMAT.md): one JSON object with
 * {@code format: "oneneuron-model"} and {@code format_version}. Doubles are written in Java's
 * round-trip form, so save then load gives θ bit for bit. Writes are atomic ({@link AtomicFiles}).
 * Every problem in a file is a {@link DataException} naming the file and the field.
 */
public final class ModelFiles {

    /** The value of the {@code format} key. */
    public static final String FORMAT_NAME = "oneneuron-model";

    /** Built on first read only: writing a model file needs no data-binding mapper. */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private ModelFiles() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(ModelFile model, Path path) {
        AtomicFiles.write(path, JsonText.utf8(body(model)));
    }

    /** Reads a model file; problems become a {@link DataException} naming the file. */
    public static ModelFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(path.toString(), "model file not found");
        } catch (IOException e) {
            throw new DataException(path.toString(), "cannot read model file: " + e.getMessage());
        }
        return fromJson(path.toString(), text);
    }

    /** The JSON text of {@code model}, written with {@link JsonText} (no data-binding mapper built). */
    public static String toJson(ModelFile model) {
        return JsonText.of(body(model));
    }

    /** What writes the model file's text, its final newline included. */
    private static JsonText.Body body(ModelFile model) {
        return out -> {
            out.writeStartObject();
            out.writeStringField("format", FORMAT_NAME);
            out.writeNumberField("format_version", ModelFile.FORMAT_VERSION);
            writeNetwork(out, model.network());
            out.writeStringField("loss", model.loss());
            out.writeStringField("reduction", model.reduction());
            out.writeNumberField("lambda", model.lambda());
            strings(out, "feature_names", model.featureNames());
            strings(out, "label_names", model.labelNames());
            if (model.standardizer().isPresent()) {
                out.writeObjectFieldStart("standardizer");
                doubles(out, "mean", model.standardizer().get().mean());
                doubles(out, "scale", model.standardizer().get().scale());
                out.writeEndObject();
            } else {
                out.writeNullField("standardizer");
            }
            if (model.target().isPresent()) {
                out.writeObjectFieldStart("target_standardizer");
                out.writeNumberField("mean", model.target().get().mean());
                out.writeNumberField("scale", model.target().get().scale());
                out.writeEndObject();
            }
            out.writeObjectFieldStart("parameters");
            out.writeNumberField("dimension", model.dimension());
            out.writeArrayFieldStart("blocks");
            for (ModelFile.Block block : model.parameters()) {
                out.writeStartObject();
                out.writeStringField("name", block.name());
                out.writeNumberField("offset", block.offset());
                out.writeNumberField("rows", block.rows());
                out.writeNumberField("cols", block.cols());
                doubles(out, "values", block.values());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            if (model.split().isPresent()) {
                writeSplit(out, model.split().get());
            }
            if (model.calibration().isPresent()) {
                ModelFile.Calibration c = model.calibration().get();
                out.writeObjectFieldStart("calibration");
                out.writeStringField("method", c.method());
                out.writeNumberField("a", c.a());
                out.writeNumberField("b", c.b());
                out.writeStringField("fitted_on", c.fittedOn());
                out.writeNumberField("samples", c.samples());
                out.writeEndObject();
            }
            out.writeObjectFieldStart("provenance");
            for (Map.Entry<String, String> e : new TreeMap<>(model.provenance()).entrySet()) {
                out.writeStringField(e.getKey(), e.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
            out.writeRaw('\n');
        };
    }

    private static void writeNetwork(JsonGenerator out, ModelFile.Network net) throws IOException {
        out.writeObjectFieldStart("network");
        out.writeNumberField("input_dim", net.inputDim());
        out.writeStringField("input_shape", net.inputShape());
        if (net.isGraph()) {
            out.writeStringField("architecture", net.architecture());
        } else {
            out.writeArrayFieldStart("hidden");
            for (int width : net.hidden()) {
                out.writeNumber(width);
            }
            out.writeEndArray();
            out.writeStringField("activation", net.activation());
        }
        out.writeStringField("neuron", net.neuron());
        out.writeEndObject();
    }

    private static void writeSplit(JsonGenerator out, ModelFile.Split split) throws IOException {
        out.writeObjectFieldStart("split");
        out.writeNumberField("held_out_share", split.heldOutShare());
        out.writeNumberField("seed", split.seed());
        out.writeNumberField("n", split.n());
        out.writeStringField("data_sha256", split.dataSha256());
        out.writeArrayFieldStart("test_indices");
        for (int i : split.testIndices()) {
            out.writeNumber(i);
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Parses model JSON; {@code source} names the file in error messages. */
    public static ModelFile fromJson(String source, String json) {
        JsonNode root;
        try {
            root = Reader.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataException(source, at == null ? 0 : at.getLineNr(),
                    at == null ? null : String.valueOf(at.getColumnNr()),
                    "not valid JSON: " + JsonText.problem(e));
        }
        Fields f = new Fields(source);
        if (root == null || !root.isObject()) {
            throw new DataException(source, "a model file is one JSON object");
        }
        if (!FORMAT_NAME.equals(root.path("format").asText(null))) {
            throw new DataException(source, "not a OneNeuron model file (format is not '"
                    + FORMAT_NAME + "')");
        }
        int version = f.integer(root, "format_version");
        if (version < 1 || version > ModelFile.FORMAT_VERSION) {
            throw new DataException(source, "unknown model format_version " + version
                    + "; this library (" + Provenance.currentLibraryVersion() + ") reads versions 1 to "
                    + ModelFile.FORMAT_VERSION);
        }
        try {
            return parse(f, root);
        } catch (IllegalArgumentException e) {
            throw new DataException(source, e.getMessage());
        }
    }

    private static ModelFile parse(Fields f, JsonNode root) {
        JsonNode net = f.object(root, "network");
        ModelFile.Network network;
        if (net.has("architecture")) {
            network = new ModelFile.Network(f.integer(net, "input_dim"), List.of(), "", f.text(net, "neuron"),
                    f.text(net, "input_shape"), f.text(net, "architecture"));
        } else {
            List<Integer> hidden = new ArrayList<>();
            for (JsonNode w : f.array(net, "hidden")) {
                if (!w.canConvertToInt() || !w.isIntegralNumber()) {
                    throw f.bad("network.hidden", "widths must be integers, got " + w);
                }
                hidden.add(w.intValue());
            }
            network = new ModelFile.Network(f.integer(net, "input_dim"), hidden, f.text(net, "activation"),
                    f.text(net, "neuron"));
        }
        Optional<ModelFile.Standardizer> standardizer = Optional.empty();
        JsonNode s = root.get("standardizer");
        if (s != null && !s.isNull()) {
            standardizer = Optional.of(new ModelFile.Standardizer(f.doubles(s, "mean"),
                    f.doubles(s, "scale")));
        }
        JsonNode params = f.object(root, "parameters");
        List<ModelFile.Block> blocks = new ArrayList<>();
        for (JsonNode b : f.array(params, "blocks")) {
            blocks.add(new ModelFile.Block(f.text(b, "name"), f.integer(b, "offset"),
                    f.integer(b, "rows"), f.integer(b, "cols"), f.doubles(b, "values")));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        JsonNode p = root.get("provenance");
        if (p != null && p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                provenance.put(e.getKey(), e.getValue().asText());
            }
        }
        ModelFile model = new ModelFile(network, blocks, standardizer, f.strings(root, "feature_names"),
                f.strings(root, "label_names"), f.text(root, "loss"), f.text(root, "reduction"),
                f.number(root, "lambda"), provenance, split(f, root.get("split")),
                calibration(f, root.get("calibration")), target(f, root.get("target_standardizer")));
        int dimension = f.integer(params, "dimension");
        if (dimension != model.dimension()) {
            throw f.bad("parameters.dimension", dimension + " but the blocks hold "
                    + model.dimension() + " values");
        }
        return model;
    }

    /** The optional {@code target_standardizer} object (absent: no target scaling, as in earlier files). */
    private static Optional<ModelFile.Target> target(Fields f, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new ModelFile.Target(f.number(node, "mean"), f.number(node, "scale")));
    }

    /** The optional {@code split} object (absent in files written before it existed). */
    private static Optional<ModelFile.Split> split(Fields f, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        JsonNode indices = f.array(node, "test_indices");
        int[] test = new int[indices.size()];
        for (int i = 0; i < test.length; i++) {
            if (!indices.get(i).canConvertToInt() || !indices.get(i).isIntegralNumber()) {
                throw f.bad("split.test_indices", "element " + i + " is not an integer: " + indices.get(i));
            }
            test[i] = indices.get(i).intValue();
        }
        JsonNode seed = f.required(node, "seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw f.bad("split.seed", "expected an integer, got " + seed);
        }
        return Optional.of(new ModelFile.Split(f.number(node, "held_out_share"), seed.longValue(),
                f.integer(node, "n"), f.text(node, "data_sha256"), test));
    }

    /** The optional {@code calibration} object. */
    private static Optional<ModelFile.Calibration> calibration(Fields f, JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new ModelFile.Calibration(f.text(node, "method"), f.number(node, "a"),
                f.number(node, "b"), f.text(node, "fitted_on"), f.integer(node, "samples")));
    }

    private static void strings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    private static void doubles(JsonGenerator out, String field, double[] values) throws IOException {
        out.writeArrayFieldStart(field);
        for (double v : values) {
            out.writeNumber(v);
        }
        out.writeEndArray();
    }

    /** Field access with messages naming the file and the missing or malformed key. */
    private record Fields(String source) {

        DataException bad(String key, String detail) {
            return new DataException(source, 0, null, "field '" + key + "': " + detail);
        }

        JsonNode required(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw bad(key, "missing");
            }
            return v;
        }

        JsonNode object(JsonNode node, String key) {
            JsonNode v = required(node, key);
            if (!v.isObject()) {
                throw bad(key, "expected an object");
            }
            return v;
        }

        JsonNode array(JsonNode node, String key) {
            JsonNode v = required(node, key);
            if (!v.isArray()) {
                throw bad(key, "expected an array");
            }
            return v;
        }

        String text(JsonNode node, String key) {
            JsonNode v = required(node, key);
            if (!v.isTextual()) {
                throw bad(key, "expected a string, got " + v);
            }
            return v.textValue();
        }

        int integer(JsonNode node, String key) {
            JsonNode v = required(node, key);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw bad(key, "expected an integer, got " + v);
            }
            return v.intValue();
        }

        double number(JsonNode node, String key) {
            JsonNode v = required(node, key);
            if (!v.isNumber()) {
                throw bad(key, "expected a number, got " + v);
            }
            return v.doubleValue();
        }

        double[] doubles(JsonNode node, String key) {
            JsonNode v = array(node, key);
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isNumber()) {
                    throw bad(key, "element " + i + " is not a number: " + v.get(i));
                }
                out[i] = v.get(i).doubleValue();
            }
            return out;
        }

        List<String> strings(JsonNode node, String key) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : array(node, key)) {
                out.add(e.asText());
            }
            return out;
        }
    }
}
