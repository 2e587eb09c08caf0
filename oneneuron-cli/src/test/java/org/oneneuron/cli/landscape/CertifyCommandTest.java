package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.ExitCodes;

class CertifyCommandTest {

    static void snakeCaseKeys(JsonNode node) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                assertTrue(k.matches("[a-z][a-z0-9_]*"), "key " + k);
                snakeCaseKeys(node.get(k));
            }
        } else if (node.isArray()) {
            node.forEach(CertifyCommandTest::snakeCaseKeys);
        }
    }

    @Test
    void a1IsABadLocalMinimumInText() {
        Run r = Run.of("certify", "--construction", "A1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("verdict            bad_local_minimum"), r.out());
        assertTrue(r.out().contains("loss_total         2.74517"), r.out());
        assertTrue(r.out().contains("tolerances"), r.out());
    }

    @Test
    void a2JsonCarriesTheContractKeys() throws Exception {
        Run r = Run.of("certify", "--construction", "A2", "--json", "--perturbations", "10000");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        snakeCaseKeys(j);
        assertEquals(org.oneneuron.cli.Json.SCHEMA_VERSION, j.get("schema_version").asInt());
        assertEquals("bad_local_minimum", j.get("verdict").asText());
        assertEquals(48 - 32 * Math.sqrt(2), j.get("loss_total").asDouble(), 1e-12);
        assertEquals(2.745166004060955, j.get("loss_network_only").asDouble(), 1e-12);
        assertTrue(j.get("grad_norm").asDouble() < 1e-12);
        assertTrue(j.get("hess_eig_min").asDouble() > -1e-9);
        assertTrue(j.get("hess_eig_max").asDouble() > 0);
        assertEquals(0, j.get("perturbation").get("decreases").asInt());
        assertEquals(10000, j.get("perturbation").get("directions").asInt());
    }

    @Test
    void caseCSurfacesTheTrainersEscapeVerdict() throws Exception {
        Run r = Run.of("certify", "--construction", "C", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals("escaping_to_infinity", j.get("verdict").asText());
        assertEquals("escaping_to_infinity", j.get("training").get("infinity_verdict").asText());
        assertEquals(100000, j.get("training").get("steps").asLong());
        assertTrue(j.get("neuron").get("a").asDouble() > 0.3);
    }

    @Test
    void theAugmentedBadPointIsNotStationary() throws Exception {
        Run r = Run.of("certify", "--construction", "A1", "--augmented", "--json", "--perturbations", "0");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals("not_stationary", j.get("verdict").asText());
        assertEquals(0.866455, j.get("grad_norm").asDouble(), 1e-6, "only ∂L~/∂a is nonzero");
        assertEquals(0.0, j.get("identity_residual").asDouble(), 1e-12);
    }

    @Test
    void theDefaultProbeReportsItsEffortAndRunsOnlyWhereItCanDecide() throws Exception {
        JsonNode bad = Run.of("certify", "--construction", "A1", "--json").json();
        JsonNode p = bad.get("perturbation");
        assertEquals("bad_local_minimum", bad.get("verdict").asText());
        assertEquals(1000, p.get("directions").asInt(), p.toString());
        assertEquals(1000, p.get("requested").asInt());
        assertEquals("requested", p.get("limit").asText());
        assertEquals(1 - Math.pow(0.05, 1e-3), p.get("undetected_fraction_95").asDouble(), 1e-12);
        assertTrue(p.get("seconds").asDouble() >= 0);
        JsonNode sloped = Run.of("certify", "--construction", "A1", "--augmented", "--json").json();
        JsonNode q = sloped.get("perturbation");
        assertEquals("not_stationary", sloped.get("verdict").asText());
        assertEquals(0, q.get("directions").asInt(), q.toString());
        assertTrue(q.get("limit").asText().contains("not stationary"), q.toString());
        assertTrue(q.get("smallest_change").isNull());
        JsonNode exact = Run.of("certify", "--construction", "A1", "--augmented", "--json",
                "--perturbations", "30").json().get("perturbation");
        assertEquals(30, exact.get("directions").asInt(), "an explicit count runs wherever the point is");
    }

    @Test
    void deadReluRecipeOnASmallNetwork() throws Exception {
        Run r = Run.of("certify", "--construction", "dead-relu", "--hidden", "4", "--json", "--perturbations", "200");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("bad_local_minimum", r.json().get("verdict").asText());
    }

    @Test
    void badInputsAreOneLineWithExitCodeTwo() {
        Run none = Run.of("certify");
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode(), none.toString());
        assertTrue(none.err().contains("give exactly one of --construction NAME or --model FILE"), none.err());
        Run unknown = Run.of("certify", "--construction", "Z9");
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("unknown construction 'Z9'"), unknown.err());
        Run point = Run.of("certify", "--construction", "A1", "--point", "middle");
        assertEquals(ExitCodes.BAD_INPUT, point.exitCode());
        assertTrue(point.err().contains("--point must be bad or global"), point.err());
    }

    @Test
    void aSavedModelIsCertifiedOnItsData(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        Run train = Run.of("train", "construction-a", "--hidden", "2", "--activation", "relu", "--neuron", "skip-exp",
                "--steps", "30", "--test-fraction", "0", "--scaffold", "keep", "--out", model.toString(), "-q");
        assertEquals(ExitCodes.OK, train.exitCode(), train.toString());
        Run r = Run.of("certify", "--model", model.toString(), "--data", "construction-a", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals(13, j.get("dimension").asInt());
        assertTrue(j.get("neuron").isObject(), "the skip-exp model reports its neuron");
        assertEquals(0.0, j.get("identity_residual").asDouble(), 1e-9);
        Run noData = Run.of("certify", "--model", model.toString());
        assertEquals(ExitCodes.BAD_INPUT, noData.exitCode());
        assertTrue(noData.err().contains("--model needs --data"), noData.err());
    }

    /**
     * Acceptance (issue 13): data whose identical inputs carry different labels are certified
     * against their floor (here 2: one pair at score 0 under the summed cubic hinge), not refused:
     * a trained model at the floor is a global minimum of the unfittable problem, the dead-ReLU point
     * above it a bad local minimum, and both say zero loss is unattainable.
     */
    @Test
    void dataWithConflictingDuplicatesAreCertifiedAgainstTheirFloor(@TempDir Path dir) throws Exception {
        Path csv = java.nio.file.Files.writeString(dir.resolve("noisy.csv"),
                "x1,x2,label\n0,0,1\n0,1,-1\n1,0,-1\n1,1,1\n2,2,1\n2,3,-1\n1,1,-1\n");
        Path model = dir.resolve("model.json");
        Run train = Run.of("train", csv.toString(), "--hidden", "4", "--reduction", "sum", "--steps", "2000",
                "-q", "--out", model.toString());
        assertEquals(ExitCodes.OK, train.exitCode(), train.toString());
        assertTrue(train.err().contains("conflicting labels"), "train warns: " + train.err());
        Run certify = Run.of("certify", "--model", model.toString(), "--data", csv.toString(), "--json",
                "--perturbations", "50");
        assertEquals(ExitCodes.OK, certify.exitCode(), certify.toString());
        JsonNode j = certify.json();
        assertEquals("global_minimum", j.get("verdict").asText(), j.toString());
        assertEquals(2.0, j.get("loss_minimum").asDouble(), 1e-12);
        assertEquals(2.0, j.get("loss_total").asDouble(), 1e-6);
        assertEquals(1, j.get("data_floor").get("conflicting_groups").asInt());
        assertEquals(1, j.get("data_floor").get("forced_errors").asInt());
        assertTrue(j.get("reason").asText().contains("zero loss is unattainable on this data"), j.toString());

        Run dead = Run.of("certify", "--construction", "dead-relu", "--data", csv.toString(), "--hidden", "4",
                "--perturbations", "0", "--json");
        assertEquals(ExitCodes.OK, dead.exitCode(), dead.toString());
        JsonNode d = dead.json();
        assertEquals("bad_local_minimum", d.get("verdict").asText(), d.toString());
        assertTrue(d.get("loss_total").asDouble() > 2.0 + 1e-3 && d.get("reason").asText().contains(
                "above the minimum: some point is below"), d.toString());
        assertEquals("below", d.get("least_loss").get("kind").asText(), "the recipe's affine point beats it");
    }

    @Test
    void aRunThatDivergesUnderTrainStepsFailsAndSaysSo() throws Exception {
        Run r = Run.of("certify", "--construction", "A1", "--augmented", "--train-steps", "100", "--lr", "1e6",
                "--json");
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals("diverged", j.get("training").get("stop").asText(), j.toString());
        assertEquals("diverged", j.get("verdict").asText(), j.toString());
        String reason = j.get("reason").asText();
        assertTrue(reason.startsWith("trainer: diverged at step 1"), reason);
        assertTrue(!reason.contains("still moving"), reason);
        assertTrue(r.err().contains("error: training stopped: diverged at step 1"), r.err());

        Run text = Run.of("certify", "--construction", "A1", "--augmented", "--train-steps", "100", "--lr", "1e6");
        assertEquals(ExitCodes.FAILURE, text.exitCode(), text.toString());
        assertTrue(text.out().contains("trainer: diverged at step 1"), text.out());
        assertTrue(text.err().contains("error: training stopped: diverged"), text.err());
    }

    @Test
    void aRunThatStopsWhileMovingIsStillNotConvergedWithExitZero() throws Exception {
        Run r = Run.of("certify", "--construction", "A1", "--augmented", "--train-steps", "100", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.json().get("reason").asText().startsWith("trainer: stopped while still moving"), r.out());
    }

    @Test
    void negativeTrainStepsAreRefused() {
        Run r = Run.of("certify", "--construction", "A1", "--train-steps", "-5");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--train-steps must be >= 0"), r.err());
        assertTrue(r.err().contains("got -5"), r.err());
    }

    @Test
    void anUnknownConstructionListsTheRecipesToo() {
        Run r = Run.of("certify", "--construction", "Z");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("unknown construction 'Z'"), r.err());
        for (String name : new String[] {"A1", "A2", "B-leaky", "C", "dead-relu", "yun"}) {
            assertTrue(r.err().contains(name), name + " in " + r.err());
        }
    }

    @Test
    void zeroLambdaWithTheNeuronSaysWhatCanBeDone() {
        Run r = Run.of("certify", "--construction", "A1", "--augmented", "--lambda", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("give --lambda > 0"), r.err());
        assertTrue(!r.err().contains("allow it explicitly"), r.err());
    }

    @Test
    void aRecipeHasNoGlobalPoint() {
        Run r = Run.of("certify", "--construction", "dead-relu", "--point", "global", "--perturbations", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--point global: the recipe dead-relu has only its bad point"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void helpShowsExamples() {
        Run r = Run.of("certify", "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        assertTrue(r.out().contains("oneneuron certify --construction A1"), r.out());
    }

    @Test
    void caseCKnowsItsLeastLossIsZero() throws Exception {
        JsonNode j = Run.of("certify", "--construction", "C", "--train-steps", "0", "--json").json();
        JsonNode least = j.get("least_loss");
        assertEquals("exact", least.get("kind").asText(), least.toString());
        assertEquals(0.0, least.get("value").asDouble());
        assertTrue(least.get("basis").asText().contains("construction C"), least.toString());
    }
}
