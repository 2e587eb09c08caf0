package org.oneneuron.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.oneneuron.io.JsonText;
import org.oneneuron.linalg.Precision;

/**
 * The journal's JSON Lines format: one flat object per run with snake_case keys: run_index,
 * neuron, config (the RunSpec), then the final figures (loss, network_only_loss, grad_norm, a, b,
 * w_norm, max_contribution, train_accuracy, held_out_accuracy, verdict, verdict_reason, steps,
 * seconds, diagnostic) and the thinned trajectory. NaN is written as null. Since the θ path was
 * added, {@code theta_path} {steps, theta} holds θ at a few steps; its inner points are rounded
 * to float precision (they serve pictures), the end point is exact. Lines without it (older
 * journals) read as an empty path. A run on a layer graph has {@code architecture} (and, when
 * set, {@code input_shape}) in its config instead of {@code hidden} and {@code activation}; an
 * MLP's line has exactly the keys it always had, so old journals read, resume and compare equal.
 * A K-output augmented run (K ≥ 2) adds {@code neuron_outputs}: per output {@code output},
 * {@code a}, {@code b}, {@code w_norm}, {@code max_contribution}, {@code growing} and
 * {@code running_off} (its road to infinity); other lines do not have the key.
 */
public final class JournalCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalCodec() {
    }

    /** One line of JSON, without the newline. */
    public static String toLine(JournalEntry entry) {
        RunSpec r = entry.run();
        RunOutcome o = entry.outcome();
        ObjectNode node = JSON.createObjectNode();
        node.put("run_index", r.runIndex());
        node.put("neuron", r.neuron());
        ObjectNode config = node.putObject("config");
        config.put("data", r.data());
        if (r.graph()) {
            config.put("architecture", r.architecture());
            if (!r.inputShape().isEmpty()) {
                config.put("input_shape", r.inputShape());
            }
        } else {
            ArrayNode hidden = config.putArray("hidden");
            r.hidden().forEach(hidden::add);
            config.put("activation", r.activation());
        }
        config.put("neuron", r.neuron());
        config.put("loss", r.loss());
        config.put("reduction", r.reduction());
        config.put("lambda", r.lambda());
        config.put("optimizer", r.optimizer());
        config.put("learning_rate", r.learningRate());
        config.put("steps", r.steps());
        config.put("clip", r.clip());
        config.put("init", r.init());
        config.put("restart", r.restart());
        config.put("study_seed", r.studySeed());
        config.put("held_out_fraction", r.heldOutFraction());
        if (r.batch() > 0) {
            config.put("batch", r.batch());
        }
        if (r.precision() != Precision.FLOAT64) {
            config.put("dtype", r.dtype());
        }
        config.put("run_seed", r.runSeed());
        put(node, "loss", o.loss());
        put(node, "network_only_loss", o.networkOnlyLoss());
        put(node, "grad_norm", o.gradNorm());
        put(node, "a", o.a());
        put(node, "b", o.b());
        put(node, "w_norm", o.wNorm());
        put(node, "max_contribution", o.maxContribution());
        if (!o.outputNeurons().isEmpty()) {
            ArrayNode outputs = node.putArray("neuron_outputs");
            for (OutputNeuronOutcome k : o.outputNeurons()) {
                ObjectNode m = outputs.addObject();
                m.put("output", k.output());
                put(m, "a", k.a());
                put(m, "b", k.b());
                put(m, "w_norm", k.wNorm());
                put(m, "max_contribution", k.maxContribution());
                ArrayNode growing = m.putArray("growing");
                k.growing().forEach(growing::add);
                m.put("running_off", k.runningOff());
            }
        }
        put(node, "train_accuracy", o.trainAccuracy());
        put(node, "held_out_accuracy", o.heldOutAccuracy());
        if (Double.isFinite(o.heldOutRmse())) {
            put(node, "held_out_rmse", o.heldOutRmse()); // regression runs with a held-out part only
        }
        node.put("verdict", o.verdict());
        node.put("verdict_reason", o.verdictReason());
        node.put("steps", o.steps());
        put(node, "seconds", o.seconds());
        node.put("diagnostic", o.diagnostic());
        ArrayNode trajectory = node.putArray("trajectory");
        for (TrajectoryPoint p : o.trajectory()) {
            ArrayNode row = trajectory.addArray();
            row.add(p.step());
            add(row, p.loss());
            add(row, p.networkOnlyLoss());
            add(row, p.gradNorm());
            add(row, p.a());
            add(row, p.b());
            add(row, p.wNorm());
        }
        ThetaPath path = o.thetaPath();
        if (!path.isEmpty()) {
            ObjectNode tp = node.putObject("theta_path");
            ArrayNode steps = tp.putArray("steps");
            for (int s : path.steps()) {
                steps.add(s);
            }
            ArrayNode thetas = tp.putArray("theta");
            for (int k = 0; k < path.size(); k++) {
                ArrayNode row = thetas.addArray();
                boolean exact = k == path.size() - 1;
                for (double v : path.theta(k)) {
                    if (exact) {
                        row.add(v);
                    } else {
                        row.add((float) v);
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write journal line for run " + r.runIndex(), e);
        }
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException when the line is not a complete journal object
     */
    public static JournalEntry fromLine(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + JsonText.problem(e), e);
        }
        if (n == null || !n.isObject() || !n.has("config") || !n.has("trajectory")) {
            throw new IllegalArgumentException("not a journal entry (needs config and trajectory)");
        }
        return entry(n);
    }

    private static JournalEntry entry(JsonNode n) {
        JsonNode c = req(n, "config");
        boolean graph = c.has("architecture");
        List<Integer> hidden = new ArrayList<>();
        if (!graph) {
            req(c, "hidden").forEach(h -> hidden.add(h.asInt()));
        }
        RunSpec run = new RunSpec(req(n, "run_index").asInt(), req(c, "data").asText(), hidden,
                graph ? "" : req(c, "activation").asText(), req(c, "neuron").asText(), req(c, "loss").asText(),
                req(c, "reduction").asText(), req(c, "lambda").asDouble(),
                req(c, "optimizer").asText(), req(c, "learning_rate").asDouble(),
                req(c, "steps").asInt(), req(c, "clip").asDouble(), req(c, "init").asText(),
                req(c, "restart").asInt(), req(c, "study_seed").asLong(),
                req(c, "held_out_fraction").asDouble(), graph ? req(c, "architecture").asText() : "",
                c.has("input_shape") ? c.get("input_shape").asText() : "",
                c.has("batch") ? c.get("batch").asInt() : 0, c.has("dtype") ? c.get("dtype").asText() : null);
        List<TrajectoryPoint> trajectory = new ArrayList<>();
        for (JsonNode row : req(n, "trajectory")) {
            if (row.size() != 7) {
                throw new IllegalArgumentException("a trajectory row has " + row.size() + " values, expected 7");
            }
            trajectory.add(new TrajectoryPoint(row.get(0).asInt(), num(row.get(1)),
                    num(row.get(2)), num(row.get(3)), num(row.get(4)), num(row.get(5)),
                    num(row.get(6))));
        }
        RunOutcome outcome = new RunOutcome(num(req(n, "loss")), num(req(n, "network_only_loss")),
                num(req(n, "grad_norm")), num(req(n, "a")), num(req(n, "b")), num(req(n, "w_norm")),
                num(req(n, "max_contribution")), num(req(n, "train_accuracy")),
                num(req(n, "held_out_accuracy")), req(n, "verdict").asText(),
                req(n, "verdict_reason").asText(), req(n, "steps").asInt(), num(req(n, "seconds")),
                req(n, "diagnostic").asText(), trajectory, thetaPath(n.get("theta_path")),
                outputNeurons(n.get("neuron_outputs")),
                n.has("held_out_rmse") ? num(n.get("held_out_rmse")) : Double.NaN);
        return new JournalEntry(run, outcome);
    }

    private static List<OutputNeuronOutcome> outputNeurons(JsonNode node) {
        List<OutputNeuronOutcome> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("neuron_outputs must be an array");
        }
        for (JsonNode k : node) {
            List<String> growing = new ArrayList<>();
            req(k, "growing").forEach(g -> growing.add(g.asText()));
            list.add(new OutputNeuronOutcome(req(k, "output").asInt(), num(req(k, "a")), num(req(k, "b")),
                    num(req(k, "w_norm")), num(req(k, "max_contribution")), growing,
                    req(k, "running_off").asBoolean()));
        }
        return list;
    }

    private static ThetaPath thetaPath(JsonNode node) {
        if (node == null || node.isNull()) {
            return ThetaPath.empty();
        }
        JsonNode steps = node.get("steps");
        JsonNode theta = node.get("theta");
        if (steps == null || theta == null || !steps.isArray() || !theta.isArray()) {
            throw new IllegalArgumentException("theta_path needs the arrays steps and theta");
        }
        int[] s = new int[steps.size()];
        double[][] t = new double[theta.size()][];
        for (int k = 0; k < s.length; k++) {
            s[k] = steps.get(k).asInt();
        }
        for (int k = 0; k < t.length; k++) {
            JsonNode row = theta.get(k);
            t[k] = new double[row.size()];
            for (int j = 0; j < t[k].length; j++) {
                if (!row.get(j).isNumber()) {
                    throw new IllegalArgumentException("theta_path point " + k + " entry " + j
                            + " is not a number");
                }
                t[k][j] = row.get(j).asDouble();
            }
        }
        return new ThetaPath(s, t);
    }

    private static void put(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static void add(ArrayNode row, double v) {
        if (Double.isFinite(v)) {
            row.add(v);
        } else {
            row.addNull();
        }
    }

    /** The field {@code key} of {@code node}; a missing one makes the line damaged. */
    private static JsonNode req(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new IllegalArgumentException("an incomplete journal entry: '" + key + "' is missing");
        }
        return v;
    }

    private static double num(JsonNode v) {
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }
}
