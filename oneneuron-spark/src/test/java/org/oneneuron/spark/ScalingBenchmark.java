package org.oneneuron.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.oneneuron.study.Journal;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.RunOutcome;
import org.oneneuron.study.RunSpec;
import org.oneneuron.study.StudyListener;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;

/**
 * Issue 12's scaling measurements (docs/CLUSTER.md); not a test. One mode per JVM, one JSON line
 * per study on stdout (the threads that used the most CPU in steady state go to stderr): the
 * study's runs/s, in steady state and summed over task slots ({@link StudyMeasure}), and the CPU
 * of every process involved by role and thread kind ({@link CpuSnapshot}): this JVM ("driver"),
 * and on a standalone cluster its master, workers and executors.
 *
 * <pre>
 * java SPARK_FLAGS -cp TEST_CLASSPATH org.oneneuron.spark.ScalingBenchmark MODE SPEC.json WORKDIR [SPEC2.json]
 *   MODE: in-process:T | local:N | standalone:W (a fresh cluster of W one-core workers)
 *       | journal:N (N appends) | rounds:K (see below)
 * </pre>
 *
 * {@code rounds:K} is the paired measurement of the two scaling targets: one cluster of
 * two one-core workers is started once, then K rounds each run in-process with 1 and 2 threads and
 * on the cluster with 1 and 2 executors ({@code spark.cores.max}), in an order that rotates from
 * round to round, the one-slot studies from SPEC and the two-slot ones from SPEC2 (twice the
 * runs, so every slot does the same number). The ratios are taken within a round, minutes apart
 * at most, so that a machine whose speed drifts (a shared host) moves both sides of a ratio
 * together; the last line gives each round's ratios and their medians, wall-clock and CPU-based.
 * docs/perf/spark-scaling.sh runs every mode.
 */
public final class ScalingBenchmark {

    /** Lines per group commit in the journal benchmark. */
    private static final int GROUP = 50;

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        StudySpec spec = spec(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        String kind = mode.substring(0, mode.indexOf(':'));
        int n = Integer.parseInt(mode.substring(mode.indexOf(':') + 1));
        switch (kind) {
            case "journal" -> print(mode, spec, journal(spec, work, n), loadAverage(), System.nanoTime());
            case "in-process", "local" -> {
                String load = loadAverage();
                long begin = System.nanoTime();
                print(mode, spec, inProcessOrLocal(mode, spec, work).json(), load, begin);
            }
            case "standalone" -> {
                String load = loadAverage();
                long begin = System.nanoTime();
                sparkProperties();
                try (StandaloneCluster cluster = StandaloneCluster.start(work.resolve("cluster"), n)) {
                    print(mode, spec, standalone(mode, spec, work, cluster).json(), load, begin);
                }
            }
            case "rounds" -> ScalingRounds.run(n, spec, spec(args[3]), work);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static StudySpec spec(String file) throws IOException {
        return StudySpec.fromJson(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
    }

    /** Prints one JSON line: the mode, the steps, {@code fields}, the wall time since begin, the load. */
    static void print(String mode, StudySpec spec, String fields, String load, long begin) {
        System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"steps\":%d,%s,\"wall_total_s\":%.2f,\"load_before\":\"%s\","
                + "\"load_after\":\"%s\"}%n", mode, spec.steps(), fields, (System.nanoTime() - begin) / 1e9, load,
                loadAverage());
        System.out.flush();
    }

    /** in-process:T (the in-process runner, T threads) or local:N, in this JVM. */
    static StudyMeasure inProcessOrLocal(String mode, StudySpec spec, Path work) {
        int n = Integer.parseInt(mode.substring(mode.indexOf(':') + 1));
        Supplier<Map<String, List<ProcessHandle>>> self = () -> Map.of("driver", List.of(ProcessHandle.current()));
        if (mode.startsWith("in-process")) {
            return StudyMeasure.of(mode, n, work, self, null,
                    (dir, listener) -> new StudyRunner(new TrainerRunFunction(), n, Duration.ZERO, listener).run(spec, dir));
        }
        return StudyMeasure.of(mode, n, work, self, TaskTimes::drain,
                (dir, listener) -> new SparkStudyRunner().run("local[" + n + "]", spec, dir, Duration.ZERO, listener));
    }

    /**
     * Spark's settings for a driver in this JVM: executors get this class path, 512 MB, no web UI,
     * everything on 127.0.0.1, and {@link TaskTimes} listens.
     */
    static void sparkProperties() {
        Map<String, String> props = Map.of(
                "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.memory", "512m", "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1", "spark.ui.enabled", "false",
                "spark.extraListeners", TaskTimes.class.getName());
        props.forEach(System::setProperty);
    }

    /** A study on {@code cluster} (its executors as many as its workers, or spark.cores.max). */
    static StudyMeasure standalone(String mode, StudySpec spec, Path work, StandaloneCluster cluster) {
        int slots = Integer.parseInt(mode.substring(mode.indexOf(':') + 1));
        return StudyMeasure.of(mode, slots, work, cluster::roles, TaskTimes::drain,
                (dir, listener) -> new SparkStudyRunner().run(cluster.url(), spec, dir, Duration.ZERO, listener));
    }

    /**
     * n appends of a real run's journal line to a fresh journal: one force per line (the in-process
     * runner), then in groups of {@link #GROUP} with one force per group (the Spark driver's group
     * commit when results arrive together).
     */
    private static String journal(StudySpec spec, Path work, int n) throws IOException {
        RunOutcome outcome = new StudyRunner(new TrainerRunFunction(), 1, Duration.ZERO, StudyListener.none())
                .replay(spec, 0).outcome();
        RunSpec run = spec.expand().get(0);
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new JournalEntry(new RunSpec(i, run.data(), run.hidden(), run.activation(), run.neuron(),
                    run.loss(), run.reduction(), run.lambda(), run.optimizer(), run.learningRate(), run.steps(),
                    run.clip(), run.init(), i, run.studySeed(), run.heldOutFraction()), outcome));
        }
        double[] perSecond = new double[2];
        long bytes = 0;
        for (int grouped = 0; grouped < 2; grouped++) {
            Path file = work.resolve("journal-bench-" + grouped + ".jsonl");
            Files.deleteIfExists(file);
            long start = System.nanoTime();
            try (Journal journal = Journal.open(file)) {
                if (grouped == 0) {
                    entries.forEach(journal::append);
                } else {
                    for (int from = 0; from < n; from += GROUP) {
                        journal.appendAll(entries.subList(from, Math.min(n, from + GROUP)));
                    }
                }
            }
            perSecond[grouped] = n / ((System.nanoTime() - start) / 1e9);
            bytes = Files.size(file);
        }
        return String.format(Locale.ROOT, "\"lines\":%d,\"bytes_per_line\":%d,\"lines_per_s_one_force_each\":%.1f,"
                + "\"lines_per_s_groups_of_%d\":%.1f", n, bytes / n, perSecond[0], GROUP, perSecond[1]);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
