package org.oneneuron.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts test main classes in child JVMs with this test's class path. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The java command for {@code mainClass} with this JVM's class path, then {@code args}. */
    public static List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-XX:-UsePerfData");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@link LockHolderMain} on {@code path} and returns once it holds the lock. */
    public static Process holdLock(Path path, boolean file) throws IOException {
        List<String> command = file ? java(LockHolderMain.class.getName(), path.toString(), "file")
                : java(LockHolderMain.class.getName(), path.toString());
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"locked".equals(line)) {
            child.destroyForcibly();
            throw new IllegalStateException("the lock holder did not start: " + line);
        }
        return child;
    }

    /** Kills a child with SIGKILL and waits for it. */
    public static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + child.pid() + " did not die");
        }
    }
}
