package org.oneneuron.cli.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.study.StudyCommandTest.Result;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.JournalEntry;

/** {@code oneneuron study --batch B --dtype float32}: minibatch and float32 runs, as {@code train} has them. */
class StudyMinibatchCommandTest {

    @TempDir
    Path dir;

    private static String[] study(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("--data", "wdbc", "--hidden", "4", "--neuron", "none,skip-exp",
                "--optimizer", "sgd,adam", "--lr", "0.01", "--steps", "40", "--restarts", "2", "--seed", "5",
                "--no-report", "-q", "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static List<JournalEntry> journal(Path out) throws IOException {
        return Files.readAllLines(out.resolve("journal.jsonl")).stream().map(JournalCodec::fromLine)
                .sorted((a, b) -> Integer.compare(a.run().runIndex(), b.run().runIndex())).toList();
    }

    @Test
    void minibatchFloat32RunsAreJournaledReplayedAndTheSameOnOneOrTwoWorkers() throws IOException {
        Path out = dir.resolve("mb");
        Result first = StudyCommandTest.run(new StudyCommand(), study(out, "--batch", "32", "--dtype", "float32",
                "--threads", "2"));
        assertEquals(0, first.code(), first.err());
        List<String> lines = Files.readAllLines(out.resolve("journal.jsonl"));
        assertEquals(8, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"batch\":32,\"dtype\":\"float32\"")), lines.get(0));
        String spec = Files.readString(out.resolve("spec.json"));
        assertTrue(spec.contains("\"batch\" : 32") && spec.contains("\"dtype\" : \"float32\""), spec);

        Result replay = StudyCommandTest.run(new StudyCommand(), study(out, "--batch", "32", "--dtype", "float32",
                "--only-run", "5"));
        assertEquals(0, replay.code(), replay.err());
        JournalEntry replayed = JournalCodec.fromLine(replay.out().trim());
        JournalEntry journaled = journal(out).get(5);
        assertEquals(journaled.run(), replayed.run());
        assertEquals(journaled.outcome().withoutTiming(), replayed.outcome().withoutTiming());

        Path fromSpec = dir.resolve("from-spec");
        Result viaSpec = StudyCommandTest.run(new StudyCommand(), "--spec", out.resolve("spec.json").toString(),
                "--threads", "1", "--out", fromSpec.toString(), "--no-report", "-q");
        assertEquals(0, viaSpec.code(), viaSpec.err());
        List<JournalEntry> two = journal(out);
        List<JournalEntry> one = journal(fromSpec);
        for (int i = 0; i < two.size(); i++) {
            assertEquals(two.get(i).outcome().withoutTiming(), one.get(i).outcome().withoutTiming(), "run " + i);
        }

        Path full = dir.resolve("full");
        Result fullBatch = StudyCommandTest.run(new StudyCommand(), study(full, "--threads", "2"));
        assertEquals(0, fullBatch.code(), fullBatch.err());
        List<JournalEntry> plain = journal(full);
        assertFalse(Files.readString(full.resolve("journal.jsonl")).contains("\"batch\""));
        for (int i = 0; i < plain.size(); i++) {
            assertNotEquals(plain.get(i).outcome().loss(), two.get(i).outcome().loss(),
                    "run " + i + ": 32-sample float32 steps are not the full-batch float64 steps");
        }
    }

    @Test
    void aMinibatchForAFullBatchOptimizerOrAnUnknownDtypeIsAUsageError() {
        Path out = dir.resolve("bad");
        Result lbfgs = StudyCommandTest.run(new StudyCommand(), "--data", "wdbc", "--optimizer", "lbfgs", "--batch",
                "16", "--out", out.toString());
        assertEquals(2, lbfgs.code(), lbfgs.err());
        assertTrue(lbfgs.err().contains("batch 16 is the minibatch size of sgd and adam; lbfgs"), lbfgs.err());
        Result dtype = StudyCommandTest.run(new StudyCommand(), "--data", "wdbc", "--dtype", "float16", "--out",
                out.toString());
        assertEquals(2, dtype.code(), dtype.err());
        assertTrue(dtype.err().contains("--dtype must be float64 or float32, got 'float16'"), dtype.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
