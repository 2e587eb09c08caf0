package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneneuron.cli.ExitCodes;

/**
 * A landscape option the subject does not read is refused, naming it, instead of being dropped
 * (certify --construction A1 --data my.csv certified A1's own three points), and --lambda on a
 * model that keeps its neuron weights the objective certified (it was read only by escape and slice).
 */
class SubjectOptionsUsedTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path kept;
    static Path plain;

    @BeforeAll
    static void files() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        StringBuilder c = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 30; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            c.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", a, b, a * b > 0 ? "p" : "n"));
        }
        data = Files.writeString(dir.resolve("xor.csv"), c);
        kept = dir.resolve("kept.json");
        plain = dir.resolve("plain.json");
        Run k = Run.of("train", data.toString(), "--hidden", "3", "--neuron", "skip-exp", "--scaffold", "keep",
                "--steps", "5", "--seed", "2", "-q", "--out", kept.toString());
        assertEquals(ExitCodes.OK, k.exitCode(), k.toString());
        Run p = Run.of("train", data.toString(), "--hidden", "3", "--neuron", "none", "--steps", "5", "-q",
                "--out", plain.toString());
        assertEquals(ExitCodes.OK, p.exitCode(), p.toString());
    }

    @ParameterizedTest
    @CsvSource({
        "certify --construction A1 --data wdbc, --data",
        "certify --construction A1 --hidden 3, --hidden",
        "certify --construction B --split test, --split",
        "certify --construction A2 --label y, --label",
        "spectrum --construction A1 --classes 1;2, --classes",
        "certify --construction dead-relu --augmented, --augmented",
        "certify --construction dead-relu --split train, --split",
        "certify --construction A1 --lambda 5, --lambda",
        "spectrum --construction yun --lambda 5, --lambda",
    })
    void anOptionTheSubjectDoesNotReadIsRefused(String words, String option) {
        Run r = Run.of(words.replace(';', ',').split(" "));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains(option), r.err());
    }

    @Test
    void aModelTakesNeitherAugmentedNorHidden() {
        for (String option : new String[] {"--augmented", "--hidden"}) {
            String[] extra = option.equals("--hidden") ? new String[] {"--hidden", "4"} : new String[] {option};
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("certify", "--model",
                    plain.toString(), "--data", data.toString()), java.util.Arrays.stream(extra)).toArray(String[]::new);
            Run r = Run.of(args);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().contains(option), r.err());
        }
    }

    @Test
    void lambdaWeightsTheCertifiedObjectiveOfAModelWithANeuron() throws Exception {
        JsonNode own = certify(kept);
        double a = own.get("neuron").get("a").asDouble();
        assertTrue(Math.abs(a) > 1e-6, "the test needs a visible a: " + a);
        JsonNode small = certify(kept, "--lambda", "0.5");
        JsonNode large = certify(kept, "--lambda", "50.5");
        double penaltyGap = large.get("loss_total").asDouble() - small.get("loss_total").asDouble();
        assertEquals(50 / 2.0 * a * a, penaltyGap, 1e-9 * Math.max(1, penaltyGap), "(λ/2)a² with the given λ");
        assertNotEquals(small.get("grad_norm").asDouble(), large.get("grad_norm").asDouble());
        assertEquals(0, large.get("identity_residual").asDouble(), 1e-9, "the identity with the same λ");
    }

    @Test
    void lambdaStillSetsTheEmbeddingOfAPlainModelInEscape() throws Exception {
        Run r = Run.of("escape", "--model", plain.toString(), "--data", data.toString(), "--lambda", "0.5", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(0.5, r.json().get("lambda").asDouble());
    }

    private static JsonNode certify(Path model, String... extra) throws Exception {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("certify", "--model",
                model.toString(), "--data", data.toString(), "--perturbations", "0", "--json"),
                java.util.Arrays.stream(extra)).toArray(String[]::new);
        Run r = Run.of(args);
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return r.json();
    }
}
