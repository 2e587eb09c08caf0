package org.oneneuron.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs one workload step untimed until its speed is stable, as a JMH warm-up does: at least
 * {@code minSteps} steps, then until {@link #STABLE} consecutive steps each took at most 1.3× the
 * fastest step seen and the JIT compiled nothing while they ran, at most {@link #MAX_SECONDS}
 * seconds. The JIT compiles the Vector API kernels asynchronously; until it has, they run two to
 * three orders of magnitude slower, and steps can look stable at an intermediate tier while the
 * final compilations are still queued (W5: a warm-up that stopped after 115 steps and 1.3 s left
 * the timed loop at 25.8k samples/s against 30.3k after a full one; the compiler's own threads
 * then ran inside the timed window).
 */
final class WarmUpLoop {

    static final int STABLE = 20;
    static final double MAX_SECONDS = 10;

    /** One unit of work. */
    interface Step {
        void run() throws Exception;
    }

    /**
     * @param steps   steps run
     * @param seconds wall time of the warm-up
     */
    record Outcome(int steps, double seconds) {
    }

    private WarmUpLoop() {
    }

    static Outcome run(int minSteps, Step step) throws Exception {
        if (minSteps <= 0) {
            return new Outcome(0, 0);
        }
        long start = System.nanoTime();
        long best = Long.MAX_VALUE;
        int stable = 0;
        int steps = 0;
        while ((System.nanoTime() - start) * 1e-9 < MAX_SECONDS) {
            long compiled = compilationMillis();
            long t0 = System.nanoTime();
            step.run();
            long took = System.nanoTime() - t0;
            steps++;
            best = Math.min(best, took);
            boolean quiet = compilationMillis() == compiled;
            stable = took <= best + 3 * best / 10 && quiet ? stable + 1 : 0;
            if (steps >= minSteps && stable >= STABLE) {
                break;
            }
        }
        return new Outcome(steps, (System.nanoTime() - start) * 1e-9);
    }

    /** Milliseconds the JIT has spent compiling so far, or 0 where the JVM does not say. */
    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }
}
