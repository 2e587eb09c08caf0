package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.ExitCodes;

/**
 * {@code escape} from a model file with K = 3 outputs: a model that keeps its neurons is refused as
 * a one-output one is (its scores without the neurons are not the point the model is at), and a
 * plain model's escape is judged by the decrease measured at the step it reports.
 */
class EscapeFromModelTest {

    @TempDir
    static Path dir;
    static Path classes;

    @BeforeAll
    static void files() throws Exception {
        SplittableRandom rng = new SplittableRandom(8);
        StringBuilder c = new StringBuilder("x1,x2,arm\n");
        for (int i = 0; i < 45; i++) {
            int k = i % 3;
            double r = 0.2 + 0.8 * rng.nextDouble();
            double angle = 2 * Math.PI * k / 3 + 2.5 * r + rng.nextGaussian() * 0.2;
            c.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", r * Math.cos(angle), r * Math.sin(angle),
                    "abc".charAt(k)));
        }
        classes = Files.writeString(dir.resolve("arms.csv"), c);
    }

    private static Path train(String name, String neuron) {
        Path model = dir.resolve(name + ".json");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", classes.toString(),
                "--label", "arm", "--hidden", "3", "--neuron", neuron, "--steps", "20", "--seed", "3", "-q",
                "--out", model.toString()));
        if (!neuron.equals("none")) {
            args.addAll(java.util.List.of("--scaffold", "keep"));
        }
        Run r = Run.of(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return model;
    }

    @Test
    void aMultiClassModelWithNeuronsIsRefusedAsAOneOutputOneIs() {
        Path model = train("augmented", "skip-exp");
        Run r = Run.of("escape", "--model", model.toString(), "--data", classes.toString(), "--label", "arm",
                "--json");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("starts from a plain network"), r.err());
        assertTrue(r.err().contains("skip-exp"), r.err());
    }

    @Test
    void aPlainMultiClassModelsEscapeIsTheDecreaseMeasuredAtTheStepItReports() throws Exception {
        Path model = train("plain", "none");
        Run r = Run.of("escape", "--model", model.toString(), "--data", classes.toString(), "--label", "arm",
                "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        CertifyCommandTest.snakeCaseKeys(j);
        double full = j.get("step").asDouble();
        int halvings = j.get("halvings").asInt();
        assertEquals(full / Math.pow(2, halvings), j.get("step_used").asDouble(), 0.0);
        boolean escapes = j.get("escapes").asBoolean();
        assertEquals(escapes ? "escapes" : j.get("already_global").asBoolean() ? "already_global"
                : j.get("moments").get("first_nonzero").asInt() >= 0 ? "descent_direction_only" : "no_escape_found",
                j.get("outcome").asText());
        if (escapes) {
            double decrease = Math.max(j.get("measured_decrease_used").asDouble(),
                    j.get("best").get("measured_decrease_used").asDouble());
            assertTrue(decrease > 0, "escapes only with a measured decrease: " + j);
        }
        for (JsonNode one : j.get("outputs")) {
            assertTrue(one.has("step_used") && one.has("measured_decrease_used") && one.has("halvings"), one.toString());
        }
    }

    @Test
    void sliceNamesTheModelsNeuronNotAnOptionThatWasNotGiven() {
        Path model = train("augmented-for-slice", "skip-exp");
        Run r = Run.of("slice", "--model", model.toString(), "--data", classes.toString(), "--label", "arm",
                "--line", "plain,escape", "--out", dir.resolve("slice").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("this model has the skip-exp neuron"), r.err());
        assertTrue(r.err().contains("--neuron none"), r.err());
        assertTrue(!r.err().contains("drop --augmented"), "no --augmented was given: " + r.err());
    }
}
