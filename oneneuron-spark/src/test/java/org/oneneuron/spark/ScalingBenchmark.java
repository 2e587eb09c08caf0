package org.oneneuron.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneneuron.study.Journal;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.RunOutcome;
import org.oneneuron.study.RunSpec;
import org.oneneuron.study.StudyListener;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;

/**
 * Issue 12's scaling measurements (docs/CLUSTER.md), one mode per JVM; not a test. Prints one JSON
 * line: the mode, runs, the study's wall time from the runner's start (Spark already up) to the
 * last journaled run, runs/s over it and in steady state (the first result of each task slot
 * left out: executor start and JIT warm-up), the total wall time with Spark's start and stop, the
 * CPU seconds of every process involved (this JVM, and for a standalone cluster its master,
 * workers and executors) and of those that computed the runs (this JVM, or the executors), and the
 * load average before and after.
 *
 * <pre>
 * java SPARK_FLAGS -cp TEST_CLASSPATH org.oneneuron.spark.ScalingBenchmark MODE SPEC.json WORKDIR
 *   MODE: in-process:T | local:N | standalone:W (W one-core workers) | journal:N (N appends)
 * </pre>
 * docs/perf/spark-scaling.sh runs every mode.
 */
public final class ScalingBenchmark {

    /** Lines per group commit in the journal benchmark. */
    private static final int GROUP = 50;

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        StudySpec spec = StudySpec.fromJson(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        String load = loadAverage();
        long begin = System.nanoTime();
        String kind = mode.substring(0, mode.indexOf(':'));
        int n = Integer.parseInt(mode.substring(mode.indexOf(':') + 1));
        String result = switch (kind) {
            case "journal" -> journal(spec, work, n);
            case "in-process" -> study(mode, spec, work, n, () -> ownCpu(), () -> ownCpu(),
                    (dir, listener) -> new StudyRunner(new TrainerRunFunction(), n, Duration.ZERO, listener).run(spec, dir));
            case "local" -> study(mode, spec, work, n, () -> ownCpu(), () -> ownCpu(),
                    (dir, listener) -> new SparkStudyRunner().run("local[" + n + "]", spec, dir, Duration.ZERO, listener));
            case "standalone" -> standalone(mode, spec, work, n);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"steps\":%d,%s,\"wall_total_s\":%.2f,\"load_before\":\"%s\","
                + "\"load_after\":\"%s\"}%n", mode, spec.steps(), result, (System.nanoTime() - begin) / 1e9, load,
                loadAverage());
    }

    private interface Study {
        void run(Path dir, StudyListener listener);
    }

    private interface Cpu {
        double seconds();
    }

    private static String standalone(String mode, StudySpec spec, Path work, int workers) throws Exception {
        Map<String, String> props = Map.of("spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.memory", "512m", "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1", "spark.ui.enabled", "false");
        props.forEach(System::setProperty);
        try (StandaloneCluster cluster = StandaloneCluster.start(work.resolve("cluster"), workers)) {
            double[] clusterCpu = {0, 0};
            Runnable sample = () -> {
                clusterCpu[0] = cluster.cpuSeconds();
                clusterCpu[1] = cluster.executorCpuSeconds();
            };
            String out = study(mode, spec, work, workers, () -> ownCpu() + clusterCpu[0],
                    () -> clusterCpu[1],
                    (dir, listener) -> new SparkStudyRunner().run(cluster.url(), spec, dir, Duration.ZERO,
                            new StudyListener() {
                                @Override
                                public void started(int total, int alreadyDone) {
                                    listener.started(total, alreadyDone);
                                }

                                @Override
                                public void finished(JournalEntry entry, int done, int total) {
                                    listener.finished(entry, done, total);
                                    if (done == total) {
                                        sample.run(); // before the executors stop
                                    }
                                }
                            }));
            return out;
        }
    }

    private static String study(String mode, StudySpec spec, Path work, int slots, Cpu cpu,
                                Cpu computeCpu, Study study) {
        List<Long> finished = new ArrayList<>();
        long[] started = {0};
        double[] runSeconds = {0};
        Path dir = work.resolve(mode.replace(':', '-'));
        study.run(dir, new StudyListener() {
            @Override
            public synchronized void started(int total, int alreadyDone) {
                started[0] = System.nanoTime();
            }

            @Override
            public synchronized void finished(JournalEntry entry, int done, int total) {
                finished.add(System.nanoTime());
                runSeconds[0] += entry.outcome().seconds();
            }
        });
        int runs = finished.size();
        double studySeconds = (finished.get(runs - 1) - started[0]) / 1e9;
        int warm = Math.min(slots, runs - 1);
        double steady = (runs - warm) / ((finished.get(runs - 1) - finished.get(warm - 1)) / 1e9);
        double cpuSeconds = cpu.seconds();
        double computeSeconds = computeCpu.seconds();
        return String.format(Locale.ROOT, "\"runs\":%d,\"study_s\":%.3f,\"runs_per_s\":%.4f,"
                + "\"steady_runs_per_s\":%.4f,\"mean_run_s\":%.4f,\"cpu_s\":%.2f,\"cpu_per_run_s\":%.4f,"
                + "\"compute_cpu_s\":%.2f", runs, studySeconds, runs / studySeconds, steady, runSeconds[0] / runs,
                cpuSeconds, cpuSeconds / runs, computeSeconds);
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

    private static double ownCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
