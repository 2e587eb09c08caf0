package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The determinism rule across JIT states: {@link DeterminismProbe} run interpreted (-Xint, child
 * JVM with the same java binary, class path and vector-width flags) gives the same bits as in this
 * JVM after a warm-up long enough for C2 to compile the kernels.
 */
class JitDeterminismTest {

    @Test
    void interpretedChildJvmGivesTheSameBitsAsCompiledCode() throws IOException, InterruptedException {
        String first = DeterminismProbe.fingerprint();
        for (int i = 0; i < 4000; i++) {
            assertEquals(first, DeterminismProbe.fingerprint());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xint", "--add-modules", "jdk.incubator.vector"));
        command.addAll(vectorWidthFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DeterminismProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        Process child = pb.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        String[] lines = out.strip().split("\\R");
        assertEquals(first, lines[lines.length - 1]);
    }

    /** This JVM's flags that choose the lane count (a child without them could run wider lanes: other bits). */
    private static List<String> vectorWidthFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:MaxVectorSize=") || a.startsWith("-XX:UseAVX=")
                        || a.startsWith("-XX:UseSSE="))
                .toList();
    }
}
