package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo stopped part-way (SIGTERM, which runs the JVM's shutdown hooks as Ctrl-C's SIGINT does)
 * says how far it got and that it starts over when run again, as train and study say how to go on.
 */
class DemoInterruptTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedDemoSaysHowFarItGotAndThatItStartsOver() throws Exception {
        Path out = dir.resolve("demo");
        Path err = dir.resolve("demo.err");
        List<String> command = ChildCli.command(List.of(), "demo", "--restarts", "20", "--threads", "1", "-q",
                "--out", out.toString());
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        try {
            Path journal = out.resolve("demo-case-a").resolve("journal.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline && !(Files.exists(journal) && Files.size(journal) > 0)) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "the demo ended before it could be stopped: " + Files.readString(err));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the demo stops");
            String text = Files.readString(err);
            assertTrue(Pattern.compile("(?m)^interrupted with \\d+ of 60 runs finished \\(kept in "
                    + Pattern.quote(journal.toString()) + "\\); the demo does not resume: run it again to start over$")
                    .matcher(text).find(), text);
        } finally {
            p.destroyForcibly();
        }
    }
}
