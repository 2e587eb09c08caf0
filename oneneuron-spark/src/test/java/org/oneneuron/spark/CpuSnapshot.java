package org.oneneuron.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time (user + system) of every thread of some processes at one moment, read from Linux's
 * /proc/PID/task/TID/stat, for {@link ScalingBenchmark}: the difference of two snapshots says which
 * process, and which kind of thread in it, used the CPU in between. Unlike wall-clock time it does
 * not grow when other programs share the cores, so it can be taken on a loaded machine.
 *
 * <p>Thread kinds, by the thread's native name (HotSpot names its threads after their Java name,
 * cut to 15 characters): {@code train} computes runs (Spark's "Executor task launch worker…",
 * the in-process runner's "study-worker"), {@code gc} collects garbage ("GC Thread#…", "G1 …",
 * and the "VM Thread" that runs the serial collector's pauses), {@code jit} compiles
 * ("C1/C2 CompilerThre…"), {@code other} is everything else (Spark's RPC, heartbeats, the
 * driver's journal thread, timers).
 */
final class CpuSnapshot {

    /** Thread kinds, in report order. */
    static final List<String> KINDS = List.of("train", "gc", "jit", "other");

    /** Clock ticks a second of /proc's utime and stime (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private record Sample(String role, String kind, String name, long ticks) {
    }

    private final long nanos;
    private final Map<String, Sample> threads; // "pid/tid" -> sample

    private CpuSnapshot(long nanos, Map<String, Sample> threads) {
        this.nanos = nanos;
        this.threads = threads;
    }

    /** A snapshot of the processes of each role (e.g. "driver", "executor-0"), now. */
    static CpuSnapshot take(Map<String, List<ProcessHandle>> roles) {
        Map<String, Sample> threads = new HashMap<>();
        roles.forEach((role, processes) -> {
            for (ProcessHandle p : processes) {
                Path tasks = Path.of("/proc", Long.toString(p.pid()), "task");
                try (Stream<Path> list = Files.list(tasks)) {
                    list.forEach(task -> read(task, role, p.pid(), threads));
                } catch (IOException | RuntimeException e) {
                    // the process is gone
                }
            }
        });
        return new CpuSnapshot(System.nanoTime(), threads);
    }

    private static void read(Path task, String role, long pid, Map<String, Sample> into) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close);
            String[] f = stat.substring(close + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            into.put(pid + "/" + task.getFileName(), new Sample(role, kind(name), name, ticks));
        } catch (IOException | RuntimeException e) {
            // the thread ended
        }
    }

    /** The kind of a thread from its native name. */
    static String kind(String name) {
        if (name.startsWith("Executor task") || name.startsWith("study-worker")) {
            return "train";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "gc";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        return "other";
    }

    /** Seconds from {@code earlier} to this snapshot. */
    double secondsSince(CpuSnapshot earlier) {
        return (nanos - earlier.nanos) / 1e9;
    }

    /**
     * CPU seconds each role's threads of each kind used since {@code earlier} (a thread that
     * started in between counts from zero; one that ended in between is missed), roles in
     * name order, kinds in {@link #KINDS} order.
     */
    Map<String, Map<String, Double>> since(CpuSnapshot earlier) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        threads.forEach((id, now) -> {
            Sample before = earlier.threads.get(id);
            long ticks = now.ticks() - (before == null ? 0 : before.ticks());
            Map<String, Double> kinds = out.computeIfAbsent(now.role(), r -> {
                Map<String, Double> m = new LinkedHashMap<>();
                KINDS.forEach(k -> m.put(k, 0.0));
                return m;
            });
            kinds.merge(now.kind(), ticks / TICKS_PER_SECOND, Double::sum);
        });
        return out;
    }

    /** Total CPU seconds of the given kinds (all kinds when empty) over every role. */
    static double total(Map<String, Map<String, Double>> usage, String... kinds) {
        List<String> wanted = kinds.length == 0 ? KINDS : List.of(kinds);
        double sum = 0;
        for (Map<String, Double> byKind : usage.values()) {
            for (String k : wanted) {
                sum += byKind.getOrDefault(k, 0.0);
            }
        }
        return sum;
    }

    /** {"role":{"train":s,"gc":s,"jit":s,"other":s},…} with two decimals. */
    static String json(Map<String, Map<String, Double>> usage) {
        List<String> roles = new ArrayList<>();
        usage.forEach((role, kinds) -> {
            List<String> parts = new ArrayList<>();
            kinds.forEach((k, s) -> parts.add(String.format(Locale.ROOT, "\"%s\":%.2f", k, s)));
            roles.add("\"" + role + "\":{" + String.join(",", parts) + "}");
        });
        return "{" + String.join(",", roles) + "}";
    }

    /**
     * The JSON fields of a study's CPU accounting: {@code warmup_cpu_s}, all CPU from the study's
     * start to the end of warm-up (executor start, JIT, the first run of each slot); then over the
     * steady window from there to the last result: its length {@code window_s}, the CPU by role
     * and thread kind ({@code window_cpu}), training and all CPU a run, the slots' busy fraction
     * (training CPU / (slots x window)), the cores that were busy with anything but training
     * ({@code overhead_cores}), and {@code cpu_bound_runs_per_s}: the runs/s these CPU costs allow
     * on {@code cores} cores that do nothing else, min(slots / training CPU a run, cores / all CPU
     * a run).
     */
    static String steadyJson(CpuSnapshot start, CpuSnapshot warm, CpuSnapshot end, int windowRuns, int slots,
                             int cores) {
        Map<String, Map<String, Double>> window = end.since(warm);
        double seconds = end.secondsSince(warm);
        double train = total(window, "train");
        double all = total(window);
        double trainPerRun = train / windowRuns;
        double allPerRun = all / windowRuns;
        return String.format(Locale.ROOT, "\"warmup_cpu_s\":%.2f,\"window_s\":%.3f,\"window_runs\":%d,"
                + "\"window_cpu\":%s,\"train_cpu_per_run_s\":%.4f,\"all_cpu_per_run_s\":%.4f,\"busy\":%.3f,"
                + "\"overhead_cores\":%.3f,\"cores\":%d,\"cpu_bound_runs_per_s\":%.4f",
                total(warm.since(start)), seconds, windowRuns, json(window), trainPerRun, allPerRun,
                train / (slots * seconds), (all - train) / seconds, cores,
                Math.min(slots / trainPerRun, cores / allPerRun));
    }

    /** The threads that used the most CPU since {@code earlier}: "role/name seconds", at most n. */
    List<String> top(CpuSnapshot earlier, int n) {
        Map<String, Double> byName = new HashMap<>();
        threads.forEach((id, now) -> {
            Sample before = earlier.threads.get(id);
            long ticks = now.ticks() - (before == null ? 0 : before.ticks());
            byName.merge(now.role() + "/" + now.name(), ticks / TICKS_PER_SECOND, Double::sum);
        });
        return byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(n).map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).toList();
    }
}
