package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance (issue 13): an input that does not fit the heap fails at once, before it is read,
 * with its size and how to raise the limit, never with an OutOfMemoryError trace. A child JVM with
 * a 64 MB heap meets an IDX pair (n x d exact from the header) and a CSV file (estimated from its
 * size) that need several times that.
 */
class MemoryLimitTest {

    private static final List<String> SMALL_HEAP = List.of("-Xmx64m");

    @TempDir
    Path dir;

    @Test
    void anIdxPairTooLargeForTheHeapIsRefusedFromItsHeader() throws Exception {
        int n = 12_000;
        Path images = dir.resolve("train-images-idx3-ubyte");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            out.write(new byte[n * 28 * 28]);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("train-labels-idx1-ubyte")))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(i % 2);
            }
        }
        ChildCli r = ChildCli.run(dir, null, ChildCli.command(SMALL_HEAP, "train", dir.toString(), "--steps", "1"));
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: " + images + ": 12,000 samples x 784 features (from its IDX header) take"
                + " 72 MB as doubles; reading and training them need about ") && r.err().contains(
                "Raise the limit: ONENEURON_JAVA_OPTS=-Xmx512m") && r.noTrace(), r.toString());
    }

    @Test
    void aCsvFileTooLargeForTheHeapIsRefusedFromItsSize() throws Exception {
        Path csv = dir.resolve("wide.csv");
        String row = "0,1,".repeat(50) + "1\n";
        try (OutputStream out = Files.newOutputStream(csv)) {
            byte[] bytes = row.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 20_000; i++) {
                out.write(bytes);
            }
        }
        ChildCli r = ChildCli.run(dir, null, ChildCli.command(SMALL_HEAP, "train", csv.toString(), "--steps", "1"));
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: " + csv + ": 20,000 samples x 100 features (estimated from the file's"
                + " size)") && r.err().contains("ONENEURON_JAVA_OPTS=-Xmx") && r.noTrace(), r.toString());
    }

    @Test
    void anOutOfMemoryErrorThatStillHappensIsOneLine() throws Exception {
        // θ alone (two hidden layers of 4,000: 16M parameters, 128 MB) cannot fit 64 MB; the
        // engine's activations are bounded by its block size, so a wide layer alone no longer would.
        ChildCli r = ChildCli.run(dir, null, ChildCli.command(SMALL_HEAP, "train", "blobs:n=200,d=2",
                "--hidden", "4000,4000", "--steps", "1"));
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: out of memory: this command needs more than the Java heap's limit of")
                && r.err().contains("ONENEURON_JAVA_OPTS=-Xmx") && r.noTrace(), r.toString());
    }
}
