package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.study.JournalCodec;
import org.oneneuron.study.JournalEntry;

/**
 * Acceptance (issue 13): writes that fail for real, in a child process: a file-size limit (bash's
 * ulimit -f, which makes write(2) fail with EFBIG after a short write), and where this machine
 * allows a mount namespace, a full tmpfs (ENOSPC) and a read-only one (EROFS). Each time the
 * command exits 1 with one message and no trace, the journal holds whole lines only, and a model
 * or checkpoint is the old file or absent, never torn.
 */
class DiskFaultTest {

    private static final String[] STUDY = {"study", "--data", "case-a", "--hidden", "2", "--activation", "relu",
        "--neuron", "none,skip-exp", "--reduction", "sum", "--lr", "0.01", "--init", "normal", "--restarts", "2",
        "--steps", "800", "--seed", "5", "--threads", "2", "--no-report", "-q"};

    @TempDir
    Path dir;

    private static String[] study(Path out) {
        List<String> args = new ArrayList<>(List.of(STUDY));
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    /** Journal lines by run index, wall times zeroed; fails on any line that is not a whole entry. */
    private static Map<Integer, JournalEntry> entries(Path journal) throws IOException {
        Map<Integer, JournalEntry> map = new TreeMap<>();
        for (String line : Files.readAllLines(journal)) {
            JournalEntry e = JournalCodec.fromLine(line);
            map.put(e.runIndex(), new JournalEntry(e.run(), e.outcome().withoutTiming()));
        }
        return map;
    }

    @Test
    void aStudyThatHitsTheFileSizeLimitKeepsWholeLinesAndResumesToTheUninterruptedResult() throws Exception {
        Path out = dir.resolve("limited");
        ChildCli child = ChildCli.run(dir, "ulimit -f 12", ChildCli.command(List.of(), study(out)));
        assertEquals(ExitCodes.FAILURE, child.exitCode(), child.toString());
        assertTrue(child.err().contains("error: cannot append run ") && child.err().contains(
                "the file size limit was reached (see ulimit -f) (File too large); no partial line is left;"
                + " the journal keeps the "), child.toString());
        assertTrue(child.err().contains("re-run the same command to resume") && child.noTrace(), child.toString());
        Path journal = out.resolve("journal.jsonl");
        int kept = entries(journal).size();
        assertTrue(kept < 4 && Files.size(journal) <= 12 * 1024, "whole lines only: " + kept);
        assertTrue(child.err().contains("the journal keeps the " + kept + (kept == 1 ? " run" : " runs")
                + " finished before"), child.toString());
        assertFalse(Files.exists(out.resolve("spec.json")), "nothing written after the failure");

        Cli resumed = Cli.run(study(out));
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        Cli whole = Cli.run(study(dir.resolve("whole")));
        assertEquals(ExitCodes.OK, whole.exitCode(), whole.toString());
        assertEquals(entries(dir.resolve("whole/journal.jsonl")), entries(journal));
    }

    @Test
    void aTrainingWhoseCheckpointOrModelCannotBeWrittenLeavesTheOldModel() throws Exception {
        Path model = dir.resolve("model.json");
        String[] train = {"train", "blobs:n=40", "--hidden", "2", "--steps", "20", "-q", "--scaffold", "keep",
            "--out", model.toString()};
        byte[] old = oldModel(model);

        ChildCli checkpoint = ChildCli.run(dir, "ulimit -f 1", ChildCli.command(List.of(),
                TrainCommandTest.concat(train, "--seed", "9", "--checkpoint-every", "5")));
        assertEquals(ExitCodes.FAILURE, checkpoint.exitCode(), checkpoint.toString());
        assertTrue(checkpoint.err().contains("error: cannot write " + model + ".checkpoint: the file size limit was"
                + " reached (see ulimit -f) (File too large); nothing was written") && checkpoint.noTrace(),
                checkpoint.toString());
        ChildCli last = ChildCli.run(dir, "ulimit -f 1", ChildCli.command(List.of(), TrainCommandTest.concat(train, "--seed", "9")));
        assertEquals(ExitCodes.FAILURE, last.exitCode(), last.toString());
        assertTrue(last.err().contains("error: cannot write " + model + ": the file size limit was reached (see"
                + " ulimit -f) (File too large); " + model + " is unchanged") && last.noTrace(), last.toString());

        assertArrayEquals(old, Files.readAllBytes(model), "the old model, byte for byte");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".model.json.lock", "model.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no checkpoint, no temporary file");
        }
    }

    /**
     * A report redrawn under a file-size limit smaller than any of its figures: the first file
     * fails, and every file of the earlier report is still whole, byte for byte (each is written
     * to a temporary file and renamed; written in place, the first figure was left cut off).
     */
    @Test
    void aReportThatCannotBeWrittenLeavesTheEarlierReportWhole() throws Exception {
        Path out = dir.resolve("s");
        assertEquals(ExitCodes.OK, Cli.run(study(out)).exitCode());
        Cli first = Cli.run("report", out.toString(), "-q");
        assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
        Map<Path, byte[]> before = contents(out);
        assertTrue(before.containsKey(Path.of("report.html")) && before.size() > 10, before.keySet().toString());

        ChildCli child = ChildCli.run(dir, "ulimit -f 1", ChildCli.command(List.of(), "report", out.toString(), "-q"));
        assertEquals(ExitCodes.FAILURE, child.exitCode(), child.toString());
        assertTrue(child.err().contains("error: cannot write " + out.resolve("figures"))
                && child.err().contains("the file size limit was reached (see ulimit -f) (File too large); ")
                && child.err().contains(" is unchanged") && child.noTrace(), child.toString());
        Map<Path, byte[]> after = contents(out);
        assertEquals(before.keySet(), after.keySet(), "no file cut off or left behind (no temporary file)");
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " is the earlier one"));
    }

    /** Every file under {@code root} (the lock file aside, which each holder rewrites), by relative path. */
    private static Map<Path, byte[]> contents(Path root) throws IOException {
        Map<Path, byte[]> map = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().endsWith(".lock")) {
                    map.put(root.relativize(file), Files.readAllBytes(file));
                }
            }
        }
        return map;
    }

    /**
     * A full disk and a read-only one, on a tmpfs mounted in a private mount namespace (needs
     * unshare(1) and the right to mount there; skipped where the machine forbids it).
     */
    @Test
    void aFullDiskAndAReadOnlyDiskGiveOneMessageAndWholeFiles() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("mnt"));
        List<String> unshare = mountNamespace(mount);
        Assumptions.assumeTrue(unshare != null, "no mount namespace with tmpfs on this machine");
        Path model = dir.resolve("model.json");
        oldModel(model);
        Path saved = Files.createDirectories(dir.resolve("saved"));
        String java = String.join(" ", quoted(ChildCli.command(List.of())));
        String script = String.join("\n",
                "set -u",
                "mount -t tmpfs -o size=16k tmpfs " + mount,
                java + " " + String.join(" ", quoted(List.of(study(mount.resolve("s"))))) + " 2> " + saved.resolve("study.err"),
                "echo $? > " + saved.resolve("study.rc"),
                "cp -r " + mount.resolve("s") + " " + saved.resolve("s"),
                "rm -rf " + mount.resolve("s"),
                "cp " + model + " " + mount.resolve("model.json"),
                "mount -o remount,ro " + mount,
                java + " train blobs:n=40 --hidden 2 --steps 20 -q --seed 9 --out " + mount.resolve("model.json")
                        + " 2> " + saved.resolve("train.err"),
                "echo $? > " + saved.resolve("train.rc"),
                "cmp " + model + " " + mount.resolve("model.json") + " && echo same > " + saved.resolve("train.cmp"));
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("bash", "-c", script));
        ChildCli child = ChildCli.run(dir, null, command);
        String studyErr = Files.readString(saved.resolve("study.err"));
        assertEquals("1", Files.readString(saved.resolve("study.rc")).trim(), studyErr + child);
        assertTrue(studyErr.contains("the disk is full (No space left on device); no partial line is left"),
                studyErr);
        entries(saved.resolve("s/journal.jsonl"));
        String trainErr = Files.readString(saved.resolve("train.err"));
        assertEquals("1", Files.readString(saved.resolve("train.rc")).trim(), trainErr + child);
        assertTrue(trainErr.contains("the file system is read-only (Read-only file system)"), trainErr);
        assertTrue(Files.exists(saved.resolve("train.cmp")), "the model on the read-only disk is the old one");
    }

    /** Stands for the model of an earlier run (larger than the 1 KB file-size limit used here). */
    private static byte[] oldModel(Path model) throws IOException {
        byte[] old = ("{\"old model\": \"" + "x".repeat(2000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        Files.write(model, old);
        return old;
    }

    /** "unshare -m" or "unshare -rm" when a tmpfs can be mounted that way here, else null. */
    private static List<String> mountNamespace(Path mount) throws IOException, InterruptedException {
        for (String option : List.of("-m", "-rm")) {
            try {
                Process p = new ProcessBuilder("unshare", option, "sh", "-c", "mount -t tmpfs -o size=32k tmpfs "
                        + mount).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor() == 0) {
                    return List.of("unshare", option);
                }
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList();
    }
}
