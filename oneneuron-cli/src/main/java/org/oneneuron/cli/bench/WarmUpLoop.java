package org.oneneuron.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Runs one workload step untimed until the JIT has settled, as a JMH warm-up does: at least
 * {@code minSteps} steps, then until {@link #STABLE} consecutive steps each took at most 1.3× the
 * fastest step seen <em>and</em> the JIT finished no compilation for the last {@link #QUIET_CPU_SECONDS}
 * of the thread's CPU time (and those steps), at most
 * {@link #MAX_CPU_SECONDS} of the thread's CPU time. The JIT compiles the Vector API kernels
 * asynchronously; until it has, they run two to three orders of magnitude slower.
 *
 * <p>Steps are timed in the calling thread's CPU time, not wall time, and the cap is CPU time
 * too: on a loaded machine a wall-clock cap ended some warm-ups after a dozen steps, with the
 * kernels still interpreted, and the timed run then depended on when C2 happened to finish.
 * Where the JVM reports no compilation time, the JIT condition is skipped.
 */
final class WarmUpLoop {

    static final int STABLE = 20;
    /**
     * The JIT's quiet time that ends a warm-up: C2 compiles a method called a few times per step
     * (a layer's dispatch) after ~5,000 calls, so short quiet stretches come and go for thousands
     * of steps; 20 quiet steps of W2 (30 ms) ended one warm-up at 901 steps, another at 8,037.
     */
    static final double QUIET_CPU_SECONDS = 1.0;
    /**
     * The cap. W2 (1.5 ms steps) needed about 5,000 steps, 8 CPU-seconds: C2 compiles a method
     * called a few times per step (the layers' dispatch) only after ~5,000 calls.
     */
    static final double MAX_CPU_SECONDS = 20;
    /** A guard for a step whose thread's CPU time cannot be read: wall seconds. */
    static final double MAX_WALL_SECONDS = 120;

    /** One unit of work. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * @param steps    steps run
     * @param seconds  wall time of the warm-up
     * @param jitQuiet whether it ended on {@link #STABLE} steady steps without a compilation
     *                 (false: it hit the cap, or did not run)
     */
    record Outcome(int steps, double seconds, boolean jitQuiet) {
    }

    private WarmUpLoop() {
    }

    static Outcome run(int minSteps, Step step) throws Exception {
        return run(minSteps, step, 0, null);
    }

    /**
     * {@link #run(int, Step)}, also running {@code side} (untimed, not a step) before the first
     * step and after every {@code every}-th: the work the measured run does besides its steps
     * (a trainer's full-data history passes). The JIT compiles a branch its profile never saw
     * taken as a trap; the measured run's first full-data pass then sprang those traps in the
     * steps' compiled code (a W2 run with {@code -XX:+PrintCompilation}: {@code NeuronHead::forward},
     * {@code ObjectiveChunk::run} and {@code ActivationLayer::value} "made not entrant: uncommon
     * trap" as the timed call began), and the timed steps ran on re-profiling code until C2 had
     * compiled them again.
     *
     * @param every {@code side} after every this many steps; 0 (or a null {@code side}): never
     */
    static Outcome run(int minSteps, Step step, int every, Step side) throws Exception {
        if (minSteps <= 0) {
            return new Outcome(0, 0, false);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : start;
        long best = Long.MAX_VALUE;
        int stable = 0;
        int steps = 0;
        boolean settled = false;
        long quietSince = cpuStart;
        long compiled = jitTimed ? jit.getTotalCompilationTime() : 0;
        while (true) {
            if (side != null && every > 0 && steps % every == 0) {
                side.run();
            }
            long t0 = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            step.run();
            long t1 = cpu ? threads.getCurrentThreadCpuTime() : System.nanoTime();
            long took = t1 - t0;
            steps++;
            best = Math.min(best, took);
            long compiledNow = jitTimed ? jit.getTotalCompilationTime() : 0;
            boolean quiet = compiledNow == compiled;
            compiled = compiledNow;
            stable = took <= best + 3 * best / 10 && quiet ? stable + 1 : 0;
            if (!quiet) {
                quietSince = t1;
            }
            if (steps >= minSteps && stable >= STABLE && (!cpu || (t1 - quietSince) * 1e-9 >= QUIET_CPU_SECONDS)) {
                settled = true;
                break;
            }
            if ((t1 - cpuStart) * 1e-9 >= MAX_CPU_SECONDS
                    || (System.nanoTime() - start) * 1e-9 >= MAX_WALL_SECONDS) {
                break;
            }
        }
        return new Outcome(steps, (System.nanoTime() - start) * 1e-9, settled);
    }
}
