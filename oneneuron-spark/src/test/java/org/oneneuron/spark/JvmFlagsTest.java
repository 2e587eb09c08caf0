package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * Spark on Java 17+ needs the JVM flags its own launcher passes (JavaModuleOptions). The launcher
 * ./oneneuron and this module's test JVMs (surefire's argLine) must pass exactly those of the
 * Spark version on the class path, so that a Spark upgrade that changes them fails here.
 */
class JvmFlagsTest {

    private static final List<String> SPARK = List.of(JavaModuleOptions.defaultModuleOptionArray());

    @Test
    void theLauncherPassesSparksFlagsWhenAStudyHasAMaster() throws IOException {
        String script = Files.readString(Path.of("..", "oneneuron"), StandardCharsets.UTF_8);
        int block = script.indexOf("if [ \"$spark\" = 1 ]; then\n  # What Spark's own launcher passes");
        assertTrue(block >= 0, "the launcher's Spark flags block");
        int start = script.indexOf("flags+=(", block) + "flags+=(".length();
        String list = script.substring(start, script.indexOf(')', start));
        assertEquals(SPARK, Arrays.stream(list.trim().split("\\s+")).toList());
    }

    @Test
    void theseTestsRunWithSparksFlags() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(arguments.containsAll(SPARK), "missing: " + SPARK.stream().filter(f -> !arguments.contains(f)).toList());
    }
}
