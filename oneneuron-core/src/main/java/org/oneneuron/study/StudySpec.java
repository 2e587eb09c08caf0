package org.oneneuron.study;

import static org.oneneuron.study.DistinctValues.canonical;
import static org.oneneuron.study.DistinctValues.once;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.Shape;
import org.oneneuron.io.JsonText;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Losses;
import org.oneneuron.model.Activation;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.train.TrainConfig;

/**
 * A study: the cross product of data sets, networks, neuron variants, losses, λ values and
 * optimizers, each run from {@code restarts} seeds. The networks are the MLPs of {@code hidden}
 * × {@code activations}, or the layer graphs of {@code architectures} ({@code --arch} words, read
 * with {@code inputShape}); a spec gives one kind or the other. Validates itself; missing JSON
 * keys take their value from {@link #defaults()}, which reads every choice a study shares with
 * {@code train} from the library's {@link ClassifierConfig#defaults()}.
 *
 * @param name            study name (report title)
 * @param data            data set names or file paths
 * @param hidden          MLP shapes, each a list of hidden widths (empty with architectures)
 * @param activations     the MLPs' activation words (empty with architectures)
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
 * @param label           the label column of every CSV and ARFF file (null: the last column)
 * @param positive        the label that becomes +1 (null: the data set's rule)
 * @param classes         two classes "NEG,POS" picked out of more (null: all rows)
 * @param architectures   layer graphs in {@code --arch} words, stored in their canonical
 *                        spelling (empty: the MLPs of hidden × activations)
 * @param inputShape      how the layer graphs read each sample, CxHxW (null: the data's own
 *                        shape); only with architectures
 * @param batch           samples per sgd/adam step, 0 (the default) for the full batch; only
 *                        with the minibatch optimizers
 * @param dtype           float32 for float32 passes (θ and the reported figures stay float64);
 *                        null for float64
 */
public record StudySpec(String name, List<String> data, List<List<Integer>> hidden,
                        List<String> activations, List<String> neurons, List<String> losses,
                        String reduction, List<Double> lambdas, List<String> optimizers,
                        double learningRate, int steps, double clip, String init, int restarts,
                        long seed, double heldOutFraction, String label, String positive,
                        String classes,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> architectures,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) String inputShape,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int batch,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String dtype) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // "restarts": 2.5 is refused, not truncated to 2
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final Set<String> REDUCTIONS = Set.of("sum", "mean");
    private static final Set<String> INITS = Set.of("fan_in", "normal");
    /**
     * Keys a spec leaves out at their default (so an MLP's full-batch float64 spec is what it was
     * before layer graphs, minibatches and float32).
     */
    private static final List<String> OPTIONAL_KEYS = List.of("architectures", "input_shape", "batch", "dtype");

    public StudySpec {
        Objects.requireNonNull(name, "name");
        data = nonEmpty("data", data);
        inputShape = inputShape == null || inputShape.isBlank() ? null : inputShape;
        architectures = architectures == null ? List.of()
                : architectures.stream().map(StudySpec::canonicalArchitecture).toList();
        if (architectures.isEmpty()) {
            hidden = nonEmpty("hidden", hidden).stream().map(List::copyOf).toList();
            activations = nonEmpty("activations", activations);
            if (inputShape != null) {
                throw new IllegalArgumentException("input_shape is for architectures; an MLP of hidden widths"
                        + " reads each sample as a vector");
            }
        } else {
            if (hidden != null && !hidden.isEmpty() || activations != null && !activations.isEmpty()) {
                throw new IllegalArgumentException("architectures and hidden/activations both give the networks;"
                        + " give one (an MLP in words: dense:16,tanh,dense:1)");
            }
            hidden = List.of();
            activations = List.of();
            inputShape = inputShape == null ? null : canonicalShape(inputShape);
        }
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
        if (batch < 0) {
            throw new IllegalArgumentException("batch must be >= 0 (0 = full batch), got " + batch);
        }
        if (batch > 0) {
            for (String optimizer : optimizers) {
                if (!OptimizerKind.parse(optimizer).minibatch()) {
                    throw new IllegalArgumentException("batch " + batch + " is the minibatch size of sgd and"
                            + " adam; " + optimizer + " uses every sample at each step");
                }
            }
        }
        dtype = dtype == null || Precision.parse(dtype) == Precision.FLOAT64 ? null : Precision.FLOAT32.word();
        readOptions(label, positive, classes);
        once("data", data, String::trim);
        once("hidden", hidden, shape -> shape);
        once("activations", activations, word -> canonical(word, w -> Activation.parse(w).word()));
        once("architectures", architectures, words -> words);
        once("neurons", neurons, word -> word.startsWith(RunSpec.SCAFFOLD) ? word
                : canonical(word, w -> NeuronKind.parse(w).word()));
        once("losses", losses, word -> canonical(word, w -> Losses.parseOutput(w).word()));
        once("lambdas", lambdas, lambda -> lambda + 0.0); // -0.0 is 0.0
        once("optimizers", optimizers, word -> canonical(word, w -> OptimizerKind.parse(w).word()));
    }

    /** A full-batch float64 spec. */
    public StudySpec(String name, List<String> data, List<List<Integer>> hidden,
                     List<String> activations, List<String> neurons, List<String> losses,
                     String reduction, List<Double> lambdas, List<String> optimizers,
                     double learningRate, int steps, double clip, String init, int restarts,
                     long seed, double heldOutFraction, String label, String positive, String classes,
                     List<String> architectures, String inputShape) {
        this(name, data, hidden, activations, neurons, losses, reduction, lambdas, optimizers, learningRate, steps,
                clip, init, restarts, seed, heldOutFraction, label, positive, classes, architectures, inputShape, 0, null);
    }

    /** A spec without label choices (every data set read with the default label rule). */
    public StudySpec(String name, List<String> data, List<List<Integer>> hidden,
                     List<String> activations, List<String> neurons, List<String> losses,
                     String reduction, List<Double> lambdas, List<String> optimizers,
                     double learningRate, int steps, double clip, String init, int restarts,
                     long seed, double heldOutFraction) {
        this(name, data, hidden, activations, neurons, losses, reduction, lambdas, optimizers,
                learningRate, steps, clip, init, restarts, seed, heldOutFraction, null, null, null,
                List.of(), null);
    }

    /**
     * The defaults: WDBC, the plain network against the library's neuron, 24 restarts; every other
     * choice is the library's ({@link ClassifierConfig#defaults()}: one hidden layer of 16 tanh
     * units, mean cubic hinge, λ = 1, L-BFGS for 1000 steps, lr 0.01, no clipping, fan-in uniform,
     * seed 0, nothing held out), so {@code study} and {@code train} share every default.
     */
    public static StudySpec defaults() {
        ClassifierConfig c = ClassifierConfig.defaults();
        TrainConfig t = c.train();
        return new StudySpec("study", List.of("wdbc"), List.of(c.hidden()), List.of(c.activation().word()),
                List.of(NeuronKind.NONE.word(), c.neuron().word()), List.of(c.loss().word()),
                c.reduction().word(), List.of(c.lambda()), List.of(t.optimizer().word()), t.learningRate(),
                Math.toIntExact(t.maxSteps()), t.clipNorm(), initWord(c.initializer()), 24, t.seed(),
                c.heldOut(), null, null, null, List.of(), null);
    }

    /** A spec of MLPs (no architectures). */
    public StudySpec(String name, List<String> data, List<List<Integer>> hidden,
                     List<String> activations, List<String> neurons, List<String> losses,
                     String reduction, List<Double> lambdas, List<String> optimizers,
                     double learningRate, int steps, double clip, String init, int restarts,
                     long seed, double heldOutFraction, String label, String positive, String classes) {
        this(name, data, hidden, activations, neurons, losses, reduction, lambdas, optimizers,
                learningRate, steps, clip, init, restarts, seed, heldOutFraction, label, positive, classes,
                List.of(), null);
    }

    /** {@code --arch} words in the spelling {@link Architecture#words} gives them. */
    private static String canonicalArchitecture(String words) {
        try {
            return Architecture.words(Architecture.parse(words));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("architectures: " + e.getMessage(), e);
        }
    }

    private static String canonicalShape(String text) {
        try {
            return Shape.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("input_shape: " + e.getMessage(), e);
        }
    }

    /** The study's word for an initializer: {@code fan_in} or {@code normal}. */
    public static String initWord(Initializer initializer) {
        return initializer == Initializer.STANDARD_NORMAL ? "normal" : "fan_in";
    }

    /** How every data file of the study is read (label column, classes). */
    public ReadOptions readOptions() {
        return readOptions(label, positive, classes);
    }

    private static ReadOptions readOptions(String label, String positive, String classes) {
        ReadOptions options = ReadOptions.defaults();
        if (label != null) {
            options = options.withLabelColumn(label);
        }
        if (classes != null) {
            if (positive != null) {
                throw new IllegalArgumentException("positive and classes both choose the +1 class; give one");
            }
            options = options.withClasses(classes);
        } else if (positive != null) {
            options = options.withPositive(positive);
        }
        return options;
    }

    /** Number of runs: the product of all list sizes and the restarts. */
    public int runCount() {
        return data.size() * networks().size() * losses.size() * lambdas.size()
                * optimizers.size() * neurons.size() * restarts;
    }

    /**
     * The ordered runs: data, network (shape then activation, or architecture), loss, λ,
     * optimizer, neuron, then restart vary, the last fastest. run_index is the position in this list.
     */
    public List<RunSpec> expand() {
        List<RunSpec> runs = new ArrayList<>(runCount());
        for (String d : data) {
            for (Network net : networks()) {
                for (String loss : losses) {
                    for (double lambda : lambdas) {
                        for (String opt : optimizers) {
                            for (String neuron : neurons) {
                                for (int r = 0; r < restarts; r++) {
                                    runs.add(new RunSpec(runs.size(), d, net.hidden(), net.activation(), neuron,
                                            loss, reduction, lambda, opt, learningRate, steps, clip, init, r,
                                            seed, heldOutFraction, net.architecture(), net.inputShape(), batch,
                                            dtype));
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(runs);
    }

    /** One network of the grid: an MLP (hidden, activation) or a layer graph (architecture). */
    private record Network(List<Integer> hidden, String activation, String architecture, String inputShape) {
    }

    private List<Network> networks() {
        List<Network> out = new ArrayList<>();
        for (String arch : architectures) {
            out.add(new Network(List.of(), "", arch, inputShape == null ? "" : inputShape));
        }
        for (List<Integer> shape : hidden) {
            for (String act : activations) {
                out.add(new Network(shape, act, "", ""));
            }
        }
        return out;
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
                    + JsonText.problem(e) + " at line " + e.getLocation().getLineNr(), e);
        }
        if (given == null || !given.isObject()) {
            throw new IllegalArgumentException(source + ": a study spec must be a JSON object");
        }
        ObjectNode merged = (ObjectNode) defaults().toJsonTree();
        List<String> known = iterable(merged.fieldNames());
        known.addAll(OPTIONAL_KEYS);
        for (Iterator<String> it = given.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key
                        + "'; known keys: " + known);
            }
            merged.set(key, given.get(key));
        }
        JsonNode architectures = given.get("architectures");
        if (architectures != null && architectures.isArray() && !architectures.isEmpty()) {
            for (String mlpKey : List.of("hidden", "activations")) {
                if (!given.has(mlpKey)) {
                    merged.putArray(mlpKey); // the default MLP gives way to the architectures
                }
            }
        }
        try {
            return JSON.treeToValue(merged, StudySpec.class);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException(source + ": " + mismatch(e, merged), e);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": " + cause.getMessage(), e);
        }
    }

    /**
     * A value of the wrong JSON type, in the spec's words: "field 'data' must be a list (e.g.
     * ["xor:n=40"]), got a string" (Jackson's own message names Java types and its source).
     */
    static String mismatch(MismatchedInputException e, JsonNode spec) {
        StringBuilder field = new StringBuilder();
        JsonNode node = spec;
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
                node = node == null ? null : node.get(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
                node = node == null ? null : node.get(r.getIndex());
            }
        }
        Class<?> target = e.getTargetType();
        String expected;
        String example = "";
        if (target == null) {
            expected = "of another type";
        } else if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            expected = "a list";
            if (node != null && node.isValueNode() && !node.isNull()) {
                example = " (e.g. [" + node + "])";
            }
        } else if (target == int.class || target == Integer.class || target == long.class || target == Long.class
                || target == short.class || target == Short.class) {
            expected = "a whole number";
        } else if (target == double.class || target == Double.class || target == float.class
                || target == Float.class) {
            expected = "a number";
        } else if (target == boolean.class || target == Boolean.class) {
            expected = "true or false";
        } else if (target == String.class) {
            expected = "a string";
        } else {
            expected = "an object";
        }
        String where = field.length() == 0 ? "the spec" : "field '" + field + "'";
        return where + " must be " + expected + example + ", got " + describe(node);
    }

    /** A JSON value's type in words, with the value itself when it is a number. */
    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> node.toString();
            case BOOLEAN -> node.toString();
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
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
