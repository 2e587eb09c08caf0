package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The kernel suites once more on the newest JDK installed beside the one running the build (the
 * launcher prefers the newest JDK; Maven's may be older): this package's tests and the
 * convolution engine's (not {@code VectorGemmTest}, whose allocation check wants a JVM of its
 * own), in a child JVM through the JUnit launcher. JDK 25's masked gathers range-check their idle
 * lanes, which broke a transpose there and only there. Skipped where no newer JDK is installed
 * beside this one.
 */
class NewestJdkKernelsTest {

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    @Test
    void kernelSuitesPassOnTheNewestJdkBesideThisOne() throws IOException, InterruptedException {
        Optional<Path> java = newerJava();
        assumeTrue(java.isPresent(), "no JDK newer than " + Runtime.version().feature() + " beside this one");
        List<String> command = new ArrayList<>(List.of(java.get().toString(), "--add-modules",
                "jdk.incubator.vector", "-Xmx1g", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        run(command);
    }

    /**
     * The launcher builds with the newest JDK, whose javac checks the Vector API classes with every
     * lint but "incubating" (the {@code lint-vector-api} profile of this module's pom; javac 17 cannot
     * and runs them lint-free): the same compile here, so CI on an older JDK sees what breaks a
     * fresh machine's first {@code ./oneneuron} (a rawtypes warning did, with -Werror).
     */
    @Test
    void vectorApiClassesCompileUnderTheNewestJdksLint() throws IOException, InterruptedException {
        Optional<Path> java = newerJava();
        assumeTrue(java.isPresent(), "no JDK newer than " + Runtime.version().feature() + " beside this one");
        Path javac = java.get().resolveSibling("javac");
        assumeTrue(Files.isExecutable(javac), "no javac in " + javac.getParent());
        List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "17", "--add-modules",
                "jdk.incubator.vector", "-Xlint:all,-incubating", "-Werror", "-implicit:none", "-d",
                Files.createTempDirectory("newest-jdk-lint").toString(), "-cp", Path.of("target", "classes").toString()));
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "org", "oneneuron", "linalg"))) {
            files.filter(f -> f.getFileName().toString().matches("Vector.*\\.java")).sorted()
                    .forEach(f -> command.add(f.toString()));
        }
        assertTrue(command.size() > 14, "no Vector API sources found from " + Path.of("").toAbsolutePath());
        run(command);
    }

    /** Runs a child process for at most 300 s; it must exit with 0 (its output in the failure message). */
    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("newest-jdk", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = child.waitFor(300, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "child process did not finish in 300 s:\n" + out);
            assertEquals(0, child.exitValue(), command.get(0) + ":\n" + out);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The newest JDK (by its release file) in the directory that holds this one's home, if newer. */
    static Optional<Path> newerJava() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        Path parent = home.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return Optional.empty();
        }
        int best = Runtime.version().feature();
        Path found = null;
        try (Stream<Path> homes = Files.list(parent)) {
            for (Path h : homes.sorted().toList()) {
                Path release = h.resolve("release");
                Path bin = h.resolve("bin").resolve("java");
                if (!Files.isRegularFile(release) || !Files.isExecutable(bin)) {
                    continue;
                }
                Matcher m = VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
                if (m.find() && Integer.parseInt(m.group(1)) > best) {
                    best = Integer.parseInt(m.group(1));
                    found = bin;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Runs the suites in the child JVM; exit status 1 and the failures printed when any fails. */
    public static final class Child {

        private Child() {
        }

        public static void main(String[] args) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("org.oneneuron.linalg"),
                            selectClass("org.oneneuron.engine.ShiftConvTest"),
                            selectClass("org.oneneuron.engine.ConvBackEndBitsTest"),
                            selectClass("org.oneneuron.engine.WeightGemmTest"),
                            selectClass("org.oneneuron.loss.W5GoldenTest"))
                    .filters(ClassNameFilter.excludeClassNamePatterns(".*NewestJdkKernelsTest.*",
                            ".*VectorGemmTest.*"))
                    .build();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request, summary);
            PrintWriter out = new PrintWriter(System.out, true);
            summary.getSummary().printTo(out);
            summary.getSummary().printFailuresTo(out, 20);
            System.exit(summary.getSummary().getTotalFailureCount() == 0
                    && summary.getSummary().getTestsSucceededCount() > 0 ? 0 : 1);
        }
    }
}
