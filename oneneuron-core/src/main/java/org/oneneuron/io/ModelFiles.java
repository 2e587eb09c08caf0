package org.oneneuron.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    /** Writes {@code model} to {@code path} atomically. */
    public static void write(ModelFile model, Path path) {
        AtomicFiles.writeString(path, toJson(model));
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

    /** The JSON text of {@code model}. */
    public static String toJson(ModelFile model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT_NAME);
        root.put("format_version", ModelFile.FORMAT_VERSION);
        ObjectNode network = root.putObject("network");
        ModelFile.Network net = model.network();
        network.put("input_dim", net.inputDim());
        network.put("input_shape", net.inputShape());
        if (net.isGraph()) {
            network.put("architecture", net.architecture());
        } else {
            ArrayNode hidden = network.putArray("hidden");
            net.hidden().forEach(hidden::add);
            network.put("activation", net.activation());
        }
        network.put("neuron", net.neuron());
        root.put("loss", model.loss());
        root.put("reduction", model.reduction());
        root.put("lambda", model.lambda());
        strings(root.putArray("feature_names"), model.featureNames());
        strings(root.putArray("label_names"), model.labelNames());
        if (model.standardizer().isPresent()) {
            ObjectNode s = root.putObject("standardizer");
            doubles(s.putArray("mean"), model.standardizer().get().mean());
            doubles(s.putArray("scale"), model.standardizer().get().scale());
        } else {
            root.putNull("standardizer");
        }
        ObjectNode parameters = root.putObject("parameters");
        parameters.put("dimension", model.dimension());
        ArrayNode blocks = parameters.putArray("blocks");
        for (ModelFile.Block block : model.parameters()) {
            ObjectNode b = blocks.addObject();
            b.put("name", block.name());
            b.put("offset", block.offset());
            b.put("rows", block.rows());
            b.put("cols", block.cols());
            doubles(b.putArray("values"), block.values());
        }
        if (model.split().isPresent()) {
            ModelFile.Split split = model.split().get();
            ObjectNode node = root.putObject("split");
            node.put("held_out_share", split.heldOutShare());
            node.put("seed", split.seed());
            node.put("n", split.n());
            node.put("data_sha256", split.dataSha256());
            ArrayNode indices = node.putArray("test_indices");
            for (int i : split.testIndices()) {
                indices.add(i);
            }
        }
        if (model.calibration().isPresent()) {
            ModelFile.Calibration c = model.calibration().get();
            ObjectNode node = root.putObject("calibration");
            node.put("method", c.method());
            node.put("a", c.a());
            node.put("b", c.b());
            node.put("fitted_on", c.fittedOn());
            node.put("samples", c.samples());
        }
        ObjectNode provenance = root.putObject("provenance");
        new TreeMap<>(model.provenance()).forEach(provenance::put);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a model tree", e);
        }
    }

    /** Parses model JSON; {@code source} names the file in error messages. */
    public static ModelFile fromJson(String source, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataException(source, at == null ? 0 : at.getLineNr(),
                    at == null ? null : String.valueOf(at.getColumnNr()),
                    "not valid JSON: " + e.getOriginalMessage());
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
                calibration(f, root.get("calibration")));
        int dimension = f.integer(params, "dimension");
        if (dimension != model.dimension()) {
            throw f.bad("parameters.dimension", dimension + " but the blocks hold "
                    + model.dimension() + " values");
        }
        return model;
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

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void doubles(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
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
