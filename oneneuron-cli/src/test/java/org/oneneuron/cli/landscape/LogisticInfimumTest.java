package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.ExitCodes;

/**
 * A plain logistic model trained on four separable points to a loss of a few 1e-9: the logistic
 * loss never attains its infimum 0, so neither train's certificate nor escape may call the point
 * a global minimum (PAPER.md §5: the parameters grow to approach 0).
 */
class LogisticInfimumTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainToTinyLoss() throws Exception {
        data = Files.writeString(dir.resolve("separable.csv"), "x,y\n-2,-1\n-1,-1\n1,1\n2,1\n");
        model = dir.resolve("logistic.json");
        Run r = Run.of("train", data.toString(), "--label", "y", "--loss", "logistic", "--neuron", "none",
                "--hidden", "2", "--steps", "3000", "--seed", "1", "--json", "--out", model.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertTrue(j.get("loss_total").asDouble() <= 1e-6, "trained to the infimum: " + j);
        assertEquals("no_attained_minimum", j.get("verdict").asText(), j.toString());
    }

    @Test
    void escapeSaysNoAttainedMinimumNotAlreadyGlobal() throws Exception {
        Run r = Run.of("escape", "--model", model.toString(), "--data", data.toString(), "--label", "y", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertFalse(j.get("already_global").asBoolean(), j.toString());
        assertFalse(j.get("escapes").asBoolean(), j.toString());
        assertEquals("no_attained_minimum", j.get("outcome").asText(), j.toString());
        Run text = Run.of("escape", "--model", model.toString(), "--data", data.toString(), "--label", "y");
        assertTrue(text.out().contains("which this loss never attains"), text.out());
        assertFalse(text.out().contains("global minimum"), text.out());
    }
}
