package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to study --master: one clear error each, within 30 s, exit 1 or 2, no journal. None
 * of these starts Spark: the URL is checked, the master probed and the folder locked first.
 */
class BadInputTest {

    /** The bound for each error. */
    private static final long LIMIT_MS = 30_000;

    @TempDir
    Path dir;

    private Cli study(Path out, String... more) {
        return Cli.run(Stream.concat(Stream.of("study", "--data", "xor", "--hidden", "4", "--restarts", "2",
                "--steps", "50", "--no-report", "-q", "--out", out.toString()), Stream.of(more)).toArray(String[]::new));
    }

    private static void assertClear(Cli run, int exit, String words) {
        assertEquals(exit, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("error: --master") || run.err().startsWith("error: "),
                run::toString);
        assertTrue(run.err().contains(words), run::toString);
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run);
        assertTrue(run.noTrace(), run::toString);
        assertTrue(run.millis() < LIMIT_MS, run::toString);
    }

    @Test
    void anUnreachableMasterIsNamedAndNothingIsCreated() throws IOException {
        int closed = SparkJvms.freePort();
        Path out = dir.resolve("unreachable");
        Cli run = study(out, "--master", "spark://127.0.0.1:" + closed);
        assertClear(run, 1, "no Spark master answers at 127.0.0.1:" + closed + " (connection refused)");
        assertTrue(Files.notExists(out), "the study folder was not created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sparky://host:7077", "local[0]", "local[two]", "spark://host", "spark://host:0",
        "spark://host:70000", "spark://a:7077,", "k8s://", "mesos://host:5050", "127.0.0.1:7077"})
    void aMasterUrlThatIsNotOneIsAUsageError(String master) {
        Path out = dir.resolve("bad-url");
        Cli run = study(out, "--master", master);
        assertClear(run, 2, "--master '" + master + "'");
        assertTrue(Files.notExists(out), "the study folder was not created");
    }

    @Test
    void aClusterManagerThisJarLacksPointsToSparkSubmit() {
        Path out = dir.resolve("yarn");
        Cli run = study(out, "--master", "yarn");
        assertClear(run, 2, "submit the study with your cluster's spark-submit");
        assertTrue(Files.notExists(out), "the study folder was not created");
    }

    @Test
    void threadsWithAMasterIsAUsageError() {
        Cli run = study(dir.resolve("threads"), "--master", "local[2]", "--threads", "2");
        assertClear(run, 2, "--threads does not apply with --master");
    }

    @Test
    void aStudyFolderTheDriverCannotWriteFailsBeforeSparkStarts() throws IOException {
        // Root may write anywhere a permission bit forbids, so the folder is one nobody can make:
        // its parent is a file.
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder\n");
        Path out = file.resolve("study");
        Cli run = study(out, "--master", "local[2]");
        assertClear(run, 2, "--out " + out + " cannot be created: a-file on its path is a file");
        assertEquals(List.of(file), Files.list(dir).toList(), "nothing else was written");
    }
}
