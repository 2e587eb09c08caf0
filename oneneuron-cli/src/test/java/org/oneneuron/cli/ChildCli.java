package org.oneneuron.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a child JVM (this test's class path, the launcher's JVM flags), so that
 * tests can impose what a process meets for real: a file-size limit (bash's ulimit -f), a small
 * heap, a full or read-only file system.
 */
record ChildCli(int exitCode, String out, String err) {

    /** The java command for {@link Main} with extra JVM flags, then the command's arguments. */
    static List<String> command(List<String> jvmFlags, String... args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(List.of("--add-modules", "jdk.incubator.vector", "-XX:-UsePerfData", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        c.addAll(launcherLogFlags());
        c.addAll(jvmFlags);
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        c.addAll(List.of(args));
        return c;
    }

    /** The JVM log flags the launcher script ({@code ../oneneuron}) passes, read from its {@code flags+=(-Xlog…)} line. */
    static List<String> launcherLogFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("..", "oneneuron"), StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("flags+=(-Xlog:") && t.endsWith(")")) {
                    return List.of(t.substring("flags+=(".length(), t.length() - 1).split(" "));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the launcher script", e);
        }
        throw new IllegalStateException("the launcher script has no flags+=(-Xlog:...) line");
    }

    /** Runs {@code command} (optionally behind a bash prefix such as "ulimit -f 24") in {@code dir}. */
    static ChildCli run(Path dir, String bashPrefix, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (bashPrefix != null) {
            full.addAll(List.of("bash", "-c", bashPrefix + "; exec \"$@\"", "bash"));
        }
        full.addAll(command);
        File out = Files.createTempFile(dir, "child", ".out").toFile();
        File err = Files.createTempFile(dir, "child", ".err").toFile();
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not finish: " + full);
        }
        ChildCli result = new ChildCli(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
        Files.delete(out.toPath());
        Files.delete(err.toPath());
        return result;
    }

    /** True when the error output shows no Java exception (no class name, no stack frame). */
    boolean noTrace() {
        return !err.contains("Exception") && !err.contains("\tat ") && !err.contains("Error:");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
