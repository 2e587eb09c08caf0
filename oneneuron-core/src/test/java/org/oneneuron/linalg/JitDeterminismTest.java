package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The determinism rule across JIT states: {@link DeterminismProbe} run interpreted (-Xint, child
 * JVM with the same java binary and class path) gives the same bits as in this JVM after a warm-up
 * long enough for C2 to compile the kernels.
 */
class JitDeterminismTest {

    @Test
    void interpretedChildJvmGivesTheSameBitsAsCompiledCode() throws IOException, InterruptedException {
        String first = DeterminismProbe.fingerprint();
        for (int i = 0; i < 4000; i++) {
            assertEquals(first, DeterminismProbe.fingerprint());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xint", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), DeterminismProbe.class.getName()));
        pb.redirectErrorStream(true);
        Process child = pb.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        String[] lines = out.strip().split("\\R");
        assertEquals(first, lines[lines.length - 1]);
    }
}
