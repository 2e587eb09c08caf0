package org.oneneuron.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.Main;

/**
 * The peer's Python is checked before the first run: missing torch or scipy, or torch on the
 * reference BLAS, is one sentence that says what to install. Fake interpreters (shell scripts
 * printing the probe's JSON line) stand in for the real ones.
 */
class PeerPythonTest {

    @TempDir
    Path dir;

    private Path fakePython(String name, String jsonLine) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho '" + jsonLine + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void missingTorchSaysWhatToInstall() throws IOException {
        Path python = fakePython("py-no-torch", "{\"missing\": \"torch\"}");
        CommandFailure f = assertThrows(CommandFailure.class, () -> PeerPython.find(python));
        assertEquals(ExitCodes.FAILURE, f.exitCode());
        assertTrue(f.getMessage().contains("apt-get install python3-torch python3-scipy"), f.getMessage());
        assertTrue(f.getMessage().contains(python + " cannot import torch"), f.getMessage());
    }

    @Test
    void missingScipyAsksForScipyOnly() throws IOException {
        Path python = fakePython("py-no-scipy", "{\"missing\": \"scipy\"}");
        CommandFailure f = assertThrows(CommandFailure.class, () -> PeerPython.find(python));
        assertTrue(f.getMessage().contains("install python3-scipy (apt-get install python3-scipy)"), f.getMessage());
    }

    @Test
    void referenceBlasIsRefusedWithTheOpenBlasPackage() throws IOException {
        Path python = fakePython("py-ref-blas", "{\"torch\": \"1.13\", \"blas_libraries\":"
                + " [\"/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0\"]}");
        CommandFailure f = assertThrows(CommandFailure.class, () -> PeerPython.find(python));
        assertTrue(f.getMessage().contains("reference BLAS"), f.getMessage());
        assertTrue(f.getMessage().contains("apt-get install libopenblas0-pthread"), f.getMessage());
    }

    @Test
    void openBlasIsAccepted() throws IOException {
        Path python = fakePython("py-ok", "{\"torch\": \"1.13\", \"blas_libraries\": [\"/usr/lib/x86_64-linux-gnu/"
                + "openblas-pthread/libblas.so.3\"]}");
        PeerPython found = PeerPython.find(python);
        assertEquals("openblas", found.blasKind());
        assertEquals("1.13", found.torchVersion());
        assertEquals("unknown", PeerPython.blasKind(List.of()));
    }

    @Test
    void aPythonThatCannotRunIsNamed() {
        Path missing = dir.resolve("no-such-python");
        CommandFailure f = assertThrows(CommandFailure.class, () -> PeerPython.find(missing));
        assertTrue(f.getMessage().contains(missing + " cannot be run"), f.getMessage());
    }

    @Test
    void compareStopsWithOneLineAndExitOne() throws IOException {
        Path python = fakePython("py-no-torch2", "{\"missing\": \"torch\"}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "bench", "W1",
                "--compare", "--steps", "1", "--pairs", "1", "--python", python.toString());
        assertEquals(ExitCodes.FAILURE, code, err.toString());
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("error: the PyTorch peer needs a Python with torch and scipy"), lines[0]);
        assertFalse(lines[0].matches(".*[A-Z]\\w*(Exception|Error)\\b.*"), lines[0]);
    }

    @Test
    void theBenchFolderIsTheRepositorysOwn() {
        Path bench = BenchFiles.benchFolder().orElseThrow();
        assertTrue(Files.isRegularFile(bench.resolve("peers/w1_fullbatch.py")), bench.toString());
        assertEquals(Path.of("..").toAbsolutePath().normalize().resolve("bench"), bench.toAbsolutePath().normalize());
    }
}
