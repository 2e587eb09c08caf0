package org.oneneuron.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one thread's time into named phases: {@link #charge(String)} adds the wall and CPU time
 * since the previous charge (or the clock's creation) to a phase. Each charge reads the clocks
 * once (System.nanoTime and the thread's CPU time), so charging at phase boundaries costs about a
 * microsecond. Not thread-safe: one clock per thread.
 */
public final class PhaseClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = cpuTimeAvailable();

    private final Map<String, long[]> totals = new LinkedHashMap<>();
    private long wall;
    private long cpu;

    /** A clock whose first phase starts now. */
    public PhaseClock() {
        wall = System.nanoTime();
        cpu = cpuNow();
    }

    /** Adds the time since the last charge to {@code phase}, and starts the next phase now. */
    public void charge(String phase) {
        long w = System.nanoTime();
        long c = cpuNow();
        long[] t = totals.computeIfAbsent(phase, k -> new long[2]);
        t[0] += w - wall;
        t[1] += Math.max(0, c - cpu);
        wall = w;
        cpu = c;
    }

    /** Forgets the time since the last charge (it counts in no phase). */
    public void skip() {
        wall = System.nanoTime();
        cpu = cpuNow();
    }

    /** The phases charged so far. */
    public Timings timings() {
        List<Timings.Phase> phases = new ArrayList<>();
        totals.forEach((name, t) -> phases.add(new Timings.Phase(name, t[0] * 1e-9, t[1] * 1e-9)));
        return new Timings(phases);
    }

    private static long cpuNow() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** isThreadCpuTimeEnabled throws only where thread CPU time is unsupported, which the first test excludes. */
    private static boolean cpuTimeAvailable() {
        return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }
}
