package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's own warnings (unified logging) go to stdout by default; the launcher sends them to
 * stderr, so {@code --json} output stays one parseable object whatever the JVM has to say.
 * {@code -XX:+UseLargePages} on a machine without configured large pages makes JDK 17 and 25 warn.
 */
class JvmLogTest {

    private static final String[] TRAIN = {"train", "wdbc", "--steps", "2", "--json", "-q", "--out", "m.json"};

    @TempDir
    Path dir;

    @Test
    void aJvmWarningGoesToStderrAndTheJsonStaysWhole() throws Exception {
        ChildCli r = ChildCli.run(dir, null, ChildCli.command(List.of("-XX:+UseLargePages"), TRAIN));
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("train", json.get("command").asText());
        assertTrue(!r.out().contains("[warning]"), r.toString());
    }

    @Test
    void withoutTheLaunchersLogFlagsTheSameWarningWouldCorruptStdout() throws Exception {
        List<String> command = new ArrayList<>(ChildCli.command(List.of("-XX:+UseLargePages"), TRAIN));
        command.removeAll(ChildCli.launcherLogFlags());
        ChildCli r = ChildCli.run(dir, null, command);
        if (r.out().contains("[warning][pagesize]")) { // a machine with large pages configured does not warn
            assertThrows(Exception.class, () -> new ObjectMapper().readTree(r.out()));
        }
    }
}
