package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose data file needs the study's label choices (a named label column first, three
 * classes of which two are picked): the driver reads it with the spec's read options, the
 * executors train on exactly that, and the journal equals the in-process one line for line.
 */
class LabelChoicesOnSparkTest {

    @TempDir
    Path dir;

    @Test
    void theDriverReadsTheDataWithTheSpecsLabelChoices() throws IOException {
        Path csv = dir.resolve("three-kinds.csv");
        List<String> rows = new ArrayList<>(List.of("kind,u,v"));
        SplittableRandom random = new SplittableRandom(5);
        String[] kinds = {"ant", "bee", "cat"};
        for (int i = 0; i < 60; i++) {
            int k = i % 3;
            rows.add(String.format(Locale.ROOT, "%s,%.4f,%.4f", kinds[k], k + random.nextGaussian() * 0.4,
                    random.nextGaussian()));
        }
        Files.write(csv, rows, StandardCharsets.UTF_8);
        List<String> study = List.of("study", "--data", csv.toString(), "--label", "kind", "--classes", "ant,cat",
                "--hidden", "3", "--optimizer", "gd", "--lr", "0.1", "--steps", "300", "--restarts", "3",
                "--no-report", "-q");

        Cli inProcess = Cli.run(Stream.concat(study.stream(), Stream.of("--out", dir.resolve("in").toString()))
                .toArray(String[]::new));
        assertEquals(0, inProcess.exitCode(), inProcess::toString);
        Cli spark = Cli.run(Stream.concat(study.stream(), Stream.of("--out", dir.resolve("spark").toString(),
                "--master", "local[2]")).toArray(String[]::new));
        assertEquals(0, spark.exitCode(), spark::toString);

        List<String> expected = Journals.comparable(dir.resolve("in").resolve("journal.jsonl"));
        assertEquals(6, expected.size());
        assertEquals(expected, Journals.comparable(dir.resolve("spark").resolve("journal.jsonl")));
        String hashes = dataHashes(dir.resolve("in"));
        assertTrue(hashes.contains("three-kinds.csv"), hashes);
        assertEquals(hashes, dataHashes(dir.resolve("spark")), "study.json records the same data");
    }

    private static String dataHashes(Path study) throws IOException {
        String json = Files.readString(study.resolve("study.json"), StandardCharsets.UTF_8);
        int from = json.indexOf("\"data_hashes\"");
        return json.substring(from, json.indexOf('}', from) + 1);
    }
}
