package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.Datasets;

/**
 * evaluate's probability figures are those of the probabilities predict prints for the same model
 * and data: {@code probability_log_loss} is the mean −log of the true class's column, {@code brier}
 * the mean squared distance from the one-hot label; a model that prints none has none.
 */
class EvaluateProbabilitiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOONS = "moons:n=60,noise=0.3";
    private static final List<String> KINDS = List.of("ant", "bee", "cat");

    @TempDir
    static Path dir;
    static Path kinds;

    /** Three overlapping clusters of 20 rows each, labelled ant, bee, cat in turn. */
    @BeforeAll
    static void files() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder c = new StringBuilder("x1,x2,kind\n");
        double[][] centers = {{0, 0}, {1, 0}, {0, 1}};
        for (int i = 0; i < 60; i++) {
            int k = i % 3;
            c.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", centers[k][0] + rng.nextDouble(-1, 1),
                    centers[k][1] + rng.nextDouble(-1, 1), KINDS.get(k)));
        }
        kinds = Files.writeString(dir.resolve("kinds.csv"), c);
    }

    private static Path train(String name, String... args) {
        Path model = dir.resolve(name + ".json");
        List<String> all = new java.util.ArrayList<>(List.of("train"));
        all.addAll(List.of(args));
        all.addAll(List.of("--hidden", "4", "--steps", "60", "-q", "--out", model.toString()));
        Cli t = Cli.run(all.toArray(String[]::new));
        assertEquals(ExitCodes.OK, t.exitCode(), t.toString());
        return model;
    }

    private static JsonNode json(String... args) throws Exception {
        Cli r = Cli.run(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return JSON.readTree(r.out());
    }

    /** predict's CSV rows, header dropped, cells split. */
    private static List<String[]> predicted(Path model, String data) {
        Cli p = Cli.run("predict", model.toString(), data);
        assertEquals(ExitCodes.OK, p.exitCode(), p.toString());
        return p.out().lines().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void binaryFiguresAreThoseOfPredictsProbabilityColumn() throws Exception {
        double[] y = Datasets.builtin(MOONS).y();
        for (String[] loss : List.of(new String[] {"--held-out", "0.25"}, new String[] {"--loss", "logistic"})) {
            Path model = train("binary-" + loss[1], MOONS, loss[0], loss[1]);
            List<String[]> rows = predicted(model, MOONS);
            double logLoss = 0;
            double brier = 0;
            for (int i = 0; i < y.length; i++) {
                double p = Double.parseDouble(rows.get(i)[2]);
                logLoss -= Math.log(y[i] > 0 ? p : 1 - p) / y.length;
                brier += Math.pow(p - (y[i] > 0 ? 1 : 0), 2) / y.length;
            }
            JsonNode e = json("evaluate", model.toString(), MOONS, "--json");
            assertEquals(json("predict", model.toString(), MOONS, "--json").get("probability_method"),
                    e.get("probability_method"), e.toString());
            assertEquals(logLoss, e.get("probability_log_loss").asDouble(), 1e-12 * logLoss + 1e-13, e.toString());
            assertEquals(brier, e.get("brier").asDouble(), 1e-12, e.toString());
            assertTrue(e.get("ece").asDouble() >= 0 && e.get("ece").asDouble() < 1, e.toString());
        }
    }

    @Test
    void multiClassFiguresAreThoseOfPredictsClassColumnsTemperedOrPlain() throws Exception {
        Path tempered = train("kinds", kinds.toString(), "--held-out", "0.25");
        Path plain = withoutCalibration(tempered, "kinds-plain");
        List<String> labels = Files.readAllLines(kinds).stream().skip(1).map(l -> l.split(",")[2]).toList();
        for (Path model : List.of(tempered, plain)) {
            List<String[]> rows = predicted(model, kinds.toString());
            double logLoss = 0;
            double brier = 0;
            for (int i = 0; i < labels.size(); i++) {
                int y = KINDS.indexOf(labels.get(i));
                for (int k = 0; k < 3; k++) {
                    double p = Double.parseDouble(rows.get(i)[k]);
                    brier += Math.pow(p - (k == y ? 1 : 0), 2) / labels.size();
                    logLoss -= k == y ? Math.log(p) / labels.size() : 0;
                }
            }
            JsonNode e = json("evaluate", model.toString(), kinds.toString(), "--json");
            assertEquals(json("predict", model.toString(), kinds.toString(), "--json").get("probability_method"),
                    e.get("probability_method"), e.toString());
            assertEquals(logLoss, e.get("probability_log_loss").asDouble(), 1e-12 * logLoss + 1e-13, e.toString());
            assertEquals(brier, e.get("brier").asDouble(), 1e-12, e.toString());
            assertTrue(e.get("ece").asDouble() >= 0 && e.get("ece").asDouble() < 1, e.toString());
        }
        JsonNode e = json("evaluate", plain.toString(), kinds.toString(), "--json");
        assertEquals("softmax", e.get("probability_method").asText(), e.toString());
        assertKeysInTheDocumentedPlace(e);
        assertEquals(e.get("log_loss").asDouble(), e.get("probability_log_loss").asDouble(),
                1e-12 * e.get("log_loss").asDouble(), "the plain softmax's log-loss is the scores' log_loss");
        Cli text = Cli.run("evaluate", tempered.toString(), kinds.toString());
        assertTrue(text.out().matches("(?s).*\nprobability temperature: log-loss \\S+, Brier \\S+, ECE \\S+ \\(10 bins\\)\n.*"),
                text.out());
    }

    @Test
    void aModelThatPrintsNoProbabilitiesHasNullFigures() throws Exception {
        Path hinge = withoutCalibration(train("hinge", MOONS), "hinge-plain");
        assertTrue(predicted(hinge, MOONS).stream().allMatch(r -> r.length == 2), "predict prints no probability");
        Path regression = dir.resolve("line.csv");
        StringBuilder csv = new StringBuilder("x,t\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(2 * i + 0.5 * (i % 3) + 0.25).append('\n');
        }
        Files.writeString(regression, csv);
        Path values = train("line", regression.toString());
        for (String[] run : List.of(new String[] {hinge.toString(), MOONS},
                new String[] {values.toString(), regression.toString()})) {
            JsonNode e = json("evaluate", run[0], run[1], "--json");
            assertKeysInTheDocumentedPlace(e);
            for (String key : List.of("probability_method", "probability_log_loss", "brier", "ece")) {
                assertTrue(e.has(key) && e.get(key).isNull(), key + ": " + e);
            }
        }
        Cli text = Cli.run("evaluate", hinge.toString(), MOONS);
        assertTrue(text.out().contains("\nprobability none: the model file records no calibration\n"), text.out());
        assertFalse(Cli.run("evaluate", values.toString(), regression.toString()).out().contains("probability"));
    }

    /** docs/JSON.md: the four probability keys, in order, just before the loss figures (whatever the task). */
    private static void assertKeysInTheDocumentedPlace(JsonNode e) {
        List<String> keys = new java.util.ArrayList<>();
        e.fieldNames().forEachRemaining(keys::add);
        int at = keys.indexOf("probability_method");
        assertEquals(List.of("probability_method", "probability_log_loss", "brier", "ece", "loss_total"),
                keys.subList(at, at + 5), keys.toString());
    }

    /** A copy of the model file without its calibration, as files written before calibrations were. */
    private static Path withoutCalibration(Path model, String name) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(model.toFile());
        assertTrue(file.has("calibration"), file.toString());
        file.remove("calibration");
        return Files.writeString(dir.resolve(name + ".json"), JSON.writeValueAsString(file));
    }
}
