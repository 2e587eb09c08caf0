package org.oneneuron.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyListener;

/**
 * One study of {@link ScalingBenchmark}, timed and its CPU accounted.
 *
 * <p>Steady state leaves out the first {@link #WARM_RUNS} results of every task slot (an executor
 * thread, or an in-process worker thread): executor start, the first task's deserialization and
 * the JIT compiling the training code (a fresh JVM compiles for about two runs' worth of a 1 s
 * run). {@code slotRunsPerS} sums each slot's own rate, (results − WARM_RUNS) / (its last result −
 * its WARM_RUNS-th), so executors that start apart or finish apart are not counted idle;
 * {@code steadyRunsPerS} is the older whole-study figure (results after the first slots × WARM_RUNS,
 * over the time they took). The CPU of every process in the steady window is in {@link #json}
 * (see {@link CpuSnapshot#steadyJson}).
 *
 * @param mode          what ran (in-process:T, local:N, standalone:W)
 * @param slots         task slots
 * @param slotRunsPerS  steady runs/s, summed over slots
 * @param trainPerRun   CPU seconds of the training threads a run, steady window
 * @param allPerRun     CPU seconds of every thread of every process a run, steady window
 * @param json          the JSON fields of the measure (no braces)
 */
record StudyMeasure(String mode, int slots, double slotRunsPerS, double trainPerRun, double allPerRun,
                    String json) {

    /** Results left out of steady state at the start of each slot. */
    static final int WARM_RUNS = 2;

    /** Runs a study. */
    interface Study {
        void run(Path dir, StudyListener listener);
    }

    /**
     * Runs {@code study} in a fresh folder under {@code work} and measures it.
     *
     * @param roles the processes to account, by role, asked at each snapshot (executors come and go)
     * @param tasks the study's Spark tasks once it has run (executor and finish time), or null when
     *              the slots are this JVM's worker threads
     */
    static StudyMeasure of(String mode, int slots, Path work, Supplier<Map<String, List<ProcessHandle>>> roles,
                           Supplier<List<TaskTimes.Task>> tasks, Study study) {
        List<Long> finished = new ArrayList<>();
        Map<Long, List<Long>> byThread = new LinkedHashMap<>();
        long[] started = {0};
        double[] runSeconds = {0};
        CpuSnapshot[] cpuAt = new CpuSnapshot[3]; // start, end of warm-up, last result
        int warm = slots * WARM_RUNS;
        Path dir = work.resolve(mode.replace(':', '-') + "-" + System.nanoTime());
        TaskTimes.drain();
        study.run(dir, new StudyListener() {
            @Override
            public synchronized void started(int total, int alreadyDone) {
                started[0] = System.nanoTime();
                cpuAt[0] = CpuSnapshot.take(roles.get());
            }

            @Override
            public synchronized void finished(JournalEntry entry, int done, int total) {
                long now = System.nanoTime();
                finished.add(now);
                byThread.computeIfAbsent(Thread.currentThread().getId(), t -> new ArrayList<>()).add(now);
                runSeconds[0] += entry.outcome().seconds();
                if (done == total) {
                    cpuAt[2] = CpuSnapshot.take(roles.get()); // before the executors stop
                } else if (finished.size() == Math.min(warm, total - 1)) {
                    cpuAt[1] = CpuSnapshot.take(roles.get());
                }
            }
        });
        int runs = finished.size();
        int skip = Math.min(warm, runs - 1);
        double studySeconds = (finished.get(runs - 1) - started[0]) / 1e9;
        double steady = (runs - skip) / ((finished.get(runs - 1) - finished.get(skip - 1)) / 1e9);
        List<TaskTimes.Task> sparkTasks = tasks == null ? List.of() : tasks.get();
        double slotRate = tasks == null ? slotRate(byThread.values(), 1e9) : slotRate(byExecutor(sparkTasks), 1e3);
        int windowRuns = runs - skip;
        System.err.println(mode + ", steady window, the threads that used the most CPU (s): "
                + String.join(", ", cpuAt[2].top(cpuAt[1], 12)));
        Map<String, Map<String, Double>> window = cpuAt[2].since(cpuAt[1]);
        double trainPerRun = CpuSnapshot.total(window, "train") / windowRuns;
        double allPerRun = CpuSnapshot.total(window) / windowRuns;
        String json = String.format(Locale.ROOT, "\"runs\":%d,\"warm_runs_per_slot\":%d,\"study_s\":%.3f,"
                + "\"runs_per_s\":%.4f,\"steady_runs_per_s\":%.4f,\"slot_runs_per_s\":%.4f,\"mean_run_s\":%.4f,%s%s",
                runs, WARM_RUNS, studySeconds, runs / studySeconds, steady, slotRate, runSeconds[0] / runs,
                CpuSnapshot.steadyJson(cpuAt[0], cpuAt[1], cpuAt[2], windowRuns, slots,
                        Runtime.getRuntime().availableProcessors()), tasksJson(sparkTasks));
        return new StudyMeasure(mode, slots, slotRate, trainPerRun, allPerRun, json);
    }

    /**
     * The speed-up over one slot that the CPU left to training allows on {@code cores} cores that
     * do nothing else: min(slots, cores × training CPU / all CPU) in the steady window. Wall-clock
     * free, so it can be read on a loaded machine; it assumes no slot waits for anything but CPU.
     */
    double cpuScaling(int cores) {
        return Math.min(slots, cores * trainPerRun / allPerRun);
    }

    /** Sum over slots of (results − WARM_RUNS) / (last − WARM_RUNS-th result). */
    private static double slotRate(Iterable<List<Long>> slots, double ticksPerSecond) {
        double rate = 0;
        for (List<Long> times : slots) {
            if (times.size() > WARM_RUNS) {
                List<Long> sorted = times.stream().sorted().toList();
                rate += (sorted.size() - WARM_RUNS)
                        / ((sorted.get(sorted.size() - 1) - sorted.get(WARM_RUNS - 1)) / ticksPerSecond);
            }
        }
        return rate;
    }

    private static List<List<Long>> byExecutor(List<TaskTimes.Task> tasks) {
        Map<String, List<Long>> m = new TreeMap<>();
        tasks.forEach(t -> m.computeIfAbsent(t.executor(), e -> new ArrayList<>()).add(t.finishMillis()));
        return new ArrayList<>(m.values());
    }

    /** Spark's task metrics in steady state: the task thread's CPU and the JVM's GC time, a run. */
    private static String tasksJson(List<TaskTimes.Task> tasks) {
        Map<String, List<TaskTimes.Task>> m = new TreeMap<>();
        tasks.forEach(t -> m.computeIfAbsent(t.executor(), e -> new ArrayList<>()).add(t));
        double cpu = 0;
        double gc = 0;
        int n = 0;
        for (List<TaskTimes.Task> list : m.values()) {
            List<TaskTimes.Task> sorted = list.stream()
                    .sorted(Comparator.comparingLong(TaskTimes.Task::finishMillis)).toList();
            for (TaskTimes.Task t : sorted.subList(Math.min(WARM_RUNS, sorted.size()), sorted.size())) {
                cpu += t.cpuNanos() / 1e9;
                gc += t.gcMillis() / 1e3;
                n++;
            }
        }
        return n == 0 ? "" : String.format(Locale.ROOT, ",\"task_cpu_per_run_s\":%.4f,\"task_gc_per_run_s\":%.4f",
                cpu / n, gc / n);
    }
}
