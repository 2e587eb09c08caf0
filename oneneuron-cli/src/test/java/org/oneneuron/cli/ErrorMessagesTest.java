package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-facing errors never show a Java exception class name: {@link ErrorHandling} strips them
 * from any message, and failing command lines of every command print plain sentences (the trace
 * only with {@code --debug}).
 */
class ErrorMessagesTest {

    /** What a class name looks like in a message: FooException, java.io.IOException, BarError. */
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z]\\w*\\.)*[A-Z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path dir;

    @Test
    void messagesLoseTheirClassNames() {
        assertEquals("no such file or folder: data.csv",
                ErrorHandling.message(new UncheckedIOException(new NoSuchFileException("data.csv"))));
        assertEquals("disk full", ErrorHandling.message(new RuntimeException(new IOException("disk full"))));
        assertEquals("bad state", ErrorHandling.message(new IllegalStateException("bad state")));
        assertEquals("internal error", ErrorHandling.message(new NullPointerException()));
        assertEquals("an input/output operation failed", ErrorHandling.message(new IOException()));
        assertEquals("x is y", ErrorHandling.withoutClassNames("java.lang.IllegalStateException: x is y"));
        assertEquals("", ErrorHandling.withoutClassNames(null));
        for (Throwable t : List.of(new RuntimeException(new java.util.ConcurrentModificationException()),
                new IllegalStateException("wrapped", new ArithmeticException("/ by zero")),
                new RuntimeException(new OutOfMemoryError("Java heap space")))) {
            String m = ErrorHandling.message(t);
            assertFalse(m.isEmpty(), t.toString());
            assertFalse(CLASS_NAME.matcher(m).find(), t + " -> " + m);
        }
    }

    @Test
    void failingCommandsPrintPlainSentences() throws IOException {
        Path notAModel = Files.writeString(dir.resolve("model.json"), "{ not json");
        Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b,label\n1,2,x\n3,oops,y\n");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        List<List<String>> commands = List.of(
                List.of("train", dir.resolve("missing.csv").toString()),
                List.of("train", csv.toString(), "--label", "label"),
                List.of("train", folder.toString()),
                List.of("train", "wdbc", "--steps", "-3"),
                List.of("train", "wdbc", "--threads", "zero"),
                List.of("evaluate", notAModel.toString(), "wdbc"),
                List.of("predict", dir.resolve("none.json").toString(), "wdbc"),
                List.of("export", notAModel.toString(), "--out", dir.resolve("o.json").toString()),
                List.of("datasets", "--blas", "nonsense"),
                List.of("bench", "W9"),
                List.of("bench", "W1", "--dump-dir", folder.toString()),
                List.of("certify", "--construction", "Z9"),
                List.of("study", "--spec", dir.resolve("no-spec.json").toString(), "--out", dir.resolve("runs").toString()),
                List.of("no-such-command"));
        for (List<String> args : commands) {
            Cli r = Cli.run(args.toArray(String[]::new));
            assertNotEquals(ExitCodes.OK, r.exitCode(), args + "\n" + r);
            assertTrue(r.err().startsWith("error: ") || r.err().startsWith("oneneuron " + args.get(0) + ": ")
                    || r.err().contains("Unmatched"), args + "\n" + r);
            assertFalse(CLASS_NAME.matcher(r.err()).find(), args + " shows a class name\n" + r);
            assertFalse(r.err().contains("\tat "), args + " shows a stack trace without --debug\n" + r);
        }
    }

    @Test
    void debugShowsTheTrace() {
        Cli r = Cli.run("evaluate", dir.resolve("none.json").toString(), "wdbc", "--debug");
        assertNotEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("\tat "), r.toString());
    }
}
