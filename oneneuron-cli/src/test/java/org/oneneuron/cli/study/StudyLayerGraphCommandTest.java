package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.study.StudyCommandTest.Result;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.JournalEntry;

/** {@code oneneuron study --arch ... --input-shape ...}: a small CNN study on generated images. */
class StudyLayerGraphCommandTest {

    private static final String CNN = "conv:2x3x3,tanh,maxpool:2,flatten,dense:1";

    @TempDir
    Path dir;

    /** 24 images of 1×8×8 as CSV rows: a vertical bar (+1) or a horizontal bar (-1), with noise. */
    private Path images() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            int at = 1 + rng.nextInt(6);
            for (int p = 0; p < 64; p++) {
                double on = (i % 2 == 0 ? p % 8 : p / 8) == at ? 1 : 0;
                csv.append(String.format(Locale.ROOT, "%.4f,", on + 0.2 * rng.nextGaussian()));
            }
            csv.append(i % 2 == 0 ? "1" : "-1").append('\n');
        }
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, csv);
        return file;
    }

    private String[] cnn(Path data, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--input-shape", "1x8x8",
                "--arch", CNN, "--neuron", "none,skip-exp", "--optimizer", "adam", "--lr", "0.05",
                "--steps", "20", "--restarts", "2", "--seed", "9", "--threads", "2", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static List<String> withoutSeconds(List<String> lines) {
        return lines.stream().map(l -> l.replaceFirst("\"seconds\":[-+0-9.eE]+", "\"seconds\":0")).sorted().toList();
    }

    @Test
    void aCnnStudyRunsWritesItsReportResumesAndReplays() throws IOException {
        Path data = images();
        Path out = dir.resolve("cnn");
        Result first = StudyCommandTest.run(new StudyCommand(), cnn(data, out));
        assertEquals(0, first.code(), first.err());
        List<String> lines = Files.readAllLines(out.resolve("journal.jsonl"));
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).contains("\"architecture\":\"" + CNN + "\",\"input_shape\":\"1x8x8\""), lines.get(0));
        assertTrue(Files.size(out.resolve("report.html")) > 10_000);
        assertTrue(Files.readString(out.resolve("report.html")).contains("architectures [" + CNN + "] on 1x8x8"));
        String spec = Files.readString(out.resolve("spec.json"));
        assertTrue(spec.contains("\"architectures\" : [ \"" + CNN + "\" ]") && spec.contains("\"input_shape\" : \"1x8x8\"")
                && spec.contains("\"hidden\" : [ ]"), spec);

        Result again = StudyCommandTest.run(new StudyCommand(), cnn(data, out, "--no-report"));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("4 already in the journal"), again.err());
        assertEquals(lines, Files.readAllLines(out.resolve("journal.jsonl")));

        Result replay = StudyCommandTest.run(new StudyCommand(), cnn(data, out, "--only-run", "3"));
        assertEquals(0, replay.code(), replay.err());
        JournalEntry replayed = JournalCodec.fromLine(replay.out().trim());
        JournalEntry journaled = lines.stream().map(JournalCodec::fromLine).filter(e -> e.run().runIndex() == 3)
                .findFirst().orElseThrow();
        assertEquals(journaled.run(), replayed.run());
        assertEquals(journaled.outcome().withoutTiming(), replayed.outcome().withoutTiming());

        Path fromSpec = dir.resolve("from-spec");
        Result viaSpec = StudyCommandTest.run(new StudyCommand(), "--spec", out.resolve("spec.json").toString(),
                "--threads", "1", "--out", fromSpec.toString(), "--no-report", "-q");
        assertEquals(0, viaSpec.code(), viaSpec.err());
        assertEquals(withoutSeconds(lines), withoutSeconds(Files.readAllLines(fromSpec.resolve("journal.jsonl"))),
                "one worker from spec.json gives the two-worker numbers");
    }

    @Test
    void networksGivenTwoWaysOrAShapeThatDoesNotFitAreUsageErrors() throws IOException {
        Path data = images();
        Path out = dir.resolve("bad");
        Result both = StudyCommandTest.run(new StudyCommand(), cnn(data, out, "--hidden", "4"));
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("--arch and --hidden/--shapes/--activation both give the networks"), both.err());
        Result shapeAlone = StudyCommandTest.run(new StudyCommand(), "--data", data.toString(), "--input-shape",
                "1x8x8", "--hidden", "4", "--out", out.toString());
        assertEquals(2, shapeAlone.code(), shapeAlone.err());
        assertTrue(shapeAlone.err().contains("--input-shape is for the --arch networks"), shapeAlone.err());
        List<String> wrong = new ArrayList<>(List.of(cnn(data, out)));
        wrong.set(wrong.indexOf("1x8x8"), "64x1x1");
        Result wrongShape = StudyCommandTest.run(new StudyCommand(), wrong.toArray(String[]::new));
        assertEquals(2, wrongShape.code(), wrongShape.err());
        assertTrue(wrongShape.err().startsWith("error: architecture " + CNN)
                && wrongShape.err().contains("larger than its input"), wrongShape.err());
        Result badWord = StudyCommandTest.run(new StudyCommand(), "--data", data.toString(), "--arch",
                "conv:2x3x3,dropout,flatten,dense:1", "--out", out.toString());
        assertEquals(2, badWord.code(), badWord.err());
        assertTrue(badWord.err().contains("dropout"), badWord.err());
        assertFalse(Files.exists(out.resolve("journal.jsonl")), "nothing ran");
    }
}
