package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train works on every input format: WDBC (built-in CSV), LIBSVM, ARFF and MNIST IDX files. */
class FormatsAcceptanceTest {

    @TempDir
    Path dir;

    static JsonNode train(String... args) throws Exception {
        Cli r = Cli.run(TrainCommandTest.concat(new String[] {"train"}, args));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void wdbc() throws Exception {
        JsonNode j = train("wdbc", "--hidden", "4", "--steps", "40", "--json");
        assertEquals(569, j.get("n_train").asInt());
        assertEquals(30, j.get("features").asInt());
        assertTrue(j.get("train_accuracy").asDouble() > 0.9, j.toString());
    }

    @Test
    void libsvm() throws Exception {
        Path file = dir.resolve("tiny.libsvm");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            int y = i % 2 == 0 ? 1 : -1;
            sb.append(y).append(" 1:").append(y * (1 + i * 0.1)).append(" 3:").append(i * 0.05).append('\n');
        }
        Files.writeString(file, sb.toString());
        JsonNode j = train(file.toString(), "--hidden", "3", "--steps", "30", "--json");
        assertEquals(20, j.get("n_train").asInt());
        assertEquals(3, j.get("features").asInt());
        assertEquals(1.0, j.get("train_accuracy").asDouble(), j.toString());
    }

    @Test
    void arff() throws Exception {
        Path file = dir.resolve("tiny.arff");
        StringBuilder sb = new StringBuilder("@relation tiny\n@attribute u numeric\n@attribute v numeric\n"
                + "@attribute class {yes,no}\n@data\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(',').append(i % 3).append(',').append(i < 10 ? "yes" : "no").append('\n');
        }
        Files.writeString(file, sb.toString());
        JsonNode j = train(file.toString(), "--hidden", "3", "--steps", "60", "--json");
        assertEquals(20, j.get("n_train").asInt());
        assertEquals(2, j.get("features").asInt());
        assertTrue(j.get("train_accuracy").asDouble() >= 0.9, j.toString());
    }

    /** Needs MNIST from data/fetch-benchmarks.sh; skips on a dev machine, fails in CI. */
    @Test
    @Tag("slow")
    void mnistFourVersusNine() throws Exception {
        String root = System.getenv().getOrDefault("ONENEURON_BENCH_DATA", "../.bench-data");
        Path mnist = Path.of(root, "mnist");
        boolean present = Files.exists(mnist.resolve("train-images-idx3-ubyte"));
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("MNIST is missing at " + mnist.toAbsolutePath()
                    + " (CI=true): run data/fetch-benchmarks.sh " + root);
        }
        Assumptions.assumeTrue(present, "MNIST not fetched at " + mnist.toAbsolutePath());
        JsonNode j = train(mnist.resolve("t10k-images-idx3-ubyte").toString(), "--classes", "4,9",
                "--hidden", "8", "--optimizer", "adam", "--lr", "0.001", "--batch", "128", "--steps", "30",
                "--json");
        assertEquals(784, j.get("features").asInt());
        assertEquals(982 + 1009, j.get("n_train").asInt()); // t10k: 982 fours, 1009 nines
        assertTrue(j.get("train_accuracy").asDouble() > 0.8, j.toString());
    }
}
