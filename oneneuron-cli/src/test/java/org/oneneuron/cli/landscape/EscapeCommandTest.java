package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.oneneuron.cli.ExitCodes;

class EscapeCommandTest {

    private static final double G = (36 - 24 * Math.sqrt(2)) * Math.pow(Math.sqrt(Math.E) - 1, 2);

    @Test
    void a1JsonMatchesThePaper() throws Exception {
        Run r = Run.of("escape", "--construction", "A1", "--w", "1,0", "--lambda", "0.01", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        CertifyCommandTest.snakeCaseKeys(j);
        assertEquals(G, j.get("g").asDouble(), 1e-6 * G);
        double kappa = j.get("kappa").asDouble();
        assertTrue(kappa >= 60.81 && kappa < 60.82, "kappa " + kappa);
        assertEquals(G * G / (2 * kappa), j.get("predicted_decrease").asDouble(), 1e-12);
        assertEquals(j.get("predicted_decrease").asDouble(), j.get("measured_decrease").asDouble(),
                0.05 * j.get("predicted_decrease").asDouble());
        assertEquals(1.0, j.get("direction").get(0).asDouble());
        assertEquals(0.0, j.get("direction").get(1).asDouble());
        assertTrue(j.get("best").get("predicted_decrease").asDouble() >= j.get("predicted_decrease").asDouble());
        assertEquals(2, j.get("moments").get("first_nonzero").asInt());
        assertTrue(j.get("escapes").asBoolean());
        assertTrue(j.get("final_verdict") == null, "no training without --continue");
    }

    @Test
    void continuingFromA1IsReportedTruthfully() throws Exception {
        Run r = Run.of("escape", "--construction", "A1", "--continue", "--steps", "20000", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals("escaping_to_infinity", j.get("final_verdict").asText());
        assertNotEquals("global_minimum", j.get("final_certificate").get("point_verdict").asText());
        double loss = j.get("final_certificate").get("loss_total").asDouble();
        assertTrue(loss > 2.0 && loss < 2.1, "total loss creeping towards 2: " + loss);
        assertTrue(j.get("final_certificate").get("loss_network_only").asDouble() > 2.9);
    }

    @Test
    void textNamesTheFiguresAndTheEnd() {
        Run r = Run.of("escape", "--construction", "A1", "--continue", "--steps", "2000");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("g                  0.866455"), r.out());
        assertTrue(r.out().contains("final_verdict      escaping_to_infinity"), r.out());
    }

    @Test
    void aDirectionWithConstantProjectionIsRefused() {
        Run r = Run.of("escape", "--construction", "A1", "--w", "1,1");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("constant over the data"), r.err());
    }

    @Test
    void aContinuedRunThatDivergesFailsAndSaysSo() throws Exception {
        Run r = Run.of("escape", "--construction", "A1", "--continue", "--steps", "50", "--lr", "1e4", "--json");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals("diverged", j.get("training").get("stop").asText(), j.toString());
        assertEquals("diverged", j.get("final_verdict").asText(), j.toString());
        String reason = j.get("final_certificate").get("reason").asText();
        assertTrue(reason.startsWith("trainer: diverged at step 1"), reason);
        assertTrue(!reason.contains("still moving"), reason);
        assertTrue(r.err().contains("error: training stopped: diverged at step 1"), r.err());
    }

    @Test
    void continuingWithZeroLambdaIsRefusedWithWhatCanBeDone() {
        Run r = Run.of("escape", "--construction", "A1", "--lambda", "0", "--continue", "--steps", "10");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("give --lambda > 0"), r.err());
        assertTrue(!r.err().contains("allow it explicitly"), r.err());
    }

    /** --steps and --lr are checked whether or not --continue (or slice's augmented point) uses them. */
    @Test
    void impossibleStepsAndRatesAreRefusedEvenWhenUnused() {
        for (String[] args : new String[][] {{"escape", "--construction", "A1", "--steps", "-1"},
            {"escape", "--construction", "A1", "--lr", "0"},
            {"slice", "--construction", "A1", "--plane", "random", "--steps", "0", "--out", "unused-slice"}}) {
            Run r = Run.of(args);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("error: --steps must be >= 1") || r.err().startsWith("error: --lr"), r.err());
        }
    }

    @Test
    void caseCHasNoNetworkToEscapeFrom() {
        Run r = Run.of("escape", "--construction", "C");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("escape needs a network subject"), r.err());
    }
}
