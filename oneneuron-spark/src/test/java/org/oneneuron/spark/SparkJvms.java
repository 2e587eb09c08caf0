package org.oneneuron.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/** Java commands for the JVMs the tests start (Spark daemons, a driver): this test's class path and Spark's flags. */
final class SparkJvms {

    private SparkJvms() {
    }

    /** java, Spark's module flags, a small heap, this class path, then {@code mainAndArgs}. */
    static List<String> command(List<String> jvmFlags, String... mainAndArgs) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        c.addAll(List.of("-XX:-UsePerfData", "-XX:+UseSerialGC"));
        c.addAll(jvmFlags);
        c.addAll(List.of("-cp", System.getProperty("java.class.path")));
        c.addAll(List.of(mainAndArgs));
        return c;
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills {@code process} and everything it started with SIGKILL, children first. */
    static void killHard(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
