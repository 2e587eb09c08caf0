package org.oneneuron.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A study: the cross product of data sets, network shapes, activations, neuron variants, losses,
 * λ values and optimizers, each run from {@code restarts} seeds. Validates itself; missing JSON
 * keys take their value from {@link #defaults()}, the one place for defaults.
 *
 * @param name            study name (report title)
 * @param data            data set names or file paths
 * @param hidden          network shapes, each a list of hidden widths
 * @param activations     activation words
 * @param neurons         neuron variant words; "none" is the plain network
 * @param losses          margin loss words
 * @param reduction       sum (the paper) or mean
 * @param lambdas         penalty weights λ
 * @param optimizers      optimizer words
 * @param learningRate    step size
 * @param steps           optimizer steps per run
 * @param clip            gradient-norm clip, 0 for none
 * @param init            fan_in or normal
 * @param restarts        seeds per configuration
 * @param seed            study seed
 * @param heldOutFraction share of each data set held out for evaluation, in [0, 0.9]
 */
public record StudySpec(String name, List<String> data, List<List<Integer>> hidden,
                        List<String> activations, List<String> neurons, List<String> losses,
                        String reduction, List<Double> lambdas, List<String> optimizers,
                        double learningRate, int steps, double clip, String init, int restarts,
                        long seed, double heldOutFraction) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> REDUCTIONS = Set.of("sum", "mean");
    private static final Set<String> INITS = Set.of("fan_in", "normal");

    public StudySpec {
        Objects.requireNonNull(name, "name");
        data = nonEmpty("data", data);
        hidden = nonEmpty("hidden", hidden).stream().map(List::copyOf).toList();
        activations = nonEmpty("activations", activations);
        neurons = nonEmpty("neurons", neurons);
        losses = nonEmpty("losses", losses);
        lambdas = nonEmpty("lambdas", lambdas);
        optimizers = nonEmpty("optimizers", optimizers);
        for (List<Integer> shape : hidden) {
            for (int width : shape) {
                if (width <= 0) {
                    throw new IllegalArgumentException("hidden widths must be positive, got " + shape);
                }
            }
        }
        if (!REDUCTIONS.contains(reduction)) {
            throw new IllegalArgumentException("reduction must be sum or mean, got '" + reduction + "'");
        }
        if (!INITS.contains(init)) {
            throw new IllegalArgumentException("init must be fan_in or normal, got '" + init + "'");
        }
        for (double lambda : lambdas) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
            }
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning_rate must be positive, got " + learningRate);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (!(clip >= 0)) {
            throw new IllegalArgumentException("clip must be >= 0 (0 = none), got " + clip);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        if (!(heldOutFraction >= 0 && heldOutFraction <= 0.9)) {
            throw new IllegalArgumentException("held_out_fraction must be in [0, 0.9], got "
                    + heldOutFraction);
        }
    }

    /** The defaults: WDBC, one hidden layer of 8 tanh units, plain vs skip-exp, 24 restarts. */
    public static StudySpec defaults() {
        return new StudySpec("study", List.of("wdbc"), List.of(List.of(8)), List.of("tanh"),
                List.of("none", "skip-exp"), List.of("cubic-hinge"), "mean", List.of(0.1),
                List.of("gd"), 0.1, 300, 10.0, "fan_in", 24, 7L, 0.25);
    }

    /** Number of runs: the product of all list sizes and the restarts. */
    public int runCount() {
        return data.size() * hidden.size() * activations.size() * losses.size() * lambdas.size()
                * optimizers.size() * neurons.size() * restarts;
    }

    /**
     * The ordered runs: data, shape, activation, loss, λ, optimizer, neuron, then restart vary,
     * the last fastest. run_index is the position in this list.
     */
    public List<RunSpec> expand() {
        List<RunSpec> runs = new ArrayList<>(runCount());
        for (String d : data) {
            for (List<Integer> shape : hidden) {
                for (String act : activations) {
                    for (String loss : losses) {
                        for (double lambda : lambdas) {
                            for (String opt : optimizers) {
                                for (String neuron : neurons) {
                                    for (int r = 0; r < restarts; r++) {
                                        runs.add(new RunSpec(runs.size(), d, shape, act, neuron,
                                                loss, reduction, lambda, opt, learningRate, steps,
                                                clip, init, r, seed, heldOutFraction));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(runs);
    }

    /** The spec as pretty JSON with snake_case keys. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write study spec as JSON", e);
        }
    }

    /** The spec as a JSON tree. */
    public JsonNode toJsonTree() {
        return JSON.valueToTree(this);
    }

    /**
     * Reads a spec; keys not given take their default, unknown keys are rejected by name.
     *
     * @param json   the JSON text
     * @param source where it came from, for messages
     */
    public static StudySpec fromJson(String json, String source) {
        JsonNode given;
        try {
            given = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr(), e);
        }
        if (given == null || !given.isObject()) {
            throw new IllegalArgumentException(source + ": a study spec must be a JSON object");
        }
        ObjectNode merged = (ObjectNode) defaults().toJsonTree();
        for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!merged.has(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key
                        + "'; known keys: " + iterable(merged.fieldNames()));
            }
            merged.set(key, given.get(key));
        }
        try {
            return JSON.treeToValue(merged, StudySpec.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": " + cause.getMessage(), e);
        }
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static <T> List<T> nonEmpty(String what, List<T> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(what + " must list at least one value");
        }
        return List.copyOf(list);
    }
}
