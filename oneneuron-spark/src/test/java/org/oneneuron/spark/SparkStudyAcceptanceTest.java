package org.oneneuron.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.Main;

/**
 * Issue 12's acceptance: one study run in-process, then on Spark three ways, each journal equal
 * to the in-process one line for line (the wall-clock "seconds" aside): local[2] in this JVM; a
 * real standalone cluster (a master and two one-core workers, separate JVMs) with one worker and
 * its executor killed with SIGKILL part-way; and a local[2] driver in its own JVM killed with
 * SIGKILL part-way, then the same command again. The study (full-batch GD) mixes runs trained
 * alone (hidden 16) and tiny networks trained in batches (hidden 4).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkStudyAcceptanceTest {

    private static final List<String> STUDY = List.of("study", "--data", "xor", "--hidden", "4", "--hidden", "16",
            "--neuron", "none,skip-exp", "--optimizer", "gd", "--lr", "0.1", "--restarts", "10", "--steps", "2000",
            "--seed", "11", "--no-report");
    private static final int RUNS = 40;
    /** Journal lines before a kill: past the executors' warm-up, well before the end. */
    private static final int KILL_AFTER = 8;

    @TempDir
    static Path dir;

    private static List<String> reference;
    /** Held here: java.util.logging keeps loggers weakly, and a collected one loses its handler. */
    private static final Logger SPARK_LOG = Logger.getLogger("org.oneneuron.spark");
    private static final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void inProcess() throws IOException {
        SPARK_LOG.addHandler(CAPTURE);
        Cli run = Cli.run(args(dir.resolve("in-process"), "--threads", "2", "-q"));
        assertEquals(0, run.exitCode(), run::toString);
        reference = Journals.comparable(dir.resolve("in-process").resolve("journal.jsonl"));
        assertEquals(RUNS, reference.size());
    }

    @AfterAll
    static void removeCapture() {
        SPARK_LOG.removeHandler(CAPTURE);
    }

    @Test
    void localMasterInThisJvmGivesTheInProcessJournal() throws IOException {
        Path out = dir.resolve("local");
        Cli run = Cli.run(args(out, "--master", "local[2]"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(reference, Journals.comparable(out.resolve("journal.jsonl")));
        assertTrue(run.err().contains("study: " + RUNS + " runs, 0 already in the journal"), run::toString);
        assertTrue(run.err().contains("study: " + RUNS + "/" + RUNS + " runs"), run::toString);
        assertTrue(run.noTrace(), run::toString);

        Cli again = Cli.run(args(out, "--master", "local[2]"));
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.err().contains(RUNS + " already in the journal"), again::toString);
        assertEquals(reference, Journals.comparable(out.resolve("journal.jsonl")), "a finished study is not redone");
    }

    @Test
    void standaloneClusterLosingAWorkerPartWayGivesTheInProcessJournal() throws Exception {
        Path out = dir.resolve("standalone");
        Path journal = out.resolve("journal.jsonl");
        warnings.clear();
        try (StandaloneCluster cluster = StandaloneCluster.start(Files.createDirectories(dir.resolve("cluster")), 2)) {
            AtomicLong linesAtKill = new AtomicLong(-1);
            Thread killer = new Thread(() -> {
                try {
                    while (Journals.lines(journal) < KILL_AFTER || !cluster.everyWorkerHasAnExecutor()) {
                        Thread.sleep(20);
                    }
                    linesAtKill.set(Journals.lines(journal));
                    cluster.killWorker(0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "worker-killer");
            killer.setDaemon(true);
            killer.start();
            Cli run = withSystemProperties(Map.of(
                    "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                    "spark.executor.memory", "512m",
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1",
                    "spark.ui.enabled", "false"), () -> Cli.run(args(out, "--master", cluster.url(), "-q")));
            killer.interrupt();
            killer.join();
            String context = run + "\nwarnings: " + warnings + "\n" + logs(dir.resolve("cluster"));
            assertEquals(0, run.exitCode(), context);
            assertTrue(linesAtKill.get() >= KILL_AFTER && linesAtKill.get() < RUNS,
                    "the worker died part-way: " + linesAtKill.get() + " of " + RUNS + " runs were journaled\n" + context);
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("executor ") && w.contains(" left (")),
                    "the driver saw the executor go: " + context);
            assertEquals(RUNS, Files.readAllLines(journal, StandardCharsets.UTF_8).size(), "each run once");
            assertEquals(reference, Journals.comparable(journal), context);
        }
    }

    @Test
    void driverKilledPartWayThenRunAgainGivesTheInProcessJournal() throws Exception {
        Path out = dir.resolve("driver-killed");
        Path journal = out.resolve("journal.jsonl");
        List<String> command = SparkJvms.command(List.of("-Xmx512m"),
                Stream.concat(Stream.of(Main.class.getName()), Stream.of(args(out, "--master", "local[2]")))
                        .toArray(String[]::new));
        File log = dir.resolve("driver-killed.log").toFile();
        Process first = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        long linesAtKill;
        try {
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (Journals.lines(journal) < KILL_AFTER && first.isAlive() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            linesAtKill = Journals.lines(journal);
        } finally {
            SparkJvms.killHard(first);
            first.waitFor(30, TimeUnit.SECONDS);
        }
        String firstLog = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertTrue(linesAtKill >= KILL_AFTER && linesAtKill < RUNS,
                "killed part-way: " + linesAtKill + " of " + RUNS + " runs journaled\n" + firstLog);
        assertEquals(137, first.exitValue(), "SIGKILL");

        // The same command again (in this JVM, which saves starting one more).
        Cli second = Cli.run(args(out, "--master", "local[2]"));
        assertEquals(0, second.exitCode(), second::toString);
        long resumed = Long.parseLong(second.err().replaceAll("(?s).*study: " + RUNS
                + " runs, (\\d+) already in the journal.*", "$1"));
        assertTrue(resumed >= linesAtKill - 1, "the re-run kept the journaled runs (a torn last line is redone): "
                + resumed + " of " + linesAtKill + "\n" + second);
        assertEquals(reference, Journals.comparable(journal), second::toString);
    }

    private static String[] args(Path out, String... more) {
        return Stream.of(STUDY.stream(), Stream.of("--out", out.toString()), Stream.of(more))
                .flatMap(s -> s).toArray(String[]::new);
    }

    private static Cli withSystemProperties(Map<String, String> properties, java.util.function.Supplier<Cli> body) {
        properties.forEach(System::setProperty);
        try {
            return body.get();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    /** The daemons' logs, for a failure message. */
    private static String logs(Path clusterDir) throws IOException {
        try (Stream<Path> files = Files.walk(clusterDir)) {
            return files.filter(p -> p.toString().endsWith(".log") || p.getFileName().toString().equals("stderr"))
                    .map(p -> "--- " + clusterDir.relativize(p) + "\n" + tail(p))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
